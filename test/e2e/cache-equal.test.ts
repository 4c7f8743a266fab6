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

describe('a topic named by its number or id, and a change to it, read its section of the cache alone', () => {
  /** 30 sections of 4 topics, each with one subtopic; every title names its place ("topic12x3" is 12.3). */
  const manySections = (): string => {
    const parts = ['# Many parts', ''];
    for (let s = 1; s <= 30; s++) {
      parts.push(`## Part ${s}`, '');
      for (let t = 1; t <= 4; t++) parts.push(`- Lesson on topic${s}x${t}`, `  - Detail of topic${s}x${t}`);
      parts.push('');
    }
    return parts.join('\n');
  };

  interface Shown {
    id: string;
    number: string;
    title: string;
    section: { number: string };
  }

  /** What a run printed (`show --json`), its exit code, and how many sections it read from the parse cache. */
  async function showWithCounts(file: string, home: string, ref: string): Promise<{ code: number | null; shown?: Shown; stderr: string; sections: number }> {
    const r = await spawnBin(['show', ref, '--json', '--roadmap', file], { home, env: { ROADMAP_WORK_COUNTS: '1' } });
    const line = r.stderr.split('\n').find((l) => l.startsWith('roadmap work: '));
    if (!line) throw new Error(`no work counts in: ${r.stderr}`);
    const sections = (JSON.parse(line.slice('roadmap work: '.length)) as { cachedSections: number }).cachedSections;
    return { code: r.code, ...(r.code === 0 ? { shown: JSON.parse(r.stdout) as Shown } : {}), stderr: r.stderr, sections };
  }

  it('show by number or id reads one section; a title fragment reads them all and finds the same topic', async () => {
    const file = join(temp(), 'many.md');
    writeFileSync(file, manySections());
    const home = temp();
    // The first run parses (no section comes from the cache) and writes the entry the later runs read.
    const first = await showWithCounts(file, home, '12.3');
    expect(first).toMatchObject({ code: 0, sections: 0, shown: { number: '12.3', title: 'Lesson on topic12x3', section: { number: '12' } } });
    const id = first.shown?.id ?? '';
    expect(id).toMatch(/^part-12\//);

    for (const ref of ['12.3', id, '12.3.1', `${id}/detail-of-topic12x3`]) {
      const run = await showWithCounts(file, home, ref);
      expect({ ref, code: run.code, sections: run.sections, section: run.shown?.section.number }).toEqual({ ref, code: 0, sections: 1, section: '12' });
    }
    expect((await showWithCounts(file, home, '12.3.1')).shown?.title).toBe('Detail of topic12x3');

    const byTitle = await showWithCounts(file, home, 'lesson on topic12x3');
    expect(byTitle).toMatchObject({ code: 0, sections: 30, shown: { id, number: '12.3' } });

    // A number or id its section does not hold is looked for everywhere, as any other reference, and not found.
    for (const ref of ['12.9', 'part-12/no-such-topic', '31.1']) {
      const run = await showWithCounts(file, home, ref);
      expect({ ref, code: run.code, sections: run.sections }).toEqual({ ref, code: 1, sections: 30 });
      expect(run.stderr).toContain(`no topic matches "${ref}"`);
    }
  }, 60_000);

  /** A run's exit code and output, less the work counts line, and how many sections it read from the parse cache. */
  async function counted(file: string, home: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; sections: number }> {
    const r = await spawnBin([...args, '--roadmap', file], { home, env: { ROADMAP_WORK_COUNTS: '1' } });
    const lines = r.stderr.split('\n');
    const at = lines.findIndex((l) => l.startsWith('roadmap work: '));
    if (at < 0) throw new Error(`no work counts in: ${r.stderr}`);
    const sections = (JSON.parse((lines[at] ?? '').slice('roadmap work: '.length)) as { cachedSections: number }).cachedSections;
    lines.splice(at, 1);
    return { code: r.code, stdout: r.stdout, stderr: lines.join('\n'), sections };
  }

  it('done, undo, redo, log, next, info and stats read only the sections that stored progress names, and print what a parse gives', async () => {
    const file = join(temp(), 'many.md');
    writeFileSync(file, manySections());
    const homes = { first: temp(), cached: temp() };
    expect((await counted(file, homes.cached, ['list', '--json'])).code).toBe(0);
    // Each step: the command, then how many sections the cached run reads (the sections its progress names, and for
    // next the first one with a pending topic; info and stats take their counts from the entry).
    const steps: Array<[string[], number]> = [
      [['done', '12.3'], 1],
      [['done', '4.1.1', '--json'], 2],
      [['undo'], 2],
      [['redo', '--json'], 2],
      [['start', '7.1'], 3],
      [['next', '-n', '2'], 4],
      [['log'], 3],
      [['info', '--json'], 3],
      [['stats', '--json'], 3],
    ];
    for (const [args, sections] of steps) {
      rmSync(join(homes.first, 'cache'), { recursive: true, force: true });
      const first = await counted(file, homes.first, args);
      const cached = await counted(file, homes.cached, args);
      // Besides the time, each home has its own path and its own ids for the changes it recorded.
      const same = (out: string, home: string): string => timeless(out).replaceAll(home, '~').replace(/"(id|reverts)": "[0-9a-f-]{36}"/g, '"$1": "…"');
      expect({ args, code: cached.code, stdout: same(cached.stdout, homes.cached), stderr: cached.stderr, sections: cached.sections }).toEqual({
        args,
        code: 0,
        stdout: same(first.stdout, homes.first),
        stderr: first.stderr,
        sections,
      });
    }
    // The counts shown are the whole roadmap's: 120 topics, of which the changes above finished 2.
    const info = JSON.parse((await counted(file, homes.cached, ['info', '--json'])).stdout) as { progress: { done: number; total: number } };
    expect(info.progress).toMatchObject({ done: 2, total: 120 });
  }, 60_000);
});
