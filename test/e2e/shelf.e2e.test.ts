import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnBin } from '../helpers/bin.js';
import { tempHome } from '../helpers/io.js';

const RUST = '# Rust Roadmap\n\n## Basics\n\n- Ownership\n- Borrowing\n- Lifetimes\n\n## Async\n\n- Futures\n- Tokio\n';

let home: ReturnType<typeof tempHome>;
let files: ReturnType<typeof tempHome>;
beforeEach(() => {
  home = tempHome();
  files = tempHome();
  writeFileSync(join(files.dir, 'rust.md'), RUST);
});
afterEach(() => {
  home.cleanup();
  files.cleanup();
});

const bin = (args: string[], opts: { stdin?: string; env?: NodeJS.ProcessEnv } = {}) => spawnBin(args, { home: home.dir, cwd: files.dir, ...opts });
const json = async <T>(args: string[], opts: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<T> => {
  const r = await bin([...args, '--json'], opts);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as T;
};
interface ListDoc {
  roadmap: { id: string; name: string | null; title: string; source: string };
  progress: { done: number; total: number };
}
interface ShelfDoc {
  current: string;
  roadmaps: Array<{ name: string; title: string; source: string; current: boolean; progress: { done: number; total: number }; lastActivity: string | null }>;
  removed: Array<{ name: string }>;
}

describe('the shelf: add, roadmaps, use, remove', () => {
  it('adds a file, keeps a copy, makes it current; roadmaps lists it beside the bundled go-backend', async () => {
    const added = await bin(['add', 'rust.md']);
    expect(added.stdout).toBe(`Added "Rust Roadmap" as rust (2 sections, 5 topics) from ${join(files.dir, 'rust.md')}.\n`);
    expect(added.code).toBe(0);
    expect(readdirSync(join(home.dir, 'roadmaps'))).toEqual(['rust.md']);
    // add parsed it; the commands after it read that tree from the parse cache, with the shelf's fallback title or
    // the file's (--roadmap): its title is its own, so both are the same tree.
    for (const args of [['next'], ['list', '--roadmap', 'rust.md']]) {
      const r = await bin(args, { env: { ROADMAP_WORK_COUNTS: '1' } });
      expect({ args, code: r.code, parses: /"parses":(\d+)/.exec(r.stderr)?.[1] }).toEqual({ args, code: 0, parses: '0' });
    }
    await bin(['done', '1.1']);
    const shelf = await json<ShelfDoc>(['roadmaps']);
    expect(shelf.current).toBe('rust');
    expect(shelf.roadmaps.map((r) => [r.name, r.title, r.current, r.progress.done, r.progress.total])).toEqual([
      ['go-backend', 'Go Backend Development Roadmap', false, 0, 53],
      ['rust', 'Rust Roadmap', true, 1, 5],
    ]);
    expect(shelf.roadmaps[1]?.lastActivity).toMatch(/^\d{4}-\d\d-\d\dT/);
    const text = await bin(['roadmaps']);
    expect(text.stdout).toMatch(/^\* rust {8}Rust Roadmap {20}\[###-{11}\] {2}20% {5}1\/5 {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}.*rust\.md$/m);
    expect(text.stdout).toMatch(/^ {2}go-backend {2}Go Backend Development Roadmap {2}\[-{14}\] {3}0% {4}0\/53 {2}never {13}\(bundled\)$/m);
  });

  it('use switches; ROADMAP= and --roadmap NAME choose for one command; every JSON names the roadmap', async () => {
    await bin(['add', 'rust.md', '--no-use']);
    expect((await json<ListDoc>(['list'])).roadmap.name).toBe('go-backend');
    expect((await bin(['use', 'rust'])).stdout).toBe('Now using rust: "Rust Roadmap". Try: roadmap next\n');
    const rust = { id: 'rust', name: 'rust', title: 'Rust Roadmap', source: join(files.dir, 'rust.md') };
    expect((await json<ListDoc>(['list'])).roadmap).toEqual(rust);
    expect((await json<ListDoc>(['stats'], { env: { ROADMAP: 'go-backend' } })).roadmap.name).toBe('go-backend');
    expect((await json<ListDoc>(['info', '--roadmap', 'go-backend'])).roadmap.name).toBe('go-backend');
    // next's list carries it on every element; documents carry it on top.
    expect((await json<Array<{ roadmap: unknown }>>(['next']))[0]?.roadmap).toEqual(rust);
    expect((await json<{ roadmap: unknown }>(['done', '1.2'])).roadmap).toEqual(rust);
    expect((await json<{ roadmap: unknown }>(['show', '1.2'])).roadmap).toEqual(rust);
    for (const args of [['log'], ['undo'], ['doctor'], ['export'], ['reset', '--all', '--yes']]) {
      expect((await json<{ roadmap: unknown }>(args)).roadmap).toEqual(rust);
    }
    // Shell completion offers the current shelf roadmap's topics (from the parse cache the commands above filled).
    expect((await bin(['__complete', '--', 'done', ''])).stdout.split('\n')).toEqual(expect.arrayContaining(['1.1', '2.2']));
    expect((await bin(['__complete', '--', 'done', 'own'])).stdout).toBe('ownership\n');
    const unknown = await bin(['list', '--roadmap', 'nope']);
    expect(unknown.stderr).toBe('error: there is no roadmap named "nope" on your shelf, and no file of that name\nsee your roadmaps with: roadmap roadmaps   (add one with: roadmap add FILE)\n');
    expect(unknown.code).toBe(1);
  });

  it('an unusable file prints validate\'s report and adds nothing', async () => {
    writeFileSync(join(files.dir, 'notes.md'), '# Just a title\n\nSome prose and nothing to study.\n');
    const r = await bin(['add', 'notes.md']);
    expect(r.stderr).toContain('not a usable roadmap: 0 sections, 0 topics');
    expect(r.stderr).toContain('error: notes.md is not a usable roadmap: no sections');
    expect(r.code).toBe(1);
    expect(existsSync(join(home.dir, 'shelf.json'))).toBe(false);
    expect(existsSync(join(home.dir, 'roadmaps'))).toBe(false);
  });

  it('refuses a taken name and the same file twice', async () => {
    await bin(['add', 'rust.md']);
    expect((await bin(['add', 'rust.md'])).stderr).toContain('is already on your shelf as "rust"');
    writeFileSync(join(files.dir, 'other.md'), RUST.replace('Rust', 'Other'));
    const taken = await bin(['add', 'other.md', '--name', 'rust']);
    expect(taken.stderr).toContain('a roadmap named "rust" is already on your shelf');
    expect(taken.code).toBe(2);
    expect((await bin(['add', 'other.md', '--name', 'go-backend'])).stderr).toContain('"go-backend" is the bundled roadmap\'s name');
  });

  it('remove keeps the progress; --purge needs --yes off a terminal; add --restore undoes both', async () => {
    await bin(['add', 'rust.md']);
    await bin(['done', '1.1', '1.2']);
    const removed = await bin(['remove', 'rust']);
    expect(removed.stdout).toBe('Removed rust from your shelf. Its progress (2 topic statuses) is kept.\n');
    expect(removed.stderr).toBe('Undo: roadmap add --restore rust\nThe current roadmap is now the bundled one (go-backend).\n');
    expect((await json<ShelfDoc>(['roadmaps'])).removed.map((r) => r.name)).toEqual(['rust']);
    expect((await bin(['add', '--restore', 'rust'])).code).toBe(0);
    expect((await json<ListDoc>(['list'])).progress.done).toBe(2);
    const refused = await bin(['remove', 'rust', '--purge']);
    expect(refused.stderr).toContain('needs --yes when not run on a terminal');
    expect(refused.code).toBe(2);
    expect((await bin(['remove', 'rust', '--purge', '--yes'])).stdout).toBe('Removed rust from your shelf. Its progress (2 topic statuses) was deleted.\n');
    // The file itself, no longer on the shelf, has its own (empty) progress again...
    expect((await json<ListDoc>(['list', '--roadmap', join(files.dir, 'rust.md')])).progress.done).toBe(0);
    // ...until the removal is undone.
    expect((await bin(['add', '--restore', 'rust'])).code).toBe(0);
    expect((await json<ListDoc>(['list'])).progress.done).toBe(2);
    expect((await bin(['remove', 'go-backend'])).code).toBe(2);
  });
});

describe('progress identity', () => {
  it('a moved file keeps its progress through its shelf name; doctor offers to link the new path', async () => {
    await bin(['add', 'rust.md']);
    await bin(['done', '1.1', '2.2']);
    mkdirSync(join(files.dir, 'moved'));
    renameSync(join(files.dir, 'rust.md'), join(files.dir, 'moved', 'rust.md'));
    expect((await json<ListDoc>(['list', '--roadmap', 'rust'])).progress.done).toBe(2);
    // The moved file is not on the shelf by its path: today's behaviour (its own progress), and a pointer to doctor.
    const byPath = await bin(['list', '--roadmap', 'moved/rust.md']);
    expect(byPath.stderr).toBe(`note: this file has the same content as "rust" on your shelf (added from ${join(files.dir, 'rust.md')}); to keep its progress, link them: roadmap doctor --link --roadmap moved/rust.md\n`);
    expect(byPath.stdout).toContain('0/5 done');
    const offer = await bin(['doctor', '--roadmap', 'moved/rust.md']);
    expect(offer.stdout).toContain(`This file has the same content as "rust" on your shelf, added from ${join(files.dir, 'rust.md')}.\nLink them so this file keeps that progress: roadmap doctor --link --roadmap moved/rust.md\n`);
    const linked = await bin(['doctor', '--link', '--roadmap', 'moved/rust.md']);
    expect(linked.stdout).toContain('Linked: this file is now the source of "rust" on your shelf, with its progress.');
    const after = await json<ListDoc>(['list', '--roadmap', 'moved/rust.md']);
    expect(after.roadmap).toEqual({ id: 'rust', name: 'rust', title: 'Rust Roadmap', source: join(files.dir, 'moved', 'rust.md') });
    expect(after.progress.done).toBe(2);
  });

  it('two different roadmaps from standard input never share progress', async () => {
    const a = '# Same title\n\n## S\n\n- One\n- Two\n';
    const b = '# Same title\n\n## S\n\n- One\n- Three\n';
    await bin(['done', 'one', '--roadmap', '-'], { stdin: a });
    const first = await json<ListDoc>(['list', '--roadmap', '-'], { stdin: a });
    const second = await json<ListDoc>(['list', '--roadmap', '-'], { stdin: b });
    expect(first.progress.done).toBe(1);
    expect(second.progress.done).toBe(0);
    expect(first.roadmap.id).not.toBe(second.roadmap.id);
    // Added to the shelf, the first keeps what was done while it came from stdin.
    const added = await bin(['add', '-', '--name', 'a'], { stdin: a });
    expect(added.stderr).toContain('Your progress on it (1 topic status) now follows the name a.');
    expect((await json<ListDoc>(['list'])).progress.done).toBe(1);
  });

  it('a file used with --roadmap before it was added brings its progress to the shelf name', async () => {
    await bin(['done', '1.1', '--roadmap', 'rust.md']);
    await bin(['add', 'rust.md']);
    expect((await json<ListDoc>(['list', '--roadmap', 'rust'])).progress.done).toBe(1);
  });
});

describe('roadmap update', () => {
  it('re-reads the source and says what was added, removed and renamed; progress follows a rename', async () => {
    await bin(['add', 'rust.md']);
    await bin(['done', 'ownership']);
    writeFileSync(join(files.dir, 'rust.md'), '# Rust Roadmap\n\n## Basics\n\n- Ownership rules\n- Borrowing\n- Lifetimes\n- Traits\n\n## Async\n\n- Futures\n');
    const r = await bin(['update']);
    expect(r.stdout).toBe(
      `Updated rust from ${join(files.dir, 'rust.md')}: 1 topic added, 1 removed, 1 renamed.\n  + 1.4 Traits\n  - Tokio\n  ~ Ownership -> 1.1 Ownership rules  (progress moved)\n`,
    );
    const list = await json<ListDoc & { sections: Array<{ topics: Array<{ title: string; status: string }> }> }>(['list']);
    expect(list.sections[0]?.topics[0]).toMatchObject({ title: 'Ownership rules', status: 'done' });
    expect((await bin(['update', 'rust'])).stdout).toBe(`rust is up to date with ${join(files.dir, 'rust.md')}: no topic was added, removed or renamed.\n`);
  });

  it('follows a moved file with --source', async () => {
    await bin(['add', 'rust.md']);
    renameSync(join(files.dir, 'rust.md'), join(files.dir, 'new.md'));
    const lost = await bin(['update', 'rust']);
    expect(lost.stderr).toContain('cannot read');
    expect(lost.code).toBe(1);
    expect((await bin(['update', 'rust', '--source', 'new.md'])).code).toBe(0);
    expect((await json<ListDoc>(['list'])).roadmap.source).toBe(join(files.dir, 'new.md'));
  });
});
