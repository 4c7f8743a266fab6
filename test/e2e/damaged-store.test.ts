import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnBin } from '../helpers/bin.js';
import { progressOf, useGridRoadmap } from '../helpers/roadmaps.js';

const fx = useGridRoadmap(2, 5);
const { home } = fx;

const progressFile = (): string => join(home.dir, 'progress.json');
const valid = JSON.stringify({ schemaVersion: 1, roadmaps: { elsewhere: { topics: [{ id: 'a/b', status: 'done', updatedAt: '2025-01-01T00:00:00.000Z' }] } } });

const truncated = Buffer.from(valid.slice(0, 60));

// Every kind of damage, a read-only command, a byte-order mark and a newer version are checked in-process
// (test/commands/damaged-store.test.ts); here the built bin meets a file cut short by a crash.
describe('a damaged progress file (built bin)', () => {
  it('cut short: is moved aside with a timestamp, stderr names both paths and how to recover', async () => {
    writeFileSync(progressFile(), truncated);
    const run = await spawnBin(['done', '--roadmap', fx.roadmap, '1.1'], { home: home.dir });
    expect(run.code, run.stderr).toBe(0);
    const aside = readdirSync(home.dir).filter((n) => /^progress\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.json$/.test(n));
    expect(aside).toHaveLength(1);
    const asidePath = join(home.dir, aside[0]!);
    expect(readFileSync(asidePath).equals(truncated)).toBe(true);
    expect(run.stderr).toContain(`the progress file ${progressFile()} is damaged`);
    expect(run.stderr).toContain(`mv '${asidePath}' '${progressFile()}'`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    const list = await spawnBin(['list', '--json', '--roadmap', fx.roadmap], { home: home.dir });
    expect(progressOf(list.stdout).done).toBe(1);
    expect(list.stderr).toBe('');
  });
});
