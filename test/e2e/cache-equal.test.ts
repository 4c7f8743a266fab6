import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRoadmap } from '../../scripts/bench-roadmap.mjs';
import { ROOT, spawnBin, type SpawnResult } from '../helpers/bin.js';
import { corpusPath, describeWithSharedData } from '../helpers/shared-data.js';
import { tempDirs } from '../helpers/temp-dirs.js';

/**
 * A run that reads the tree from the parse cache (an outline, and each section's topics read when first asked for:
 * src/source/cache-entry.ts) shows exactly what a first run, which parses, shows: the built bin, byte for byte, stdout,
 * stderr and exit code, for the commands that read the whole tree, one section of it, or single topics.
 */

const temp = tempDirs('roadmap-cache-equal-');

const COMMANDS: string[][] = [
  ['list', '--json'],
  ['list'],
  ['next', '--json'],
  ['next', '-n', '5', '--long'],
  ['show', '1.1'],
  ['show', '2.1', '--json'],
  ['export', '--format', 'markdown'],
  ['stats', '--json'],
  ['validate', '--json'],
];

/** The same command in two homes holding the same progress: one without a parse cache (a first run), one with it. */
async function firstAndCached(file: string, args: string[], homes: { first: string; cached: string }): Promise<[SpawnResult, SpawnResult]> {
  rmSync(join(homes.first, 'cache'), { recursive: true, force: true });
  const first = await spawnBin([...args, '--roadmap', file], { home: homes.first, timeoutMs: 60_000 });
  const cached = await spawnBin([...args, '--roadmap', file], { home: homes.cached, timeoutMs: 60_000 });
  return [first, cached];
}

/** `stats --json` says when it was made: the one part of any output here that differs between two runs. */
const timeless = (out: string): string => out.replace(/"at": "\d{4}-[^"]+"/g, '"at": "…"');

async function expectSameOutput(file: string, prepare: string[][] = []): Promise<void> {
  const homes = { first: temp(), cached: temp() };
  for (const home of [homes.first, homes.cached]) {
    for (const args of prepare) expect((await spawnBin([...args, '--roadmap', file], { home, timeoutMs: 60_000 })).code).toBe(0);
  }
  // The cached home has its entry now (prepare ran there, or this run makes it).
  await spawnBin(['list', '--json', '--roadmap', file], { home: homes.cached, timeoutMs: 60_000 });
  for (const args of COMMANDS) {
    const [first, cached] = await firstAndCached(file, args, homes);
    expect({ args, code: cached.code, stdout: timeless(cached.stdout), stderr: cached.stderr }).toEqual({ args, code: first.code, stdout: timeless(first.stdout), stderr: first.stderr });
  }
}

describe('first run and cached run print the same', () => {
  it('a 1 MB roadmap, with progress in several sections', async () => {
    const file = join(temp(), 'big.md');
    writeFileSync(file, generateRoadmap(1_000_000, 31));
    await expectSameOutput(file, [['done', '1.1'], ['start', '3.2'], ['skip', '5.1']]);
  }, 180_000);

  it('the bundled roadmap, with a topic done and one started', async () => {
    await expectSameOutput(join(ROOT, 'roadmap', 'go-backend.md'), [['done', '1.1'], ['start', '2.2']]);
  }, 120_000);

  it('progress kept for a topic the file no longer has: the same warning either way', async () => {
    const file = join(temp(), 'edited.md');
    const text = generateRoadmap(60_000, 32);
    writeFileSync(file, text);
    const homes = { first: temp(), cached: temp() };
    for (const home of [homes.first, homes.cached]) expect((await spawnBin(['done', '2.1', '--roadmap', file], { home })).code).toBe(0);
    const titles = (JSON.parse((await spawnBin(['show', '2.1', '--json', '--roadmap', file], { home: homes.first })).stdout) as { title: string }).title;
    writeFileSync(file, readFileSync(file, 'utf8').replace(titles, 'A title nobody had'));
    await spawnBin(['list', '--json', '--roadmap', file], { home: homes.cached });
    for (const args of [['next'], ['list', '--json']]) {
      const [first, cached] = await firstAndCached(file, args, homes);
      expect(first.stderr).toContain('no longer in this roadmap');
      expect({ code: cached.code, stdout: cached.stdout, stderr: cached.stderr }).toEqual({ code: first.code, stdout: first.stdout, stderr: first.stderr });
    }
  }, 60_000);
});

describeWithSharedData('first run and cached run print the same, real roadmaps', () => {
  it.each([
    'jwasham__coding-interview-university__translations__README-tw.md',
    'donnemartin__system-design-primer__README.md',
    'kamranahmedse__developer-roadmap__src__data__roadmaps__backend__backend.md',
    'thedaviddias__Front-End-Checklist__README.md',
    'ossu__computer-science__README.md',
  ])('%s', async (name) => {
    await expectSameOutput(corpusPath(name));
  }, 120_000);
});
