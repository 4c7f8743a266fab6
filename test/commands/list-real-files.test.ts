import { afterEach, beforeEach, expect, it } from 'vitest';
import { run, tempHome } from '../helpers/io.js';
import { corpusPath, describeWithSharedData } from '../helpers/shared-data.js';
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u;

/** Columns a line takes in a terminal: CJK and emoji take two. */
function columns(line: string): number {
  let n = 0;
  for (const { segment } of graphemes.segment(line.replace(ANSI, ''))) n += WIDE.test(segment) ? 2 : 1;
  return n;
}

let home: { dir: string; cleanup: () => void };
beforeEach(() => {
  home = tempHome();
});
afterEach(() => {
  home.cleanup();
});

describeWithSharedData('list --roadmap on the largest real roadmaps, in a 100-column terminal', () => {
  it.each([
    'jwasham__coding-interview-university__translations__README-tw.md',
    'jwasham__coding-interview-university__README.md',
    'sindresorhus__awesome__readme.md',
    'donnemartin__system-design-primer__README.md',
  ])('%s: no line wider than the terminal, every topic on its own line', async (file) => {
    const r = await run(['list', '--roadmap', corpusPath(file)], { home: home.dir, tty: true, env: { TERM: 'xterm' } });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    for (const line of lines) expect(columns(line), line).toBeLessThanOrEqual(100);
    const json = await run(['list', '--roadmap', corpusPath(file), '--json'], { home: home.dir });
    interface Node { children: Node[] }
    const count = (nodes: Node[]): number => nodes.reduce((n, t) => n + 1 + count(t.children), 0);
    const total = (JSON.parse(json.stdout) as { sections: Array<{ topics: Node[] }> }).sections.reduce((n, s) => n + count(s.topics), 0);
    expect(lines.filter((l) => l.replace(ANSI, '').trimStart().startsWith('[ ] '))).toHaveLength(total);
  });

  it('shows the headings topics were listed under, and a section with nothing to tick on one line', async () => {
    const r = await run(['list', '--roadmap', corpusPath('thedaviddias__Front-End-Checklist__README.md')], { home: home.dir });
    const lines = r.stdout.split('\n');
    const head = lines.indexOf('1. Head  [----------] 0/19');
    expect(lines.slice(head + 1, head + 4)).toEqual(['  Meta tag', '  [ ] 1.1 Doctype', '  [ ] 1.2 Charset']);
    const ciu = await run(['list', '--roadmap', corpusPath('jwasham__coding-interview-university__README.md')], { home: home.dir });
    expect(ciu.stdout).toContain('\n\n1. What is it?  (no topics)\n\n2. Why use it?  (no topics)\n');
  });
});
