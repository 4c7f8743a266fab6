import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnBin } from '../helpers/bin.js';
import { tempHome } from '../helpers/io.js';

let home: ReturnType<typeof tempHome>;
let files: ReturnType<typeof tempHome>;

beforeEach(() => {
  home = tempHome();
  files = tempHome();
});
afterEach(() => {
  home.cleanup();
  files.cleanup();
});

/** Ids that break stores which use them as object keys or dotted paths (conf's own get/set does both). */
const AWKWARD = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '0', '1000000', 'a.b.c', '', ' ', 'ü/🚀', '"quoted"\\'];

interface Stored {
  roadmaps: Array<{ id: string; topics: Array<{ id: string; status: string }> }>;
}

const progressFile = (): string => join(home.dir, 'progress.json');
const readStored = (): Stored => JSON.parse(readFileSync(progressFile(), 'utf8')) as Stored;

describe('any string is a topic id in the store', () => {
  it('topics titled like object keys are marked done and read back', async () => {
    const roadmap = join(files.dir, 'keys.md');
    writeFileSync(roadmap, `# Keys\n\n## __proto__\n\n${['__proto__', 'constructor', 'toString', '0', '1000000', 'a.b.c'].map((t) => `- ${t}`).join('\n')}\n\n## Other\n\n- Plain\n`);
    const done = await spawnBin(['done', '--roadmap', roadmap, '1.1', '1.2', '1.3', '1.4', '1.5', '1.6'], { home: home.dir });
    expect(done.code, done.stderr).toBe(0);
    const list = await spawnBin(['list', '--json', '--roadmap', roadmap], { home: home.dir });
    const doc = JSON.parse(list.stdout) as { progress: { done: number }; sections: Array<{ topics: Array<{ id: string; status: string }> }> };
    expect(doc.progress.done).toBe(6);
    expect(doc.sections[0]!.topics.map((t) => t.status)).toEqual(Array(6).fill('done'));
    expect(statSync(progressFile()).size).toBeLessThan(2000);
  });

  it('exact ids and roadmap ids such as __proto__, 0 and 1000000, even as keys of an old file, survive a write through conf', async () => {
    const roadmap = join(files.dir, 'small.md');
    writeFileSync(roadmap, '# Small\n\n- One\n- Two\n');
    const info = await spawnBin(['info', '--json', '--roadmap', roadmap], { home: home.dir });
    const id = (JSON.parse(info.stdout) as { roadmap: { id: string } }).roadmap.id;
    const topics = AWKWARD.map((t) => ({ id: t, status: 'done', updatedAt: '2025-01-01T00:00:00.000Z' }));
    // A version 1 file, keyed by roadmap id. JSON text, not an object literal: `{ __proto__: … }` in code would set a
    // prototype instead of a key.
    const keyed = AWKWARD.slice(0, 7).map((k) => `${JSON.stringify(k)}: ${JSON.stringify({ topics })}`).join(', ');
    writeFileSync(progressFile(), `{"schemaVersion": 1, "roadmaps": {${keyed}, ${JSON.stringify(id)}: ${JSON.stringify({ topics })}}}`);
    const done = await spawnBin(['done', '--roadmap', roadmap, '1.1'], { home: home.dir });
    expect(done.code, done.stderr).toBe(0);
    const stored = readStored();
    expect(stored.roadmaps.map((r) => r.id).sort()).toEqual([...AWKWARD.slice(0, 7), id].sort());
    for (const key of AWKWARD.slice(0, 7)) expect(stored.roadmaps.find((r) => r.id === key)?.topics.map((t) => t.id)).toEqual(AWKWARD);
    expect(stored.roadmaps.find((r) => r.id === id)?.topics.map((t) => t.id)).toEqual([...AWKWARD, 'small/one']);
    // Proportional: 8 roadmaps x 12 records, nothing like the 8 MB of nulls an object keyed "1000000" becomes as an array.
    expect(statSync(progressFile()).size).toBeLessThan(20_000);
  });
});
