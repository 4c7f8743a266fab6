import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planStatus, recordEvent } from '../../src/core/progress/history.js';
import { ConfStore } from '../../src/store/conf-store.js';
import { SMALL_MD } from '../core/fixture.js';
import { spawnBin } from '../helpers/bin.js';
import { tempHome } from '../helpers/io.js';

let home: { dir: string; cleanup: () => void };
let file: string;
const env = { TZ: 'UTC' };
const bin = (args: string[], stdin?: string) => spawnBin([...args, '--roadmap', file], { home: home.dir, env, ...(stdin === undefined ? {} : { stdin }) });

beforeEach(() => {
  home = tempHome();
  file = join(home.dir, 'small.md');
  writeFileSync(file, SMALL_MD);
});
afterEach(() => {
  home.cleanup();
});

describe('statuses, history and notes from the built bin', () => {
  it('start, skip, next with reasons, reset --section, undo', async () => {
    expect((await bin(['start', '2.2'])).stdout).toBe('[~] Started: 2.2 Epsilon\n0/6 done, 0%\n');
    expect((await bin(['skip', '1.1'])).stdout).toBe('[-] Skipped: 1.1 Alpha\n0/5 done, 0%\n');
    const next = await bin(['next', '-n', '2', '--json']);
    expect(next.code).toBe(0);
    expect((JSON.parse(next.stdout) as Array<{ number: string; reason: string }>).map((p) => `${p.number}:${p.reason}`)).toEqual(['2.2:in-progress', '1.2.1:first-pending']);
    await bin(['done', '2.1', '2.2']);
    const refused = await bin(['reset', '--section', '2']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('this changes 2 topics (section 2 "Advanced"); pass --yes to do it when not on a terminal');
    const reset = await bin(['reset', '--section', '2', '--yes']);
    expect(reset.stdout).toBe('[ ] Reset: section 2 Advanced (2 topics)\n0/5 done, 0%\n');
    const undo = await bin(['undo']);
    expect(undo.code).toBe(0);
    expect(undo.stdout).toMatch(/^Undid 1 change:\n {2}reset --section: section 2 "Advanced": 2 topics/);
    const list = JSON.parse((await bin(['list', '--json'])).stdout) as { progress: { done: number; total: number; skipped: number } };
    expect(list.progress).toMatchObject({ done: 2, total: 5, skipped: 1 });
  });

  it('reset --all then undo brings every status back; log shows it newest first', async () => {
    await bin(['done', '1.1', '1.2']);
    await bin(['start', '2.1']);
    expect((await bin(['reset', '--all', '--yes'])).stdout).toBe('[ ] Reset: all of Test Roadmap (5 topics; 2 already not started)\n0/6 done, 0%\n');
    const undo = await bin(['undo']);
    expect(undo.stdout).toContain('reset --all: 5 topics');
    const list = JSON.parse((await bin(['list', '--json'])).stdout) as { progress: { done: number; inProgress: number } };
    expect(list.progress).toMatchObject({ done: 3, inProgress: 1 });
    const log = await bin(['log']);
    expect(log.stdout.split('\n').filter(Boolean).map((l) => l.slice(18).split('  ')[0]?.trim())).toEqual(['undo', 'reset --all', 'start', 'done']);
    const limited = JSON.parse((await bin(['log', '--json', '--limit', '1'])).stdout) as { total: number; events: Array<{ action: string }> };
    expect(limited.total).toBe(4);
    expect(limited.events.map((e) => e.action)).toEqual(['undo']);
  });

  it('note: text from arguments or stdin, shown by show and in Topic JSON; no text off a terminal is exit 2', async () => {
    expect((await bin(['note', '1.3', 'remember', 'this'])).code).toBe(0);
    expect((await bin(['note', '1.3', '-'], 'piped\nnote\n')).code).toBe(0);
    const show = await bin(['show', '1.3']);
    expect(show.stdout).toMatch(/Notes\n {2}\d{4}-\d\d-\d\d \d\d:\d\d\n {4}remember this\n {2}\d{4}-\d\d-\d\d \d\d:\d\d\n {4}piped\n {4}note\n$/);
    const list = JSON.parse((await bin(['list', '--json'])).stdout) as { sections: Array<{ topics: Array<{ notes?: Array<{ text: string }> }> }> };
    expect(list.sections[0]?.topics[2]?.notes?.map((n) => n.text)).toEqual(['remember this', 'piped\nnote']);
    const bare = await bin(['note', '1.3']);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('give the note text');
  });

  it('stats: chart, streak and pace from events written with chosen timestamps', async () => {
    const info = JSON.parse((await bin(['info', '--json'])).stdout) as { roadmap: { id: string } };
    const today = new Date();
    const noon = (daysAgo: number): string => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - daysAgo, 12)).toISOString();
    let n = 0;
    await new ConfStore(home.dir).update(info.roadmap.id, (state) => {
      for (const [id, ago] of [['basics/alpha', 1], ['basics/gamma', 2], ['advanced/delta', 3], ['advanced/epsilon', 30]] as const) {
        recordEvent(state, { id: `e${++n}`, at: noon(ago) }, { action: 'done', changes: planStatus(state, [id], 'done') });
      }
    });
    const r = await bin(['stats', '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { progress: { done: number }; weeks: Array<{ finished: number }>; streak: { current: number; longest: number }; pace: { perWeek: number; remaining: number; projectedFinish: string | null } };
    expect(s.progress.done).toBe(4);
    expect(s.weeks).toHaveLength(12);
    expect(s.weeks.reduce((a, w) => a + w.finished, 0)).toBe(4);
    expect(s.streak).toEqual({ current: 3, longest: 3, lastDay: noon(1).slice(0, 10) });
    expect(s.pace).toMatchObject({ perWeek: 0.8, remaining: 2 });
    expect(s.pace.projectedFinish).toMatch(/^\d{4}-\d\d-\d\d$/);
    const text = await bin(['stats']);
    expect(text.stdout).toContain('Topics finished per week');
    expect(text.stdout).toContain('Current streak: 3 days');
    expect(text.stdout).toContain('Pace:           0.8 topics a week (over the last 28 days)');
  });
});
