import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, tempHome } from '../helpers/io.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

let home: { dir: string; cleanup: () => void };
beforeEach(() => {
  home = tempHome();
});
afterEach(() => {
  home.cleanup();
});

interface ValidateJson {
  schemaVersion: number;
  file: string;
  usable: boolean;
  title: string;
  counts: { sections: number; topics: number; groups: number };
  sections: Array<{ number: string; id: string; title: string; line: number; topics: number; groups: number }>;
  warnings: Array<{ kind: string; line: number | null; message: string }>;
  problems: string[];
}

describe('validate', () => {
  it('prints the title, counts per section and warnings with line numbers; a usable file exits 0', async () => {
    const r = await run(['validate', fixture('messy-roadmap.md')], { home: home.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Rust Roadmap');
    expect(lines[1]).toBe('usable roadmap: 3 sections, 5 topics, 5 warnings');
    expect(r.stdout).toMatch(/ {2}1 {2}Basics +3 +13\n/);
    expect(r.stdout).toMatch(/ {2}3 {2}Macros +0 +24\n/);
    expect(r.stdout).toContain('line    6  dropped-toc');
    expect(r.stdout).toContain('line   11  toc-dangling         table of contents entry "Gone" points to #gone-away, which is no heading in this file');
    expect(r.stdout).toContain('line   17  duplicate-title      "Ownership" appears twice under the same parent (also line 15)');
    expect(r.stdout).toContain('line   24  empty-section        section "Macros" has no topics');
    expect(r.stdout).toContain('line   28  dropped-boilerplate  left out "License"');
  });

  it('--json: a versioned document with sections, warnings and the verdict', async () => {
    const r = await run(['validate', fixture('messy-roadmap.md'), '--json'], { home: home.dir });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as ValidateJson;
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'roadmap', 'file', 'usable', 'title', 'counts', 'sections', 'warnings', 'problems']);
    expect(doc).toMatchObject({ schemaVersion: 1, usable: true, title: 'Rust Roadmap', counts: { sections: 3, topics: 5 }, problems: [] });
    expect(doc.sections[0]).toEqual({ number: '1', id: 'basics', title: 'Basics', line: 13, topics: 3, groups: 0 });
    expect(doc.warnings.map((w) => [w.kind, w.line])).toEqual([
      ['dropped-toc', 6],
      ['toc-dangling', 11],
      ['duplicate-title', 17],
      ['empty-section', 24],
      ['dropped-boilerplate', 28],
    ]);
  });

  it('reads standard input with "-"', async () => {
    const r = await run(['validate', '-', '--json'], { home: home.dir, stdin: '# S\n\n## A\n\n- a\n\n## B\n\n- b\n' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: '-', title: 'S', counts: { sections: 2, topics: 2 } });
  });

  it('refuses "-" when standard input is a terminal, instead of waiting', async () => {
    const r = await run(['validate', '-'], { home: home.dir, tty: true });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: "-" reads a roadmap from standard input, but standard input is a terminal');
  });

  it('a file with sections but no topics is reported, then exits 1 with the reason on stderr', async () => {
    const r = await run(['validate', fixture('pictures-only.md')], { home: home.dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('not a usable roadmap: 2 sections, 0 topics');
    expect(r.stderr).toMatch(/^error: .*pictures-only\.md is not a usable roadmap: no topics/);
    const json = await run(['validate', fixture('pictures-only.md'), '--json'], { home: home.dir });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ usable: false, counts: { sections: 2, topics: 0 } });
  });

  it('an empty file is not usable', async () => {
    const empty = join(home.dir, 'empty.md');
    writeFileSync(empty, '');
    const r = await run(['validate', empty, '--json'], { home: home.dir });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as ValidateJson).problems[0]).toMatch(/^no sections/);
  });

  it.each([
    ['a missing file', 'nope.md', null, /cannot read nope\.md: no such file/],
    ['a Latin-1 file', 'latin1.md', Buffer.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]), /latin1\.md is not UTF-8 text \(invalid byte 0xe9 at offset 5\)/],
    ['a UTF-16 file', 'utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Go\n', 'utf16le')]), /utf16\.md is UTF-16 text, not UTF-8/],
  ])('%s: exit 1, an error naming the file and what is wrong, nothing on stdout', async (_name, file, bytes, message) => {
    if (bytes) writeFileSync(join(home.dir, file), bytes);
    const r = await run(['validate', file], { home: home.dir, cwd: home.dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain('\uFFFD');
  });

  it('reports repaired encoding damage as a warning', async () => {
    const r = await run(['validate', '-'], { home: home.dir, stdin: '# Go\n\nHereâ€™s the plan.\n\n## A\n\n- a\n\n## B\n\n- b\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('encoding-repaired');
  });

  it('on a terminal, long and wide section titles are cut to the width and the columns stay aligned', async () => {
    const r = await run(['validate', join(CORPUS, 'jwasham__coding-interview-university__translations__README-tw.md')], { home: home.dir, tty: true, env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^ +\d+ {2}/.test(l));
    expect(rows.length).toBe(33);
    const widths = new Set(rows.map((l) => displayWidth(l)));
    expect(widths.size).toBe(1);
    expect([...widths][0]).toBeLessThanOrEqual(100);
  });
});

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}
