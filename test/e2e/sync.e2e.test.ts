import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { BIN } from '../helpers/bin.js';
import { bareRemote, describeWithGit, gitIn, Machine, startGitHttpServer } from '../helpers/git-remote.js';
import { tempHome } from '../helpers/io.js';

let dirs: Array<{ dir: string; cleanup: () => void }> = [];
let root = '';
let remote = '';
let laptop: Machine;
let work: Machine;

beforeEach(() => {
  dirs = [tempHome(), tempHome(), tempHome()];
  const [shared, a, b] = dirs.map((d) => d.dir) as [string, string, string];
  root = shared;
  remote = bareRemote(join(root, 'learning.git'), root);
  laptop = new Machine(a);
  work = new Machine(b);
});
afterEach(() => {
  for (const d of dirs) d.cleanup();
});

/** The remote's commit subjects, newest first. */
const remoteLog = (): string[] => gitIn(remote, ['log', '--format=%s', 'main'], root).trim().split('\n');
const remoteTip = (): string => gitIn(remote, ['rev-parse', 'main'], root).trim();

/** Polls until `check` holds (a background process is at work); fails after a generous limit. */
async function eventually(what: string, check: () => boolean): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`still not true after 30 s: ${what}`);
}

describeWithGit('roadmap sync through a bare git repository on disk (two ROADMAP_HOMEs as two machines)', () => {
  it('each machine marks different topics: after syncing both, both see all of them', async () => {
    await laptop.ok(['done', '1.1', '1.2']);
    const init = await laptop.ok(['sync', 'init', remote, '--name', 'laptop']);
    expect(init.stdout).toContain(`Sync is set up: ${join(laptop.home, 'sync')} is a clone of ${remote} (branch main); this machine is "laptop".`);
    expect(init.stdout).toMatch(/sent: {5}2 done on laptop \(commit [0-9a-f]{7}\)/);
    await work.ok(['done', '2.1']);
    await work.ok(['note', '2.1', 'SQL first, ORM second']);
    const second = await work.ok(['sync', 'init', remote, '--name', 'work']);
    expect(second.stdout).toContain('received: 2 done\n');
    expect(second.stdout).toMatch(/sent: {5}1 done, 1 note on work/);
    const status = await laptop.ok(['sync', 'status']);
    expect(status.stdout).toContain('To receive:    1 done, 1 note (1 new commit)');
    const back = await laptop.ok(['sync']);
    expect(back.stdout).toBe(`Synced with ${remote}\n  received: 1 done, 1 note\n  sent:     nothing new\n`);
    const all = { '1.1': 'done', '1.2': 'done', '2.1': 'done' };
    expect(await laptop.statuses()).toEqual(all);
    expect(await work.statuses()).toEqual(all);
    expect(await laptop.notes()).toEqual(['SQL first, ORM second']);
    expect(remoteLog()).toEqual(['1 done, 1 note on work', '2 done on laptop']);
    const again = await work.ok(['sync']);
    expect(again.stdout).toBe(`Already in sync with ${remote}: nothing new on either side.\n`);
    // The repository format: one file per roadmap, keys sorted, one entry per line.
    const file = gitIn(remote, ['show', 'main:progress/go-backend.json'], root);
    expect(file.split('\n').filter((l) => l.startsWith('    {"id":'))).toHaveLength(3);
    expect(file).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
  });

  it('pins the JSON fields of sync and sync status, and refuses an auto-sync state that is not on or off', async () => {
    await laptop.ok(['done', '1.1']);
    const init = JSON.parse((await laptop.ok(['sync', 'init', remote, '--json'])).stdout) as Record<string, unknown>;
    expect(Object.keys(init)).toEqual(['schemaVersion', 'remote', 'created', 'branch', 'machine', 'repository', 'sync']);
    const counts = ['done', 'started', 'skipped', 'reset', 'notesAdded', 'notesRemoved', 'historyEntries'];
    const first = init.sync as Record<string, unknown>;
    expect(Object.keys(first)).toEqual(['schemaVersion', 'remote', 'machine', 'received', 'sent', 'commit', 'retries']);
    expect(Object.keys(first.sent as object)).toEqual(counts);
    expect(first.sent).toMatchObject({ done: 1, historyEntries: 1 });
    await laptop.ok(['start', '1.2']);
    const status = JSON.parse((await laptop.ok(['sync', 'status', '--json'])).stdout) as Record<string, unknown>;
    expect(Object.keys(status)).toEqual(['schemaVersion', 'remote', 'branch', 'machine', 'autoSync', 'lastSync', 'reachable', 'fetchError', 'toSend', 'toReceive', 'remoteCommits']);
    expect(status).toMatchObject({ remote, branch: 'main', autoSync: false, reachable: true, fetchError: null, toSend: { started: 1 }, toReceive: { done: 0 }, remoteCommits: 0 });
    const sync = JSON.parse((await laptop.ok(['sync', '--json'])).stdout) as Record<string, unknown>;
    expect(sync).toMatchObject({ remote, received: { done: 0 }, sent: { started: 1 }, retries: 0 });
    expect((sync.commit as { message: string }).message).toMatch(/^1 started on /);
    const bad = await laptop.run(['sync', 'auto', 'sometimes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: auto-sync is "on" or "off", not "sometimes"\nroadmap sync auto on   or   roadmap sync auto off\n');
  });

  it('the same topic changed on both machines: the newer change wins on both, whoever syncs first', async () => {
    await laptop.ok(['sync', 'init', remote, '--name', 'laptop']);
    await work.ok(['sync', 'init', remote, '--name', 'work']);
    await laptop.ok(['done', '1.1']);
    await work.ok(['skip', '1.1']);
    await work.ok(['sync']);
    await laptop.ok(['sync']);
    await work.ok(['sync']);
    expect(await laptop.statuses()).toEqual({ '1.1': 'skipped' });
    expect(await work.statuses()).toEqual({ '1.1': 'skipped' });
    await laptop.ok(['reset', '1.1']);
    await laptop.ok(['sync']);
    const pulled = await work.ok(['sync']);
    expect(pulled.stdout).toContain('received: 1 reset');
    expect(await work.statuses()).toEqual({});
  });

  it('a note on each machine: both notes survive on both', async () => {
    await laptop.ok(['note', '1.3', 'from the laptop']);
    await work.ok(['note', '1.3', 'from work']);
    await laptop.ok(['sync', 'init', remote]);
    await work.ok(['sync', 'init', remote]);
    await laptop.ok(['sync']);
    expect(await laptop.notes()).toEqual(['from the laptop', 'from work']);
    expect(await work.notes()).toEqual(['from the laptop', 'from work']);
  });

  it('undo after a sync, then sync again: the undo reaches the other machine (a status and a note)', async () => {
    await laptop.ok(['done', '1.1']);
    await laptop.ok(['done', '1.2']);
    await laptop.ok(['note', '1.3', 'a hasty note']);
    await laptop.ok(['sync', 'init', remote, '--name', 'laptop']);
    await work.ok(['sync', 'init', remote, '--name', 'work']);
    expect(await work.statuses()).toEqual({ '1.1': 'done', '1.2': 'done' });
    expect(await work.notes()).toEqual(['a hasty note']);
    const undo = await laptop.ok(['undo', '2']);
    expect(undo.stdout).toContain('Undid 2 changes');
    const sent = await laptop.ok(['sync']);
    expect(sent.stdout).toMatch(/sent: {5}1 reset, 1 note removed on laptop/);
    await work.ok(['sync']);
    expect(await work.statuses()).toEqual({ '1.1': 'done' });
    expect(await work.notes()).toEqual([]);
    expect((await work.ok(['log'])).stdout).toMatch(/undo/i);
  });

  it('a push refused because the other machine pushed first: pull, merge and push again', async () => {
    await laptop.ok(['sync', 'init', remote, '--name', 'laptop']);
    await work.ok(['sync', 'init', remote, '--name', 'work']);
    // Right before the laptop's push reaches the remote, the work machine pushes a change of its own.
    laptop.hook('pre-push', 'cat >/dev/null\nif [ ! -f "$RACE_DONE" ]; then\n  touch "$RACE_DONE"\n  ROADMAP_HOME="$WORK_HOME" HOME="$WORK_HOME" "$NODE" "$BIN" done 3.1 >/dev/null || exit 1\n  ROADMAP_HOME="$WORK_HOME" HOME="$WORK_HOME" "$NODE" "$BIN" sync >/dev/null || exit 1\nfi');
    await laptop.ok(['done', '1.1']);
    const r = await laptop.ok(['sync'], { RACE_DONE: join(root, 'race-done'), WORK_HOME: work.home, NODE: process.execPath, BIN });
    expect(r.stderr).toContain('Another machine pushed during the sync: pulled and merged again (1 time).');
    expect(r.stdout).toContain('received: 1 done');
    expect(remoteLog().slice(0, 2)).toEqual(['1 done on laptop', '1 done on work']);
    expect(gitIn(remote, ['log', '--merges', '--format=%h', 'main'], root).trim()).toBe('');
    await work.ok(['sync']);
    expect(await laptop.statuses()).toEqual({ '1.1': 'done', '3.1': 'done' });
    expect(await work.statuses()).toEqual({ '1.1': 'done', '3.1': 'done' });
  });

  it('gives up after 3 retries when the remote keeps moving, keeping what it merged', async () => {
    await laptop.ok(['sync', 'init', remote, '--name', 'laptop']);
    await work.ok(['sync', 'init', remote, '--name', 'work']);
    laptop.hook('pre-push', 'cat >/dev/null\necho x >> "$PUSHES"\nn=$(wc -l < "$PUSHES" | tr -d " ")\nROADMAP_HOME="$WORK_HOME" HOME="$WORK_HOME" "$NODE" "$BIN" done "4.$n" >/dev/null || exit 1\nROADMAP_HOME="$WORK_HOME" HOME="$WORK_HOME" "$NODE" "$BIN" sync >/dev/null || exit 1');
    await laptop.ok(['done', '1.1']);
    const pushes = join(root, 'pushes');
    const r = await laptop.run(['sync'], { PUSHES: pushes, WORK_HOME: work.home, NODE: process.execPath, BIN });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: another machine pushed to ${remote} during each of 4 tries; your local progress has everything merged so far`);
    expect(readFileSync(pushes, 'utf8').trim().split('\n')).toHaveLength(4);
    expect(await laptop.statuses()).toEqual({ '1.1': 'done', '4.1': 'done', '4.2': 'done', '4.3': 'done' });
    laptop.hook('pre-push', 'exit 0');
    await laptop.ok(['sync']);
    await work.ok(['sync']);
    expect(await work.statuses()).toEqual({ '1.1': 'done', '4.1': 'done', '4.2': 'done', '4.3': 'done', '4.4': 'done' });
  });

  it('the remote is unreachable: exit 1, local progress untouched, and the next sync catches up', async () => {
    await laptop.ok(['sync', 'init', remote, '--name', 'laptop']);
    await laptop.ok(['done', '1.4']);
    const before = laptop.progressFile();
    renameSync(remote, `${remote}.away`);
    const r = await laptop.run(['sync']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: cannot reach the sync repository ${remote}: `);
    expect(r.stderr).toContain('your local progress was not changed');
    expect(r.stderr).not.toMatch(/at .*\.cjs:\d+/);
    expect(laptop.progressFile()).toBe(before);
    renameSync(`${remote}.away`, remote);
    const later = await laptop.ok(['sync']);
    expect(later.stdout).toMatch(/sent: {5}1 done on laptop/);
    await work.ok(['sync', 'init', remote]);
    expect(await work.statuses()).toEqual({ '1.4': 'done' });
  });

  it('the remote holds a damaged file: refused with its path, local progress kept, nothing pushed', async () => {
    await laptop.ok(['done', '1.1']);
    await laptop.ok(['sync', 'init', remote, '--name', 'laptop']);
    // Someone breaks the file in another clone and pushes it.
    const other = join(root, 'other');
    gitIn(root, ['clone', '--quiet', remote, other], root);
    const path = join(other, 'progress', 'go-backend.json');
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 120));
    gitIn(other, ['commit', '--quiet', '-am', 'oops'], root);
    gitIn(other, ['push', '--quiet', 'origin', 'main'], root);
    const tip = remoteTip();
    await work.ok(['done', '2.2']);
    const init = await work.run(['sync', 'init', remote, '--name', 'work']);
    expect(init.code).toBe(1);
    expect(init.stderr).toContain(`error: progress/go-backend.json in the sync repository is damaged (on the remote ${remote}, commit ${tip.slice(0, 7)}): it is not valid JSON`);
    expect(init.stderr).toContain('your local progress is kept');
    expect(await work.statuses()).toEqual({ '2.2': 'done' });
    await laptop.ok(['done', '1.2']);
    const before = laptop.progressFile();
    const r = await laptop.run(['sync']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('progress/go-backend.json in the sync repository is damaged');
    expect(laptop.progressFile()).toBe(before);
    expect(remoteTip()).toBe(tip);
  });

  it('`done` while a sync is running (held at its push) is not blocked and nothing is lost', async () => {
    await laptop.ok(['done', '1.1']);
    await laptop.ok(['sync', 'init', remote, '--name', 'laptop']);
    await laptop.ok(['done', '1.2']);
    const held = join(root, 'held');
    const go = join(root, 'go');
    laptop.hook('pre-push', 'cat >/dev/null\ntouch "$HELD"\nwhile [ ! -f "$GO" ]; do sleep 0.05; done');
    const sync = laptop.run(['sync'], { HELD: held, GO: go });
    await eventually('the sync reached its push', () => existsSync(held));
    const during = await laptop.ok(['done', '1.3']);
    expect(during.stdout).toContain('Marked done: 1.3');
    writeFileSync(go, '');
    const r = await sync;
    expect(r.code, r.stderr).toBe(0);
    expect(await laptop.statuses()).toEqual({ '1.1': 'done', '1.2': 'done', '1.3': 'done' });
    laptop.hook('pre-push', 'exit 0');
    expect((await laptop.ok(['sync'])).stdout).toMatch(/sent: {5}1 done on laptop/);
    await work.ok(['sync', 'init', remote]);
    expect(await work.statuses()).toEqual({ '1.1': 'done', '1.2': 'done', '1.3': 'done' });
  });

  it('eight `done` runs at the same time as a sync: every one of them is kept and synced', async () => {
    await laptop.ok(['sync', 'init', remote, '--name', 'laptop']);
    const topics = ['1.1', '1.2', '1.3', '1.4', '1.5', '2.1', '2.2', '2.3'];
    const runs = await Promise.all([laptop.run(['sync']), ...topics.map((t) => laptop.run(['done', t]))]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const expected = Object.fromEntries(topics.map((t) => [t, 'done']));
    expect(await laptop.statuses()).toEqual(expected);
    await laptop.ok(['sync']);
    await work.ok(['sync', 'init', remote]);
    expect(await work.statuses()).toEqual(expected);
  });

  it('without git: a clear error, exit 1, and nothing set up', async () => {
    const r = await laptop.run(['sync', 'init', remote], { PATH: join(root, 'no-git-here') });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: git is not installed, or not on PATH: roadmap sync uses git\ninstall git (https://git-scm.com/downloads), then run the command again\n');
    expect(existsSync(join(laptop.home, 'sync'))).toBe(false);
    expect(existsSync(join(laptop.home, 'sync.json'))).toBe(false);
    const notSetUp = await laptop.run(['sync']);
    expect(notSetUp.code).toBe(1);
    expect(notSetUp.stderr).toContain('error: sync is not set up on this machine\nset it up with a git repository you own: roadmap sync init <git-url-or-path>');
  });

  it('auto-sync (opt-in): a change is pushed in the background; a failed background sync is told once, on the next run', async () => {
    await laptop.ok(['sync', 'init', remote, '--name', 'laptop']);
    expect((await laptop.ok(['sync', 'auto'])).stdout).toBe('Auto-sync is off: run roadmap sync to sync.\n');
    expect((await laptop.ok(['sync', 'auto', 'on'])).stdout).toContain('Auto-sync is on');
    const done = await laptop.ok(['done', '1.1']);
    expect(done.stderr).toBe('');
    await eventually('the background sync pushed 1.1', () => remoteLog()[0] === '1 done on laptop');
    renameSync(remote, `${remote}.away`);
    const offline = await laptop.ok(['done', '1.2']);
    expect(offline.stdout).toContain('Marked done: 1.2');
    const settings = join(laptop.home, 'sync.json');
    await eventually('the background sync failed', () => (JSON.parse(readFileSync(settings, 'utf8')) as { lastSync?: { ok: boolean } }).lastSync?.ok === false);
    const next = await laptop.ok(['next']);
    expect(next.stderr).toMatch(/^warning: the background sync of \d{4}-\d\d-\d\d \d\d:\d\d failed: cannot reach the sync repository /);
    expect(next.stderr).toContain('Your progress here is safe; run `roadmap sync` to sync now');
    expect((await laptop.ok(['next'])).stderr).toBe('');
    expect((await laptop.ok(['sync', 'status'])).stdout).toMatch(/Last sync: {5}.* \(background\), failed: cannot reach/);
    renameSync(`${remote}.away`, remote);
    await laptop.ok(['sync', 'auto', 'off']);
    await laptop.ok(['sync']);
    await work.ok(['sync', 'init', remote]);
    expect(await work.statuses()).toEqual({ '1.1': 'done', '1.2': 'done' });
  });

  it('a URL with a token is never printed: not on stdout or stderr, not in a commit, not in the settings', async () => {
    const token = `tok_${Math.random().toString(36).slice(2)}S3cret`;
    bareRemote(join(root, 'served', 'learning.git'), root);
    const { port, server } = await startGitHttpServer(join(root, 'served'), 'learner', token, root);
    const url = `http://learner:${token}@127.0.0.1:${String(port)}/learning.git`;
    const shown = `http://learner:***@127.0.0.1:${String(port)}/learning.git`;
    const outputs: string[] = [];
    const keep = async (m: Machine, args: string[], code = 0): Promise<string> => {
      const r = await m.run(args);
      outputs.push(r.stdout, r.stderr);
      expect(r.code, r.stderr).toBe(code);
      return r.stdout + r.stderr;
    };
    try {
      await keep(laptop, ['done', '1.1']);
      expect(await keep(laptop, ['sync', 'init', url, '--name', 'laptop'])).toContain(`is a clone of ${shown} (branch main)`);
      await keep(laptop, ['note', '1.1', 'token test']);
      expect(await keep(laptop, ['sync'])).toContain(`Synced with ${shown}`);
      expect(await keep(laptop, ['sync', 'status'])).toContain(`Remote:        ${shown} (branch main)`);
      expect(await keep(laptop, ['sync', 'status', '--json'])).toContain(`"remote": "${shown}"`);
      expect(await keep(laptop, ['sync', 'init', url], 1)).toContain(`sync is already set up on this machine with ${shown}`);
      const wrong = `http://learner:${token}WRONG@127.0.0.1:${String(port)}/learning.git`;
      await keep(work, ['sync', 'init', wrong], 1);
      await keep(work, ['sync', 'init', url, '--name', 'work']);
      expect(await work.statuses()).toEqual({ '1.1': 'done' });
      await keep(laptop, ['sync', 'auto', 'on']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    server.closeAllConnections();
    expect(await keep(laptop, ['sync'], 1)).toContain(`cannot reach the sync repository ${shown}`);
    await keep(laptop, ['done', '1.2']);
    const settings = join(laptop.home, 'sync.json');
    await eventually('the background sync failed', () => (JSON.parse(readFileSync(settings, 'utf8')) as { lastSync?: { ok: boolean; background: boolean } }).lastSync?.background === true);
    await keep(laptop, ['list']);
    expect(outputs.join('\n')).not.toContain(token);
    for (const m of [laptop, work]) {
      expect(gitIn(join(m.home, 'sync'), ['log', '--all', '--format=%an %ae %cn %ce %B'], root)).not.toContain(token);
      expect(readFileSync(join(m.home, 'sync.json'), 'utf8')).not.toContain(token);
      expect(m.progressFile()).not.toContain(token);
    }
    expect(gitIn(join(root, 'served', 'learning.git'), ['log', '--all', '--format=%an %ae %cn %ce %B'], root)).not.toContain(token);
  });
});
