import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as runCli } from '../helpers/io.js';
import { progressOf, useGridRoadmap } from '../helpers/roadmaps.js';

const fx = useGridRoadmap(2, 5);
const { home } = fx;

const progressFile = (): string => join(home.dir, 'progress.json');
const valid = JSON.stringify({ schemaVersion: 1, roadmaps: { elsewhere: { topics: [{ id: 'a/b', status: 'done', updatedAt: '2025-01-01T00:00:00.000Z' }] } } });

const DAMAGED: Array<[string, Buffer]> = [
  ['truncated', Buffer.from(valid.slice(0, 60))],
  ['not JSON', Buffer.from('this is not json\n')],
  ['JSON but a list', Buffer.from('[1, 2, 3]')],
  ['roadmaps of the wrong type', Buffer.from('{"schemaVersion":2,"roadmaps":"all of them"}')],
  ['a fx.roadmap without an id', Buffer.from('{"schemaVersion":2,"roadmaps":[{"topics":[]}]}')],
  ['a note of the wrong shape', Buffer.from('{"schemaVersion":2,"roadmaps":[{"id":"x","topics":[],"notes":[{"text":5}],"events":[]}]}')],
  ['a history event of the wrong shape', Buffer.from('{"schemaVersion":2,"roadmaps":[{"id":"x","topics":[],"notes":[],"events":[{"id":"e","action":"explode"}]}]}')],
  ['topics of the wrong type', Buffer.from('{"schemaVersion":1,"roadmaps":{"x":{"topics":{"a":"done"}}}}')],
  ['a status that does not exist', Buffer.from('{"schemaVersion":1,"roadmaps":{"x":{"topics":[{"id":"a","status":"Done"}]}}}')],
  ['an id that is a number', Buffer.from('{"schemaVersion":1,"roadmaps":{"x":{"topics":[{"id":7,"status":"done"}]}}}')],
  ['NUL bytes after a crash', Buffer.concat([Buffer.from(valid.slice(0, 40)), Buffer.alloc(64)])],
  ['only NUL bytes', Buffer.alloc(4096)],
  ['not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
];

// In-process, with the real store in a temp ROADMAP_HOME; the built bin meets one of them in
// test/e2e/damaged-store.test.ts.
describe('a damaged progress file', () => {
  it.each(DAMAGED)('%s: is moved aside with a timestamp, stderr names both paths and how to recover', async (_name, bytes) => {
    writeFileSync(progressFile(), bytes);
    const run = await runCli(['done', '--roadmap', fx.roadmap, '1.1'], { home: home.dir });
    expect(run.code, run.stderr).toBe(0);
    const aside = readdirSync(home.dir).filter((n) => /^progress\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.json$/.test(n));
    expect(aside).toHaveLength(1);
    const asidePath = join(home.dir, aside[0]!);
    // Nothing destroyed: the moved file holds exactly the bytes the user had.
    expect(readFileSync(asidePath).equals(bytes)).toBe(true);
    expect(run.stderr).toContain(`the progress file ${progressFile()} is damaged`);
    expect(run.stderr).toContain(`moved aside, not deleted: ${asidePath}`);
    expect(run.stderr).toContain(`mv '${asidePath}' '${progressFile()}'`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    // The command still did its work, in a new file.
    const list = await runCli(['list', '--json', '--roadmap', fx.roadmap], { home: home.dir });
    expect(progressOf(list.stdout).done).toBe(1);
    expect(list.stderr).toBe('');
  });

  it('is moved aside by a read-only command too, which then shows empty progress', async () => {
    writeFileSync(progressFile(), '{"schemaVersion":1,');
    const run = await runCli(['list', '--roadmap', fx.roadmap], { home: home.dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('is damaged: it is not valid JSON');
    expect(run.stdout).toContain('0/10 done');
    expect(readdirSync(home.dir).filter((n) => n.startsWith('progress.damaged-'))).toHaveLength(1);
  });

  it('with a byte-order mark is simply accepted, and kept', async () => {
    writeFileSync(progressFile(), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(valid)]));
    const run = await runCli(['done', '--roadmap', fx.roadmap, '1.1'], { home: home.dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(readdirSync(home.dir).filter((n) => n.startsWith('progress'))).toEqual(['progress.json']);
    const stored = JSON.parse(readFileSync(progressFile(), 'utf8')) as { roadmaps: Array<{ id: string }> };
    expect(stored.roadmaps.map((r) => r.id)).toContain('elsewhere');
  });

  it('from a newer version is refused and left untouched', async () => {
    const newer = '{"schemaVersion":4,"roadmaps":{},"somethingNew":true}';
    writeFileSync(progressFile(), newer);
    const run = await runCli(['done', '--roadmap', fx.roadmap, '1.1'], { home: home.dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('written by a newer version of roadmap');
    expect(readFileSync(progressFile(), 'utf8')).toBe(newer);
    expect(readdirSync(home.dir).filter((n) => n.startsWith('progress'))).toEqual(['progress.json']);
  });
});
