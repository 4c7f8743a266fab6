import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnBin } from '../helpers/bin.js';
import { run, tempHome } from '../helpers/io.js';
import { ConfStore } from '../../src/store/conf-store.js';
import type { ProgressState, ProgressStore } from '../../src/store/progress-store.js';

/** A learner's fork of a checklist: BOM, CRLF, trailing spaces, three list markers, an X tick. */
const CHECKLIST = Buffer.from(
  '\uFEFF# Interview checklist\r\n\r\n## Algorithms\r\n\r\n- [ ] Sorting  \r\n- [x] Searching\r\n* [ ] Graphs\r\n    - [ ] BFS\r\n    - [ ] DFS\r\n\r\n## Systems\r\n\r\n1. [ ] Caching\r\n2. [X] Queues\r\n',
  'utf8',
);

/** CHECKLIST with the mark in the box on these lines (1-based) replaced: every other byte as it was. */
function withMarks(marks: Record<number, ' ' | 'x' | 'X'>): Buffer {
  const lines = CHECKLIST.toString('latin1').split('\r\n');
  for (const [n, mark] of Object.entries(marks)) lines[Number(n) - 1] = (lines[Number(n) - 1] ?? '').replace(/\[[ xX]\]/, `[${mark}]`);
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

let home: ReturnType<typeof tempHome>;
let files: ReturnType<typeof tempHome>;
let file = '';
beforeEach(async () => {
  home = tempHome();
  files = tempHome();
  file = join(files.dir, 'README.md');
  writeFileSync(file, CHECKLIST);
  const added = await spawnBin(['add', file, '--write-back', '--name', 'checklist'], { home: home.dir });
  expect(added.code).toBe(0);
});
afterEach(() => {
  home.cleanup();
  files.cleanup();
});

const bin = (...args: string[]) => spawnBin(args, { home: home.dir });

describe('roadmap add FILE --write-back', () => {
  it('takes the boxes already ticked as done, and leaves the file as it was', async () => {
    const list = JSON.parse((await bin('list', '--json')).stdout) as { progress: { done: number; total: number } };
    expect(list.progress).toMatchObject({ done: 2, total: 6 });
    expect(readFileSync(file).equals(CHECKLIST)).toBe(true);
  });

  it('done, skip, reset, undo and redo tick and untick in place; the round trip is byte-exact (CRLF, BOM, spaces, markers)', async () => {
    expect((await bin('done', 'sorting')).code).toBe(0);
    // x, not X: the file has as many of each, and x is the default.
    expect(readFileSync(file).equals(withMarks({ 5: 'x' }))).toBe(true);
    expect((await bin('done', 'graphs')).code).toBe(0);
    expect(readFileSync(file).equals(withMarks({ 5: 'x', 7: 'x', 8: 'x', 9: 'x' }))).toBe(true);
    expect((await bin('skip', 'searching')).code).toBe(0);
    expect((await bin('reset', 'queues')).code).toBe(0);
    expect(readFileSync(file).equals(withMarks({ 5: 'x', 6: ' ', 7: 'x', 8: 'x', 9: 'x', 14: ' ' }))).toBe(true);
    expect((await bin('undo', '4')).code).toBe(0);
    expect(readFileSync(file).equals(CHECKLIST)).toBe(true);
    expect((await bin('redo', '4')).code).toBe(0);
    expect(readFileSync(file).equals(withMarks({ 5: 'x', 6: ' ', 7: 'x', 8: 'x', 9: 'x', 14: ' ' }))).toBe(true);
  });

  it('10 concurrent `done` lose nothing, in the file or in the store', async () => {
    const many = Buffer.from(['# Ten', '', '## Tasks', '', ...Array.from({ length: 10 }, (_, i) => `- [ ] Task ${i + 1}`), ''].join('\r\n'));
    const ten = join(files.dir, 'ten.md');
    writeFileSync(ten, many);
    expect((await bin('add', ten, '--write-back', '--name', 'ten')).code).toBe(0);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => bin('done', `1.${i + 1}`)));
    for (const r of results) expect(r.stderr).toBe('');
    expect(results.map((r) => r.code)).toEqual(Array(10).fill(0));
    expect(readFileSync(ten).equals(Buffer.from(many.toString('latin1').replaceAll('- [ ] Task', '- [x] Task'), 'latin1'))).toBe(true);
    const list = JSON.parse((await bin('list', '--json')).stdout) as { progress: { done: number; total: number } };
    expect(list.progress).toMatchObject({ done: 10, total: 10 });
    const log = JSON.parse((await bin('log', '--json')).stdout) as { total: number };
    expect(log.total).toBe(10);
  });
});

describe('the command after a box is ticked reads the tree without parsing the file again', () => {
  /** A command with the work counters on: what it printed, and how many times it parsed Markdown. */
  const counted = async (...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; parses: number }> => {
    const r = await spawnBin(args, { home: home.dir, env: { ROADMAP_WORK_COUNTS: '1' } });
    const line = r.stderr.split('\n').find((l) => l.startsWith('roadmap work: ')) ?? '';
    const { parses } = JSON.parse(line.slice('roadmap work: '.length) || '{}') as { parses?: number };
    return { code: r.code, stdout: r.stdout, stderr: r.stderr.replace(/^roadmap work: .*\n/m, ''), parses: parses ?? -1 };
  };
  /** The same command with the parse cache gone: what a parse of the file prints. */
  const parsedAfresh = async (...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; parses: number }> => {
    rmSync(join(home.dir, 'cache'), { recursive: true, force: true });
    return counted(...args);
  };

  it('by `done` (write-back) or by hand in an editor: the same output as a parse gives', async () => {
    // `add` (in beforeEach) parsed the file: the first command after it does not.
    expect(await counted('list')).toMatchObject({ code: 0, parses: 0 });
    expect((await bin('done', 'sorting')).code).toBe(0);
    expect(readFileSync(file).equals(withMarks({ 5: 'x' }))).toBe(true);
    const next = await counted('next', '--json');
    expect(next.parses).toBe(0);
    expect((JSON.parse(next.stdout) as Array<{ title: string }>).map((t) => t.title)).toEqual(['BFS']);
    expect(next.stdout).toBe((await parsedAfresh('next', '--json')).stdout);

    // Ticked by hand: the file says DFS is done; the tree read from the cache says so too.
    writeFileSync(file, withMarks({ 5: 'x', 9: 'x' }));
    const list = await counted('list', '--json');
    expect(list.parses).toBe(0);
    const again = await parsedAfresh('list', '--json');
    expect(again.parses).toBe(1);
    expect({ code: list.code, stdout: list.stdout, stderr: list.stderr }).toEqual({ code: again.code, stdout: again.stdout, stderr: again.stderr });

    // Any other edit is parsed.
    writeFileSync(file, Buffer.from(withMarks({ 5: 'x', 9: 'x' }).toString('latin1').replace('Graphs', 'Graphz'), 'latin1'));
    expect((await counted('list', '--json')).parses).toBe(1);
  });
});

describe('a file that changed on disk while the command ran', () => {
  it('is not ticked, the progress is not saved, and the edit made meanwhile is kept', async () => {
    const edited = Buffer.from(CHECKLIST.toString('utf8').replace('Sorting', 'Sorting (merge sort first)'));
    // Another program saves the file after roadmap read it and before it writes: the store is where it writes.
    const real = new ConfStore(home.dir);
    const store: ProgressStore = {
      location: real.location,
      read: (id) => real.read(id),
      roadmapIds: () => real.roadmapIds(),
      update: <T>(id: string, change: (state: ProgressState) => T) => {
        writeFileSync(file, edited);
        return real.update(id, change);
      },
    };
    const r = await run(['done', 'searching', 'graphs'], { home: home.dir, store });
    expect(r.stderr).toMatch(/^error: .*README\.md changed on disk since roadmap read it \(line 5 differs\), so its boxes were not ticked\nnothing was saved, neither in the file nor in your progress: run the command again, it reads the file afresh\n$/);
    expect(r.code).toBe(1);
    expect(readFileSync(file).equals(edited)).toBe(true);
    const list = JSON.parse((await bin('list', '--json')).stdout) as { progress: { done: number } };
    expect(list.progress.done).toBe(2);
  });
});
