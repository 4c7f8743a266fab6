import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smallRoadmap, type SmallRoadmap } from '../helpers/small-roadmap.js';

let a: SmallRoadmap;
let b: SmallRoadmap;
const at = (iso: string) => ({ now: () => new Date(iso) });
beforeEach(() => {
  a = smallRoadmap();
  // The same file for both homes, so both stores key it by the same roadmap id.
  b = smallRoadmap(undefined, a.file);
});
afterEach(() => {
  a.cleanup();
  b.cleanup();
});

interface ExportJson { schemaVersion: number; kind: string; roadmap: { id: string; title: string }; statuses: unknown[]; notes: unknown[]; events: unknown[] }

describe('export', () => {
  it('JSON with schemaVersion, roadmap, statuses, notes and events, to stdout or -o', async () => {
    await a.rm(['done', '1.1'], at('2025-03-01T10:00:00.000Z'));
    await a.rm(['note', '1.1', 'hi'], at('2025-03-01T10:01:00.000Z'));
    const r = await a.rm(['export'], at('2025-03-02T00:00:00.000Z'));
    const doc = JSON.parse(r.stdout) as ExportJson;
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'kind', 'exportedAt', 'idScheme', 'roadmap', 'statuses', 'notes', 'events']);
    expect(doc.roadmap.title).toBe('Test Roadmap');
    expect(doc.statuses).toEqual([{ id: 'basics/alpha', status: 'done', updatedAt: '2025-03-01T10:00:00.000Z', title: 'Alpha' }]);
    expect(doc.notes).toHaveLength(1);
    expect(doc.events).toHaveLength(2);
    const out = join(a.home, 'out.json');
    const written = await a.rm(['export', '-o', out], at('2025-03-02T00:00:00.000Z'));
    expect(written.stdout).toBe('');
    expect(written.stderr).toContain('Exported 1 status, 1 note and 2 history entries to');
    expect(readFileSync(out, 'utf8')).toBe(r.stdout);
  });

  it('--format markdown: a GFM checklist, [x] for done', async () => {
    await a.rm(['done', '1.2']);
    await a.rm(['skip', '2.1']);
    await a.rm(['start', '2.2']);
    const md = (await a.rm(['export', '--format', 'markdown'], at('2025-03-02T00:00:00.000Z'))).stdout;
    expect(md).toBe(`# Test Roadmap

Progress: 2/5 done (40%), 1 skipped. Exported 2025-03-02.

## 1. Basics

- [ ] Alpha
- [x] Beta
  - [x] Beta one
  - [x] Beta two
- [ ] Gamma

## 2. Advanced

- [ ] ~~Delta~~ _(skipped)_
- [ ] Epsilon _(in progress)_
`);
  });

  it('an unknown format is a usage error', async () => {
    expect((await a.rm(['export', '--format', 'csv'])).code).toBe(2);
  });
});

describe('import', () => {
  it('merges: the newer change per topic wins, notes are kept, --dry-run changes nothing', async () => {
    await a.rm(['done', '1.1', '1.3'], at('2025-03-01T10:00:00.000Z'));
    await a.rm(['note', '1.1', 'from a'], at('2025-03-01T10:00:00.000Z'));
    await b.rm(['skip', '1.3'], at('2025-03-05T10:00:00.000Z'));
    await b.rm(['done', '2.1'], at('2025-03-05T10:00:00.000Z'));
    await b.rm(['note', '2.1', 'from b'], at('2025-03-05T10:00:00.000Z'));
    const file = join(a.home, 'a.json');
    writeFileSync(file, (await a.rm(['export'])).stdout);
    const dry = await b.rm(['import', file, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe('Would change 1 topic:\n  1.1 Alpha: pending -> done\nKept 1 where this copy changed later:\n  1.3 Gamma\nWould add 1 note and 2 history entries.\n');
    expect(await b.statuses()).toMatchObject({ '1.1': 'pending' });
    const real = await b.rm(['import', file, '--json']);
    const json = JSON.parse(real.stdout) as { dryRun: boolean; changes: Array<{ topic: { number: string }; to: string }>; notesAdded: number };
    expect(json.dryRun).toBe(false);
    expect(json.changes.map((c) => [c.topic.number, c.to])).toEqual([['1.1', 'done']]);
    expect(await b.statuses()).toMatchObject({ '1.1': 'done', '1.3': 'skipped', '2.1': 'done' });
    const notes = JSON.parse((await b.rm(['export'])).stdout) as { notes: Array<{ text: string }> };
    expect(notes.notes.map((n) => n.text).sort()).toEqual(['from a', 'from b']);
    const again = await b.rm(['import', file]);
    expect(again.stdout).toBe('Nothing to import: this copy already has everything in the export.\n');
  });

  it('reads an export from standard input', async () => {
    await a.rm(['done', '2.2']);
    const r = await b.rm(['import', '-'], { stdin: (await a.rm(['export'])).stdout });
    expect(r.code).toBe(0);
    expect(await b.statuses()).toMatchObject({ '2.2': 'done' });
  });

  it.each([
    ['not JSON', 'hello', 'is not JSON'],
    ['JSON but not an export', '{"a":1}', 'is not a roadmap export'],
    ['a newer schema', '{"kind":"roadmap-progress","schemaVersion":99,"roadmap":{"id":"x"}}', 'newer than this roadmap version understands'],
  ])('refuses %s (exit 1) and changes nothing', async (_case, text, message) => {
    const r = await b.rm(['import', '-'], { stdin: text });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
  });

  it('refuses an export of another roadmap unless --force', async () => {
    const other = JSON.stringify({ kind: 'roadmap-progress', schemaVersion: 1, roadmap: { id: 'rust-1', title: 'Rust' }, statuses: [{ id: 'basics/alpha', status: 'done', updatedAt: '2025-01-01T00:00:00.000Z' }] });
    const r = await b.rm(['import', '-'], { stdin: other });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('this export is for "Rust" (rust-1)');
    expect(r.stderr).toContain('--force');
    expect((await b.rm(['import', '-', '--force'], { stdin: other })).code).toBe(0);
    expect(await b.statuses()).toMatchObject({ '1.1': 'done' });
  });

  it('a missing file: exit 1 naming it', async () => {
    const r = await b.rm(['import', 'nope.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot read nope.json: no such file');
  });
});

describe('export safety', () => {
  it('refuses to write over the progress file itself', async () => {
    await a.rm(['done', '1.1']);
    const r = await a.rm(['export', '-o', join(a.home, 'progress.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is the progress file itself');
    expect(await a.statuses()).toMatchObject({ '1.1': 'done' });
  });
});

describe('markdown notes', () => {
  it('notes follow their topic as quotes inside the list item', async () => {
    await a.rm(['note', '1.1', 'line one\nline two']);
    const md = (await a.rm(['export', '--format', 'markdown'])).stdout;
    expect(md).toContain('- [ ] Alpha\n  > line one\n  > line two\n- [ ] Beta\n');
  });
});
