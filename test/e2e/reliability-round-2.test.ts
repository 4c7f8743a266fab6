// Issue 18, "Reliability round 2": each item's reproduction against the built bin, with sizes small enough for a test
// that still show the shape. Nothing here times a run: growth is checked on the work counters the CLI prints with
// ROADMAP_WORK_COUNTS=1 (src/core/work.ts), limits by what the command says and whether it parsed at all.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ORPHAN_PAIRS } from '../../src/core/progress/orphans.js';
import { SUGGEST_CELLS } from '../../src/core/lookup.js';
import { openerArgv, openUrl } from '../../src/ui/open-url.js';
import { BIN, ROOT, spawnBin, type SpawnResult } from '../helpers/bin.js';
import { tempHome } from '../helpers/io.js';
import { startBin } from '../helpers/start-bin.js';

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

const progressFile = (): string => join(home.dir, 'progress.json');
const write = (name: string, text: string): string => {
  const path = join(files.dir, name);
  writeFileSync(path, text);
  return path;
};
const run = (args: string[], opts: { env?: NodeJS.ProcessEnv; stdin?: string; timeoutMs?: number } = {}): Promise<SpawnResult> =>
  spawnBin(args, { home: home.dir, timeoutMs: opts.timeoutMs ?? 120_000, ...(opts.env ? { env: opts.env } : {}), ...(opts.stdin === undefined ? {} : { stdin: opts.stdin }) });

interface Work {
  slugSteps: number;
  htmlLineScan: number;
  editCells: number;
  orphanPairs: number;
}

/** Runs a command with the work counters on, in a fresh home each time (so nothing comes from the parse cache). */
async function workOf(args: string[]): Promise<{ run: SpawnResult; work: Work }> {
  const fresh = tempHome();
  try {
    const r = await spawnBin(args, { home: fresh.dir, timeoutMs: 120_000, env: { ROADMAP_WORK_COUNTS: '1' } });
    const line = r.stderr.split('\n').find((l) => l.startsWith('roadmap work: '));
    if (!line) throw new Error(`no work counts in: ${r.stderr}`);
    return { run: r, work: JSON.parse(line.slice('roadmap work: '.length)) as Work };
  } finally {
    fresh.cleanup();
  }
}

async function roadmapId(roadmap: string): Promise<string> {
  const info = await run(['info', '--json', '--roadmap', roadmap]);
  expect(info.code, info.stderr).toBe(0);
  return (JSON.parse(info.stdout) as { roadmap: { id: string } }).roadmap.id;
}

interface ListTopic {
  id: string;
  number: string;
  title: string;
  status: string;
}

async function topics(roadmap: string): Promise<ListTopic[]> {
  const list = await run(['list', '--json', '--roadmap', roadmap]);
  expect(list.code, list.stderr).toBe(0);
  return (JSON.parse(list.stdout) as { sections: Array<{ topics: ListTopic[] }> }).sections.flatMap((s) => s.topics);
}

const statusOf = async (roadmap: string, number: string): Promise<string | undefined> => (await topics(roadmap)).find((t) => t.number === number)?.status;

function grid(sections: number, perSection: number): string {
  const lines = ['# Grid', ''];
  for (let s = 1; s <= sections; s++) {
    lines.push(`## Section ${s}`, '');
    for (let t = 1; t <= perSection; t++) lines.push(`- Topic ${s}.${t}`);
    lines.push('');
  }
  return write('grid.md', lines.join('\n'));
}

/** `count` valid history entries (one `done` each), as compact as a real one. */
function events(count: number, topic: (i: number) => string): unknown[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `e${i}`,
    at: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
    action: 'done',
    changes: [{ topic: topic(i), from: 'pending', to: 'done' }],
    notesAdded: [],
    notesRemoved: [],
  }));
}

const damagedAside = (): string[] => readdirSync(home.dir).filter((n) => /^progress\.damaged-.*\.json$/.test(n));

describe('1. a paused lock holder loses nobody\'s change', () => {
  it('a holder stopped between its ownership check and its rename (the narrowest window) saves nothing; the other command keeps its change', async () => {
    const roadmap = grid(2, 5);
    const a = startBin(['done', '1.2', '--roadmap', roadmap], { home: home.dir, env: { ROADMAP_TEST_PAUSE_IN_WRITE: 'checked', ROADMAP_TEST_PAUSE_MS: '1000' } });
    await a.stderrIncludes('test pause (checked)');
    a.child.kill('SIGSTOP');
    // The stopped holder's heartbeat stops too: after 15 s and two missed beats the lock is broken.
    const b = await run(['done', '1.3', '--roadmap', roadmap], { timeoutMs: 60_000 });
    a.child.kill('SIGCONT');
    const ra = await a.done;
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toContain('Marked done: 1.3');
    expect(ra.code).toBe(1);
    expect(ra.stderr).toContain('another roadmap command took the lock over; so as not to overwrite that command\'s change, this one saved nothing');
    expect(ra.stderr).toContain('run the command again');
    expect(ra.stderr).not.toContain('free some disk space');
    // Every command that exited 0 has its change in the store.
    expect(await statusOf(roadmap, '1.3')).toBe('done');
    expect(await statusOf(roadmap, '1.2')).toBe('pending');
    expect(readdirSync(home.dir).filter((n) => /\.lock|\.tmp/.test(n))).toEqual([]);
  }, 90_000);

  it('a live holder busy for longer than 15 s keeps its lock through its heartbeat; both changes are kept', async () => {
    const roadmap = grid(2, 5);
    // The holder's main thread is blocked for 21 s (as in a long synchronous write); its heartbeat thread runs on.
    const a = startBin(['done', '1.2', '--roadmap', roadmap], { home: home.dir, env: { ROADMAP_TEST_PAUSE_IN_WRITE: 'locked', ROADMAP_TEST_PAUSE_MS: '21000' } });
    await a.stderrIncludes('test pause (locked)');
    const b = startBin(['done', '1.3', '--roadmap', roadmap], { home: home.dir });
    await b.stderrIncludes(`Waiting for process ${String(a.child.pid)}`);
    await new Promise((resolve) => setTimeout(resolve, 18_000));
    // Past the 15 s a lock without a heartbeat would last, the waiter still waits and the lock is still the holder's.
    expect(b.child.exitCode).toBeNull();
    const lock = JSON.parse(readFileSync(`${progressFile()}.lock`, 'utf8')) as { pid: number };
    expect(lock.pid).toBe(a.child.pid);
    expect(Date.now() - statSync(`${progressFile()}.lock`).mtimeMs).toBeLessThan(5_000);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    expect(await statusOf(roadmap, '1.2')).toBe('done');
    expect(await statusOf(roadmap, '1.3')).toBe('done');
  }, 90_000);
});

describe('2. malformed entries inside a valid store are never dropped quietly', () => {
  const entry = (extra: Record<string, unknown>): Record<string, unknown> => ({
    topics: [{ id: 'a/b', status: 'done', updatedAt: '2024-01-01T00:00:00.000Z' }],
    notes: [],
    events: [{ id: 'e1', at: '2024-01-01T00:00:00.000Z', action: 'done', changes: [{ topic: 'a/b', from: 'pending', to: 'done' }], notesAdded: [], notesRemoved: [] }],
    ...extra,
  });
  const event = (extra: Record<string, unknown>): unknown => ({ id: 'e1', at: '2024-01-01T00:00:00.000Z', action: 'done', changes: [], notesAdded: [], notesRemoved: [], ...extra });
  it.each<[string, (id: string) => unknown, string]>([
    ['a second entry for the same roadmap id', (id) => ({ schemaVersion: 2, roadmaps: [{ id, ...entry({}) }, { id, ...entry({}) }] }), 'roadmaps[1] repeats the roadmap id'],
    ['an event change "to":"finished"', (id) => ({ schemaVersion: 2, roadmaps: [{ id, ...entry({ events: [event({ changes: [{ topic: 'a/b', from: 'pending', to: 'finished' }] })] }) }] }), 'roadmaps[0].events[0].changes[0].to is "finished"'],
    ['a malformed notesAdded item', (id) => ({ schemaVersion: 2, roadmaps: [{ id, ...entry({ events: [event({ notesAdded: [{ id: 'n1', text: 5 }] })] }) }] }), 'roadmaps[0].events[0].notesAdded[0].topic is undefined'],
    ['duplicate topic entries', (id) => ({ schemaVersion: 2, roadmaps: [{ id, ...entry({ topics: [{ id: 'a/b', status: 'done', updatedAt: 'x' }, { id: 'a/b', status: 'skipped', updatedAt: 'y' }] }) }] }), 'roadmaps[0].topics[1] lists topic "a/b" a second time'],
    ['an unknown top-level key', (id) => ({ schemaVersion: 2, roadmaps: [{ id, ...entry({}) }], settings: { theme: 'dark' } }), 'its top level has a field roadmap does not know, "settings"'],
    ['a non-string updatedAt', (id) => ({ schemaVersion: 2, roadmaps: [{ id, ...entry({ topics: [{ id: 'a/b', status: 'done', updatedAt: 1704067200000 }] }) }] }), 'roadmaps[0].topics[0].updatedAt is 1704067200000, not text'],
  ])('%s: the file is moved aside byte for byte, and stderr says where the problem is', async (_name, make, problem) => {
    const roadmap = grid(1, 3);
    const text = JSON.stringify(make(await roadmapId(roadmap)));
    writeFileSync(progressFile(), text);
    const done = await run(['done', '1.1', '--roadmap', roadmap]);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toContain(`the progress file ${progressFile()} is damaged: ${problem}`);
    const aside = damagedAside();
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(home.dir, aside[0]!), 'utf8')).toBe(text);
    expect(await statusOf(roadmap, '1.1')).toBe('done');
  });
});

describe('3. ids no title can take: progress stays on its topic when the file is reordered', () => {
  it('done on "Practice 2", then the file reordered: "Practice 2" is still the one done, and doctor has nothing to say', async () => {
    const file = write('p.md', '# P\n\n## S\n\n- Practice 2\n- Practice\n- Practice\n');
    expect((await run(['done', '1.1', '--roadmap', file])).code).toBe(0);
    writeFileSync(file, '# P\n\n## S\n\n- Practice\n- Practice\n- Practice 2\n');
    const after = await topics(file);
    expect(after.map((t) => [t.title, t.id, t.status])).toEqual([
      ['Practice', 's/practice', 'pending'],
      ['Practice', 's/practice--2', 'pending'],
      ['Practice 2', 's/practice-2', 'done'],
    ]);
    const doctor = await run(['doctor', '--roadmap', file]);
    expect(doctor.stdout).toContain('Nothing to do');
  });

  it('a store written with the old ids is translated on the same file, so nobody\'s progress moves; the next write saves the new ids', async () => {
    const file = write('p.md', '# P\n\n## S\n\n- Practice\n- Practice\n- Practice 2\n');
    const id = await roadmapId(file);
    // As version 2 stored it: the second "Practice" took "practice-2", so "Practice 2" got "practice-2-2".
    const old = { topic: 's/practice-2', note: 's/practice-2-2' };
    writeFileSync(
      progressFile(),
      JSON.stringify({
        schemaVersion: 2,
        roadmaps: [{ id, topics: [{ id: old.topic, status: 'done', updatedAt: '2025-01-01T00:00:00.000Z' }, { id: old.note, status: 'skipped', updatedAt: '2025-01-01T00:00:00.000Z' }], notes: [{ id: 'n1', topic: old.note, text: 'about Practice 2', at: '2025-01-01T00:00:00.000Z' }], events: events(1, () => old.topic) }],
      }),
    );
    const read = await topics(file);
    expect(read.map((t) => t.status)).toEqual(['pending', 'done', 'skipped']);
    const show = await run(['show', '1.3', '--json', '--roadmap', file]);
    expect(show.stdout).toContain('about Practice 2');
    expect((await run(['start', '1.1', '--roadmap', file])).code).toBe(0);
    const stored = JSON.parse(readFileSync(progressFile(), 'utf8')) as { schemaVersion: number; roadmaps: Array<{ idScheme: number; topics: Array<{ id: string; status: string }>; notes: Array<{ topic: string }> }> };
    expect(stored.schemaVersion).toBe(3);
    expect(stored.roadmaps[0]?.idScheme).toBe(2);
    expect(Object.fromEntries(stored.roadmaps[0]!.topics.map((t) => [t.id, t.status]))).toEqual({ 's/practice': 'in-progress', 's/practice--2': 'done', 's/practice-2': 'skipped' });
    expect(stored.roadmaps[0]?.notes.map((n) => n.topic)).toEqual(['s/practice-2']);
    // Read again with the new ids, nothing is translated twice.
    expect((await topics(file)).map((t) => t.status)).toEqual(['in-progress', 'done', 'skipped']);
  });

  it('doctor notices a status that now shows on a topic of another title, and --fix moves it back', async () => {
    // Two titles whose slugs are cut to the same 64 characters: their ids differ only by the --2 mark.
    const long = 'Distributed systems in practice with consensus replication and failure detection';
    const file = write('long.md', `# L\n\n## S\n\n- ${long}, part one\n- ${long}, part two\n`);
    expect((await run(['done', '1.1', '--roadmap', file])).code).toBe(0);
    writeFileSync(file, `# L\n\n## S\n\n- ${long}, part two\n- ${long}, part one\n`);
    const doctor = await run(['doctor', '--roadmap', file]);
    expect(doctor.stdout).toContain('1 status shows on a topic other than the one it was set on');
    expect(doctor.stdout).toContain(`set on "${long}, part one"`);
    expect(doctor.stdout).toContain('--fix moves it to 1.2');
    const fix = await run(['doctor', '--fix', '--roadmap', file]);
    expect(fix.code, fix.stderr).toBe(0);
    expect((await topics(file)).map((t) => t.status)).toEqual(['pending', 'done']);
    expect((await run(['doctor', '--roadmap', file])).stdout).toContain('Nothing to do');
  });
});

describe('4. a deeply nested value in the store', () => {
  it.each(['info', 'list', 'done'])('%s moves the file aside like any damaged store instead of crashing', async (command) => {
    const roadmap = grid(1, 3);
    const text = `{"schemaVersion":2,"roadmaps":[{"id":"x","topics":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}]}`;
    writeFileSync(progressFile(), text);
    const r = await run([command, ...(command === 'done' ? ['1.1'] : []), '--roadmap', roadmap]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`the progress file ${progressFile()} is damaged: roadmaps[0].topics[0] is a list of 1, not an object`);
    expect(r.stderr).not.toContain('Maximum call stack');
    expect(readFileSync(join(home.dir, damagedAside()[0]!), 'utf8')).toBe(text);
  });
});

describe('5. more than 125,000 siblings', () => {
  it('130,000 list items and 130,000 table rows are read', async () => {
    const items = write('items.md', `# R\n\n## S\n\n${Array.from({ length: 130_000 }, (_, i) => `- t${i}`).join('\n')}\n`);
    const rows = write('rows.md', `# R\n\n## S\n\n| Topic | Notes |\n|---|---|\n${Array.from({ length: 130_000 }, (_, i) => `| t${i} | x |`).join('\n')}\n`);
    for (const file of [items, rows]) {
      const info = await run(['info', '--json', '--roadmap', file]);
      expect(info.code, info.stderr).toBe(0);
      expect((JSON.parse(info.stdout) as { counts: { topics: number } }).counts.topics).toBe(130_000);
    }
  }, 240_000);

  it('200,000 links in one paragraph are kept, on the section they are written under', async () => {
    // 2.4 MB: one paragraph, under the 4 MiB paragraph limit.
    const lines = Array.from({ length: 20_000 }, (_, l) => Array.from({ length: 10 }, (_, k) => `[l](/${l * 10 + k})`).join(' '));
    const file = write('links.md', `# R\n\n## A\n\n- x\n\n## Links\n\n${lines.join('\n')}\n\n## B\n\n- y\n`);
    const list = await run(['list', '--json', '--roadmap', file]);
    expect(list.code, list.stderr).toBe(0);
    const sections = (JSON.parse(list.stdout) as { sections: Array<{ title: string; links?: unknown[] }> }).sections;
    expect(sections.find((s) => s.title === 'Links')?.links).toHaveLength(200_000);
  }, 120_000);

  it('log of a 130,000-entry history, and import of a 130,000-entry export', async () => {
    const roadmap = grid(2, 5);
    const id = await roadmapId(roadmap);
    const history = events(130_000, (i) => `section-1/topic-1-${(i % 5) + 1}`);
    writeFileSync(progressFile(), JSON.stringify({ schemaVersion: 3, roadmaps: [{ id, idScheme: 2, topics: [], notes: [], events: history }] }));
    const log = await run(['log', '--json', '--roadmap', roadmap]);
    expect(log.code, log.stderr).toBe(0);
    expect((JSON.parse(log.stdout) as { total: number }).total).toBe(130_000);
    const exported = write('export.json', JSON.stringify({ schemaVersion: 1, kind: 'roadmap-progress', exportedAt: '2025-01-01T00:00:00.000Z', idScheme: 2, roadmap: { id, title: 'Grid' }, statuses: [], notes: [], events: events(130_000, () => 'section-2/topic-2-1').map((e, i) => ({ ...(e as object), id: `x${i}` })) }));
    writeFileSync(progressFile(), '');
    const imported = await run(['import', exported, '--json', '--roadmap', roadmap]);
    expect(imported.code, imported.stderr).toBe(0);
    expect((JSON.parse(imported.stdout) as { eventsAdded: number }).eventsAdded).toBe(130_000);
  }, 240_000);

  it('an import of 150,000 statuses for unknown topics exits 0, and doctor then compares a bounded number of them', async () => {
    const roadmap = grid(10, 40);
    const id = await roadmapId(roadmap);
    const statuses = Array.from({ length: 150_000 }, (_, i) => ({ id: `gone-${i}/topic-${i}`, status: 'done', updatedAt: '2024-01-01T00:00:00.000Z' }));
    const exported = write('statuses.json', JSON.stringify({ schemaVersion: 1, kind: 'roadmap-progress', exportedAt: '2025-01-01T00:00:00.000Z', idScheme: 2, roadmap: { id, title: 'Grid' }, statuses, notes: [], events: [] }));
    const imported = await run(['import', exported, '--roadmap', roadmap]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Changed 150000 topics');
    const doctor = await spawnBin(['doctor', '--json', '--roadmap', roadmap], { home: home.dir, timeoutMs: 120_000, env: { ROADMAP_WORK_COUNTS: '1' } });
    expect(doctor.code, doctor.stderr).toBe(0);
    const work = JSON.parse(doctor.stderr.split('roadmap work: ')[1] ?? '{}') as Work;
    expect(work.orphanPairs).toBeLessThanOrEqual(MAX_ORPHAN_PAIRS);
    const orphans = (JSON.parse(doctor.stdout) as { orphans: Array<{ why?: string }> }).orphans;
    expect(orphans).toHaveLength(150_000);
    expect(orphans.at(-1)?.why).toContain('not compared');
  }, 240_000);
});

describe('6. parsing is linear in repeated titles, headings, boxes, rows and HTML link lines', () => {
  const shapes: Array<[string, (n: number) => string, keyof Work]> = [
    ['N lines of "- a" under one section', (n) => `# R\n\n## S\n\n${'- a\n'.repeat(n)}`, 'slugSteps'],
    ['N "## Section" headings', (n) => `# R\n\n${'## Section\n\n- x\n\n'.repeat(n)}`, 'slugSteps'],
    ['N "- [ ] a" boxes', (n) => `# R\n\n## S\n\n${'- [ ] a\n'.repeat(n)}`, 'slugSteps'],
    ['N table rows "| a | x |"', (n) => `# R\n\n## S\n\n| Topic | Notes |\n|---|---|\n${'| a | x |\n'.repeat(n)}`, 'slugSteps'],
    ['N HTML link lines', (n) => `# R\n\n## S\n\n<p>\n${Array.from({ length: n }, (_, i) => `<a href="https://e.com/${i}">N${i}</a> - d<br>`).join('\n')}\n</p>\n`, 'htmlLineScan'],
  ];
  it.each(shapes)('%s: twice the lines, twice the work', async (_name, make, counter) => {
    const small = await workOf(['validate', write('small.md', make(2_000))]);
    const large = await workOf(['validate', write('large.md', make(4_000))]);
    expect(small.run.code, small.run.stderr).toBe(0);
    expect(large.run.code, large.run.stderr).toBe(0);
    expect(small.work[counter]).toBeGreaterThan(0);
    expect(large.work[counter] / small.work[counter]).toBeLessThan(2.2);
  }, 120_000);

  it('the n-th repeat of a title gets its id in one step: "a", "a--2", … "a--4000"', async () => {
    const file = write('dup.md', `# R\n\n## S\n\n${'- a\n'.repeat(4_000)}`);
    const { work } = await workOf(['validate', file]);
    // One step per id handed out: 4,000 topics and 1 section.
    expect(work.slugSteps).toBe(4_001);
    const ids = (await topics(file)).map((t) => t.id);
    expect(ids.slice(0, 3)).toEqual(['s/a', 's/a--2', 's/a--3']);
    expect(ids.at(-1)).toBe('s/a--4000');
  }, 120_000);
});

describe('7 and 14. reads are capped while reading', () => {
  const fromDevZero = (args: string[]): Promise<{ code: number | null; stderr: string }> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: home.dir, ROADMAP_HOME: home.dir, CI: 'true' }, stdio: [openSync('/dev/zero', 'r'), 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr });
      });
    });

  it('import /dev/zero stops at the 32 MB cap', async () => {
    const roadmap = grid(1, 3);
    const r = await run(['import', '/dev/zero', '--roadmap', roadmap]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: /dev/zero is larger than 32 MB, the most a progress file holds: that is not a roadmap export');
  });

  it('import - with /dev/zero on standard input stops at the same cap', async () => {
    const roadmap = grid(1, 3);
    const r = await fromDevZero(['import', '-', '--roadmap', roadmap]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('standard input is larger than 32 MB');
  });

  it('note 1.1 - with /dev/zero on standard input stops at 256 KB, far below what would fill memory', async () => {
    const roadmap = grid(1, 3);
    const r = await fromDevZero(['note', '1.1', '-', '--roadmap', roadmap]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: standard input holds more than 256 KB; a note is at most 20000 characters');
    expect(existsSync(progressFile())).toBe(false);
  });
});

describe('8. "did you mean" does bounded work', () => {
  it('15 titles of long words and a long reference: the cells compared do not grow with the words', async () => {
    const titles = (length: number): string => `# R\n\n## S\n\n${Array.from({ length: 15 }, (_, i) => `- ${String.fromCharCode(97 + i).repeat(length)}`).join('\n')}\n`;
    const ref = 'z'.repeat(5_000);
    const short = await workOf(['show', ref, '--roadmap', write('short.md', titles(10_000))]);
    const long = await workOf(['show', ref, '--roadmap', write('long.md', titles(100_000))]);
    for (const r of [short, long]) {
      expect(r.run.code).toBe(1);
      expect(r.run.stderr).toContain('no topic matches');
    }
    expect(long.work.editCells).toBe(short.work.editCells);
    expect(long.work.editCells).toBeLessThanOrEqual(SUGGEST_CELLS);
  }, 120_000);
});

describe('9. near the limits: answered, or refused before any parsing, naming the limit', () => {
  it('more than 150,000 non-blank lines', async () => {
    const file = write('lines.md', `# R\n\n## S\n\n${'- a\n'.repeat(150_001)}`);
    const { run: r, work } = await workOf(['list', '--roadmap', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('has more than 150,000 non-blank lines, the limit for a roadmap');
    expect(work.slugSteps).toBe(0);
  }, 120_000);

  it('a paragraph of more than 4 MiB', async () => {
    const file = write('para.md', `# R\n\n## S\n\n- t\n\n${Array.from({ length: 9_000 }, () => 'word '.repeat(100)).join('\n')}\n`);
    const { run: r, work } = await workOf(['list', '--roadmap', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('has a paragraph too large to read: more than 4,194,304 characters, the limit (line 7)');
    expect(work.slugSteps).toBe(0);
  }, 120_000);

  it('a progress file over 32 MB is refused, named with its size, and left as it is', async () => {
    const roadmap = grid(1, 3);
    const big = JSON.stringify({ schemaVersion: 3, roadmaps: [{ id: 'other', idScheme: 2, topics: [], notes: [], events: events(170_000, (i) => `x/${'y'.repeat(100)}${i}`) }] });
    expect(big.length).toBeGreaterThan(32 * 1024 * 1024);
    writeFileSync(progressFile(), big);
    const r = await run(['list', '--roadmap', roadmap]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: the progress file .* is \d+ MB, more than the 32 MB roadmap reads; it was left as it is/);
    expect(statSync(progressFile()).size).toBe(big.length);
  });
});

describe('10. a writer killed during the parse-cache write', () => {
  it('SIGTERM mid-write leaves a temp file, which the next cache write removes', async () => {
    const lines = Array.from({ length: 100 }, (_, s) => `## Part ${s}\n\n${Array.from({ length: 1_000 }, (_, t) => `- Topic ${s}.${t} with a few words`).join('\n')}`);
    const big = write('big.md', `# Big\n\n${lines.join('\n\n')}\n`);
    const dir = join(home.dir, 'cache', 'parsed');
    const child = startBin(['list', '--roadmap', big], { home: home.dir });
    const temps = (): string[] => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.tmp')) : []);
    const seen = { ended: false };
    void child.done.then(() => (seen.ended = true));
    while (temps().length === 0 && !seen.ended) await new Promise((resolve) => setTimeout(resolve, 2));
    child.child.kill('SIGTERM');
    await child.done;
    expect(temps()).toHaveLength(1);
    const small = write('small.md', '# Small\n\n- a\n- b\n');
    expect((await run(['list', '--roadmap', small])).code).toBe(0);
    expect(temps()).toEqual([]);
  }, 120_000);

  it('a temp file of a live writer is kept; one of a dead writer, or older than 10 minutes, goes', async () => {
    const roadmap = grid(1, 3);
    const dir = join(home.dir, 'cache', 'parsed');
    mkdirSync(dir, { recursive: true });
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    const names = { live: `a.json.${String(process.pid)}-1.tmp`, dead: `b.json.${String(gone)}-1.tmp`, old: `c.json.${String(process.pid)}-2.tmp` };
    for (const name of Object.values(names)) writeFileSync(join(dir, name), 'partial');
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(join(dir, names.old), hourAgo, hourAgo);
    expect((await run(['list', '--roadmap', roadmap])).code).toBe(0);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([names.live]);
  });
});

describe('11. messages that say what is wrong', () => {
  it.each<[string, string]>([
    ['"1"', 'has "schemaVersion" "1"'],
    ['null', 'has "schemaVersion" null'],
    ['', 'has no "schemaVersion"'],
    ['0', 'has "schemaVersion" 0'],
    ['-5', 'has "schemaVersion" -5'],
  ])('an export with schemaVersion %s is refused saying what was found', async (version, said) => {
    const roadmap = grid(1, 3);
    const id = await roadmapId(roadmap);
    const file = write('e.json', `{${version === '' ? '' : `"schemaVersion":${version},`}"kind":"roadmap-progress","roadmap":{"id":"${id}","title":"Grid"},"statuses":[]}`);
    const r = await run(['import', file, '--roadmap', roadmap]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file} ${said}: an export made by roadmap has a whole number from 1 there`);
    expect(r.stderr).not.toContain('newer than');
  });

  it('emphasis work summed over the file is blamed on the file, not on one paragraph', async () => {
    const summed = write('summed.md', `# R\n\n## S\n\n${Array.from({ length: 11 }, () => 'a_ '.repeat(5_000)).join('\n\n')}\n`);
    const r = await run(['list', '--roadmap', summed]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('counted per paragraph, squared and summed over the file they make 275,000,000, past the limit of 250,000,000 (the most in one paragraph: 5,000 at line 5)');
    const single = write('single.md', `# R\n\n## S\n\n${'a_'.repeat(20_000)}\n`);
    const one = await run(['list', '--roadmap', single]);
    expect(one.stderr).toContain('(20,000 in the paragraph at line 5)');
  });
});

describe('12. imported times in the future', () => {
  it('are taken as the export\'s own time with a warning, so a later local change survives a re-import', async () => {
    const roadmap = grid(1, 3);
    const id = await roadmapId(roadmap);
    const file = write('future.json', JSON.stringify({ schemaVersion: 1, kind: 'roadmap-progress', exportedAt: '2025-01-01T00:00:00.000Z', idScheme: 2, roadmap: { id, title: 'Grid' }, statuses: [{ id: 'section-1/topic-1-1', status: 'done', updatedAt: '9999-12-31T00:00:00.000Z' }] }));
    const first = await run(['import', file, '--roadmap', roadmap]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('warning: 1 time in the export is later than the export itself (the latest: 9999-12-31T00:00:00.000Z); imported as the time the export was made (2025-01-01T00:00:00.000Z)');
    expect((await run(['reset', '1.1', '--roadmap', roadmap])).code).toBe(0);
    const again = await run(['import', file, '--roadmap', roadmap]);
    expect(again.code, again.stderr).toBe(0);
    expect(await statusOf(roadmap, '1.1')).toBe('pending');
    expect(readFileSync(progressFile(), 'utf8')).not.toContain('9999');
  });
});

describe('13. opening a link never goes through a shell', () => {
  const url = 'https://example.com/?a=1&calc';

  it('on Windows the argument vector is rundll32, its entry point, and the URL as one argument', () => {
    expect(openerArgv(url, { PATH: '' }, 'win32')).toEqual(['rundll32', 'url.dll,FileProtocolHandler', url]);
  });

  it('a real opener receives the URL as exactly one argument, & included', async () => {
    const recorder = join(files.dir, 'browser');
    const out = join(files.dir, 'argv');
    writeFileSync(recorder, `#!/bin/sh\nprintf '%s\\n' "$#" "$@" > '${out}'\n`);
    chmodSync(recorder, 0o755);
    expect(await openUrl(url, { PATH: process.env.PATH, BROWSER: recorder })).toEqual({ kind: 'opened', launcher: recorder });
    expect(readFileSync(out, 'utf8')).toBe(`1\n${url}\n`);
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.com/x', 'not a url'])('%s is not opened', async (bad) => {
    expect(await openUrl(bad, { PATH: process.env.PATH, BROWSER: '/bin/true' })).toEqual({ kind: 'failed', why: 'only well-formed http and https links are opened' });
  });
});
