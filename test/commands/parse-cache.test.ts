import { isAscii } from 'node:buffer';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateRoadmap } from '../../scripts/bench-roadmap.mjs';
import { main } from '../../src/cli.js';
import { parseRoadmap } from '../../src/core/parse/parse.js';
import type { Roadmap } from '../../src/core/types.js';
import { parseCached, parseKey, readParseCache, writeParseCache } from '../../src/source/parse-cache.js';
import { work } from '../../src/core/work.js';
import { Capture, run, tempHome } from '../helpers/io.js';

let home: ReturnType<typeof tempHome>;
let file: string;
beforeEach(() => {
  home = tempHome();
  file = join(home.dir, 'mine.md');
  writeFileSync(file, generateRoadmap(40_000, 11));
});
afterEach(() => {
  home.cleanup();
});

const cacheDir = (): string => join(home.dir, 'cache', 'parsed');
const entries = (): string[] => (existsSync(cacheDir()) ? readdirSync(cacheDir()).sort() : []);
const onlyEntry = (): string => {
  const [name, ...more] = entries();
  expect(more).toEqual([]);
  return join(cacheDir(), name ?? 'missing');
};
/** Where an entry's sections' topic lists end (from the end of the source), and where the lists start in the file. */
const layout = (entry: Buffer): { topicsAt: number; ends: number[] } => {
  const headerEnd = entry.indexOf(10) + 1;
  const { source, outline } = JSON.parse(entry.subarray(0, headerEnd).toString()) as { source: number; outline: string };
  const tree = JSON.parse(entry.subarray(Number(outline)).toString()) as { sections: Array<{ topics: number }> };
  return { topicsAt: headerEnd + source, ends: tree.sections.map((s) => s.topics) };
};
const listJson = async (): Promise<{ roadmap: { title: string }; sections: Array<{ title: string }> }> => {
  const r = await run(['list', '--json', '--roadmap', file], { home: home.dir });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { roadmap: { title: string }; sections: Array<{ title: string }> };
};

describe('the parse cache', () => {
  it('the first run stores the tree under ROADMAP_HOME/cache; the next run reads it from there', async () => {
    const first = await listJson();
    const entry = onlyEntry();
    // Proof that the second run reads the cache and not the file: change the title inside the cached tree only.
    const cached = readFileSync(entry, 'utf8');
    writeFileSync(entry, cached.replace(`"title":${JSON.stringify(first.roadmap.title)}`, '"title":"Read from the cache"'));
    expect((await listJson()).roadmap.title).toBe('Read from the cache');
  });

  it('any change to the file is parsed again, and replaces its entry', async () => {
    const before = await listJson();
    const firstSection = before.sections[0]?.title ?? '';
    writeFileSync(file, readFileSync(file, 'utf8').replace(firstSection, 'Renamed section'));
    const after = await listJson();
    expect(after.sections[0]?.title).toBe('Renamed section');
    expect(after.sections.slice(1)).toEqual(before.sections.slice(1));
    expect(entries()).toHaveLength(1);
  });

  it('a change that keeps the size of the file (one letter) is seen too', async () => {
    const before = await listJson();
    const title = before.sections[1]?.title ?? '';
    const swapped = `${title.charAt(0) === 'X' ? 'Y' : 'X'}${title.slice(1)}`;
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(title, swapped));
    expect(readFileSync(file).length).toBe(Buffer.byteLength(text));
    expect((await listJson()).sections[1]?.title).toBe(swapped);
  });

  it.each([
    ['cut short', (text: string) => text.slice(0, text.length / 2)],
    ['not JSON', () => 'not json at all \u0000\u00ff'],
    ['empty', () => ''],
    ['JSON of the wrong shape', (text: string) => text.replace(/"sections":\[/, '"sections":7,"x":[')],
    ['another key', (text: string) => text.replace(/"key":"[^"]*"/, '"key":"0-0-0-0"')],
    ['an older format', (text: string) => text.replace('"format":7,', '"format":6,')],
    ['the outline past the end', (text: string) => text.replace(/"outline":"\d{12}"/, '"outline":"999999999999"')],
    ['the outline before the topics', (text: string) => text.replace(/"outline":"\d{12}"/, '"outline":"000000000010"')],
    ['a section list ending past the outline', (text: string) => text.replace(/("sections":\[\{[^]*?"topics":)(\d+)/, (_m, a: string) => `${a}99999999`)],
    ['a tail cut off the outline', (text: string) => text.slice(0, -1)],
    ['a section count that is not a count', (text: string) => text.replace(/"leaves":\d+/, '"leaves":-1')],
  ])('a damaged entry (%s) is ignored: the file is parsed again and the entry rewritten', async (_name, damage) => {
    const expected = await listJson();
    const entry = onlyEntry();
    const good = readFileSync(entry, 'utf8');
    writeFileSync(entry, damage(good));
    expect(await listJson()).toEqual(expected);
    expect(readFileSync(entry, 'utf8')).toBe(good);
  });

  it('an entry whose tree holds a byte that is not ASCII is damaged: ignored, parsed again, rewritten', async () => {
    const expected = await listJson();
    const entry = onlyEntry();
    const good = readFileSync(entry);
    const bad = Buffer.from(good);
    // A title's first letter made a byte no UTF-8 text has: decoded, it would read as U+FFFD instead of failing.
    bad[good.lastIndexOf('"title":"') + '"title":"'.length] = 0xff;
    writeFileSync(entry, bad);
    expect(await listJson()).toEqual(expected);
    expect(readFileSync(entry)).toEqual(good);
  });

  it('a section list damaged on the disk is found when it is read: that run stops with a message, the entry is removed, the next run parses', async () => {
    const expected = await listJson();
    const nextBefore = await run(['next', '--roadmap', file], { home: home.dir });
    const entry = onlyEntry();
    const good = readFileSync(entry);
    const { topicsAt, ends } = layout(good);
    expect(ends.length).toBeGreaterThan(2);
    // The last section's list, made invalid JSON right after its "[": its length and every offset stay as they were.
    const bad = Buffer.from(good);
    bad[topicsAt + (ends.at(-2) ?? 0) + 1] = '#'.charCodeAt(0);
    writeFileSync(entry, bad);
    // `next` reads the first section only: damage elsewhere changes nothing, and the entry stays.
    const next = await run(['next', '--roadmap', file], { home: home.dir });
    expect({ code: next.code, stdout: next.stdout, stderr: next.stderr }).toEqual({ code: nextBefore.code, stdout: nextBefore.stdout, stderr: nextBefore.stderr });
    expect(readFileSync(entry)).toEqual(bad);
    // `list` reads every section: it stops, says what happened and what to do, and removes the entry.
    const broken = await run(['list', '--json', '--roadmap', file], { home: home.dir });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/^error: a part of the parse cache entry .*\.json is damaged; the entry was removed\nrun the command again: the roadmap will be read afresh\n$/);
    expect(entries()).toEqual([]);
    expect(await listJson()).toEqual(expected);
    expect(readFileSync(onlyEntry())).toEqual(good);
  });

  it('a damaged section found while ticked boxes are brought up to date: the file is parsed, nothing stops', async () => {
    writeFileSync(file, `# Boxes\n\n${Array.from({ length: 4 }, (_, s) => `## Part ${s + 1}\n\n- [ ] Task ${s + 1}.1\n- [ ] Task ${s + 1}.2\n`).join('\n')}`);
    await listJson();
    const entry = onlyEntry();
    const good = readFileSync(entry);
    const { topicsAt, ends } = layout(good);
    const bad = Buffer.from(good);
    bad[topicsAt + (ends.at(-2) ?? 0) + 1] = '#'.charCodeAt(0);
    writeFileSync(entry, bad);
    writeFileSync(file, readFileSync(file, 'utf8').replace('- [ ] Task 1.1', '- [x] Task 1.1'));
    const r = await run(['list', '--json', '--roadmap', file], { home: home.dir });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(readFileSync(onlyEntry())).not.toEqual(bad);
    // What it printed is what a parse prints: the same command with no cache at all.
    rmSync(cacheDir(), { recursive: true, force: true });
    expect(JSON.parse(r.stdout)).toEqual(await listJson());
  });

  it('any text comes back the same from the cache: accents, emoji, Persian, CJK, controls', async () => {
    writeFileSync(file, '# Полный путь 🚀\n\n## 1. Génériques et « types »\n\n- 学习 Go 的并发\n- یادگیری Go\n- Tab\there, bell \u0007, RTL \u202e mark\n\n## 2. 😀 Emoji section\n\n- [Lien](https://example.com/é)\n');
    const first = await run(['list', '--json', '--roadmap', file], { home: home.dir });
    const second = await run(['list', '--json', '--roadmap', file], { home: home.dir });
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout).toContain('学习 Go 的并发');
    // The entry holds the source bytes as they are, then the tree in ASCII JSON (read back without decoding UTF-8).
    const entry = readFileSync(onlyEntry());
    const headerEnd = entry.indexOf(10) + 1;
    const { source } = JSON.parse(entry.subarray(0, headerEnd).toString()) as { source: number };
    expect(entry.subarray(headerEnd, headerEnd + source)).toEqual(readFileSync(file));
    expect(isAscii(entry.subarray(headerEnd + source))).toBe(true);
  });

  it('a cache folder that cannot be written changes nothing but speed', async () => {
    mkdirSync(join(home.dir, 'cache'), { recursive: true });
    writeFileSync(cacheDir(), 'a file where the folder should be');
    const r = await run(['next', '--roadmap', file], { home: home.dir });
    const elsewhere = tempHome();
    const normal = await run(['next', '--roadmap', file], { home: elsewhere.dir });
    elsewhere.cleanup();
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(normal.stdout);
    expect(r.stdout).toContain('id: ');
    expect(r.stderr).toBe('');
  });

  it('standard input is cached too, by content: a different roadmap on stdin is parsed afresh', async () => {
    const a = await run(['list', '--json', '--roadmap', '-'], { home: home.dir, stdin: generateRoadmap(5_000, 1) });
    const b = await run(['list', '--json', '--roadmap', '-'], { home: home.dir, stdin: generateRoadmap(5_000, 2) });
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(JSON.parse(b.stdout)).not.toEqual(JSON.parse(a.stdout));
  });

  it('nothing is left behind but one entry per roadmap: no temp files', async () => {
    await listJson();
    await run(['next'], { home: home.dir });
    await listJson();
    expect(entries()).toHaveLength(2);
    expect(entries().every((name) => /^[0-9a-f]{16}\.json$/.test(name))).toBe(true);
  });
});

describe('a tree read from the cache', () => {
  const key = parseKey({ fallbackTitle: 'mine' });
  const parsed = (): Roadmap => parseRoadmap(readFileSync(file, 'utf8'), { fallbackTitle: 'mine' });
  const stored = (): { entry: string; bytes: Buffer } => {
    const entry = join(home.dir, 'entry.json');
    const bytes = readFileSync(file);
    writeParseCache(entry, key, bytes, parsed());
    return { entry, bytes };
  };

  it('is plain data in the same key order: JSON, spreads, keys, structuredClone, assignment', () => {
    const { entry, bytes } = stored();
    const tree = parsed();
    const a = readParseCache(entry, [key], bytes);
    expect(JSON.stringify(a)).toBe(JSON.stringify(tree));
    const b = readParseCache(entry, [key], bytes);
    expect(b?.sections.map((s) => Object.keys(s))).toEqual(tree.sections.map((s) => Object.keys(s)));
    expect(b?.sections.map((s) => ({ ...s }))).toEqual(tree.sections.map((s) => ({ ...s })));
    expect(structuredClone(readParseCache(entry, [key], bytes))).toEqual(tree);
    const c = readParseCache(entry, [key], bytes);
    if (!c?.sections[0]) throw new Error('no section');
    const first = c.sections[0];
    first.topics = [];
    expect(first.topics).toEqual([]);
    expect(Object.keys(first)).toEqual(Object.keys(tree.sections[0] ?? {}));
    expect(c.sections.slice(1)).toEqual(tree.sections.slice(1));
  });

  it('keeps reading the entry it opened when a writer replaces it before a section is read', () => {
    const { entry, bytes } = stored();
    const tree = parsed();
    const opened = readParseCache(entry, [key], bytes);
    // Another process stores a different tree under the same name (here: the same bytes, another title everywhere).
    const other = JSON.parse(JSON.stringify(tree).replaceAll('"title":"', '"title":"Other ')) as Roadmap;
    writeParseCache(entry, key, bytes, other);
    expect(JSON.stringify(opened)).toBe(JSON.stringify(tree));
    expect(JSON.stringify(readParseCache(entry, [key], bytes))).toBe(JSON.stringify(other));
  });

  it('an entry whose sections hold no topics, and a roadmap with no sections, come back the same', () => {
    const entry = join(home.dir, 'entry.json');
    for (const text of ['# Only a title\n\nSome words.\n', '# T\n\n## A\n\n## B\n\n- one\n']) {
      writeFileSync(file, text);
      const bytes = readFileSync(file);
      writeParseCache(entry, key, bytes, parsed());
      expect(JSON.stringify(readParseCache(entry, [key], bytes))).toBe(JSON.stringify(parsed()));
    }
  });
});

describe('one entry serves every fallback title when the roadmap has a title of its own', () => {
  const input = (fallbackTitle: string) => ({ source: file, shown: 'mine.md', fallbackTitle });
  /** The tree parseCached gives with this fallback title, as JSON, and whether it parsed to give it. */
  const read = async (bytes: Buffer, fallbackTitle: string): Promise<{ tree: string; parsed: boolean }> => {
    const parses = work.parses;
    const tree = JSON.stringify(await parseCached(join(home.dir, 'cache'), bytes, input(fallbackTitle)));
    return { tree, parsed: work.parses > parses };
  };
  const fresh = (bytes: Buffer, fallbackTitle: string): string => JSON.stringify(parseRoadmap(bytes.toString('utf8'), { fallbackTitle }));

  it.each([
    ['a heading', '# Learn Go\n\n## Basics\n\n- Syntax\n- Types\n'],
    ['front matter', '---\ntitle: Learn Go\n---\n\n## Basics\n\n- Syntax\n'],
  ])('its title in %s: read with another fallback without parsing, as a parse with that fallback reads it', async (_where, text) => {
    const bytes = Buffer.from(text);
    expect(await read(bytes, 'mine')).toEqual({ tree: fresh(bytes, 'mine'), parsed: true });
    expect(await read(bytes, 'Learn Go from the shelf')).toEqual({ tree: fresh(bytes, 'Learn Go from the shelf'), parsed: false });
    expect(JSON.parse(fresh(bytes, 'x')) as { title: string }).toMatchObject({ title: 'Learn Go' });
  });

  it('no title of its own: each fallback title is its own entry, so the title is always the one asked for', async () => {
    const bytes = Buffer.from('## Basics\n\n- Syntax\n- Types\n\n## Web\n\n- HTTP\n');
    expect(await read(bytes, 'mine')).toEqual({ tree: fresh(bytes, 'mine'), parsed: true });
    expect(await read(bytes, 'mine')).toEqual({ tree: fresh(bytes, 'mine'), parsed: false });
    const other = await read(bytes, 'yours');
    expect(other).toEqual({ tree: fresh(bytes, 'yours'), parsed: true });
    expect(JSON.parse(other.tree) as { title: string }).toMatchObject({ title: 'yours' });
  });

  it('a title that happens to be the fallback is not taken for another fallback', async () => {
    const bytes = Buffer.from('# mine\n\n## Basics\n\n- Syntax\n');
    expect(await read(bytes, 'mine')).toEqual({ tree: fresh(bytes, 'mine'), parsed: true });
    expect(await read(bytes, 'yours')).toEqual({ tree: fresh(bytes, 'yours'), parsed: true });
  });
});

describe('the spinner for a slow first parse', () => {
  beforeEach(() => {
    writeFileSync(file, generateRoadmap(400_000, 12));
  });

  it('shows on a terminal, on stderr only, while a big roadmap is read the first time', async () => {
    const r = await run(['next', '--roadmap', file], { home: home.dir, tty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Reading .*mine\.md \(0\.4 MB\) for the first time/);
    expect(r.stdout).not.toContain('Reading');
    // The spinner line is cleared when the work is done.
    expect(r.stderr).toContain('\u001b[2K');
    const again = await run(['next', '--roadmap', file], { home: home.dir, tty: true });
    expect(again.stderr).not.toContain('Reading');
  });

  it('never appears when only stdout is piped (`roadmap list | less` keeps a clean screen)', async () => {
    const stdout = new Capture(false);
    const stderr = new Capture(true);
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const code = await main(['list', '--roadmap', file], { io: { stdout, stderr, stdin }, env: { ROADMAP_HOME: home.dir, PATH: process.env.PATH } });
    expect(code).toBe(0);
    expect(stdout.text).toContain('Generated Backend Roadmap');
    expect(stderr.text).toBe('');
  });

  it.each([
    ['piped', ['next'], false, {}],
    ['--json on a terminal', ['next', '--json'], true, {}],
    ['list --json on a terminal', ['list', '--json'], true, {}],
    ['CI on a terminal', ['next'], true, { CI: 'true' }],
    ['TERM=dumb', ['next'], true, { TERM: 'dumb' }],
  ])('never appears %s', async (_name, args, tty, env) => {
    const r = await run([...args, '--roadmap', file], { home: home.dir, tty, env });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('Reading');
    expect(r.stderr).not.toContain('\u001b[');
  });
});
