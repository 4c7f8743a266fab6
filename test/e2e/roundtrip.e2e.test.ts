import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SMALL_MD } from '../core/fixture.js';
import { spawnBin } from '../helpers/bin.js';
import { tempHome } from '../helpers/io.js';

let first: { dir: string; cleanup: () => void };
let second: { dir: string; cleanup: () => void };
beforeEach(() => {
  first = tempHome();
  second = tempHome();
});
afterEach(() => {
  first.cleanup();
  second.cleanup();
});

describe('export and import round trip (built bin)', () => {
  it('the bundled roadmap: export -o, import into a fresh ROADMAP_HOME, identical list --json', async () => {
    const a = (args: string[]) => spawnBin(args, { home: first.dir });
    const b = (args: string[], stdin?: string) => spawnBin(args, { home: second.dir, ...(stdin === undefined ? {} : { stdin }) });
    expect((await a(['done', '1.1', '2.2', '4.1', '4.2', '4.3'])).code).toBe(0);
    await a(['start', '3.1']);
    await a(['skip', '2.3']);
    await a(['note', '2.2', 'Preload avoids N+1']);
    await a(['reset', '4.3']);
    const out = join(first.dir, 'export.json');
    const exported = await a(['export', '-o', out]);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/^Exported 6 statuses, 1 note and 5 history entries to /);
    const before = (await a(['list', '--json'])).stdout;
    expect((await b(['list', '--json'])).stdout).not.toBe(before);
    const dry = await b(['import', out, '--dry-run']);
    expect(dry.stdout).toContain('Would change 6 topics:');
    expect((await b(['list', '--json'])).stdout).not.toBe(before);
    const imported = await b(['import', out]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toBe('To take this import back: roadmap undo\n');
    expect((await b(['list', '--json'])).stdout).toBe(before);
    // And back again through a pipe: nothing new, nothing changed.
    const piped = await spawnBin(['import', '-'], { home: first.dir, stdin: readFileSync(out) });
    expect(piped.stdout).toBe('Nothing to import: this copy already has everything in the export.\n');
    expect((await a(['list', '--json'])).stdout).toBe(before);
    const undo = await b(['undo']);
    expect(undo.stdout).toContain('import: ');
    expect(JSON.parse((await b(['list', '--json'])).stdout)).toMatchObject({ progress: { done: 0, inProgress: 0, skipped: 0 } });
  });

  it('a file roadmap: markdown export is a GFM checklist', async () => {
    const file = join(first.dir, 'small.md');
    writeFileSync(file, SMALL_MD);
    await spawnBin(['done', 'beta', '--roadmap', file], { home: first.dir });
    const md = await spawnBin(['export', '--format', 'markdown', '--roadmap', file], { home: first.dir });
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('- [ ] Alpha\n- [x] Beta\n  - [x] Beta one\n  - [x] Beta two\n- [ ] Gamma\n');
  });
});
