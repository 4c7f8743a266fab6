import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scriptedPrompter } from '../helpers/io.js';
import { smallRoadmap, type SmallRoadmap } from '../helpers/small-roadmap.js';

let t: SmallRoadmap;
const rm = (...a: Parameters<SmallRoadmap['rm']>) => t.rm(...a);
const statuses = () => t.statuses();

beforeEach(() => {
  t = smallRoadmap();
});
afterEach(() => {
  t.cleanup();
});

describe('start, skip, done, reset', () => {
  it('start marks a topic in progress and next offers it first, with its reason', async () => {
    const started = await rm(['start', '2.2']);
    expect(started.code).toBe(0);
    expect(started.stdout).toContain('Started: 2.2 Epsilon');
    const next = JSON.parse((await rm(['next', '-n', '2', '--json'])).stdout) as Array<{ number: string; status: string; reason: string; why: string }>;
    expect(next.map((p) => [p.number, p.status, p.reason])).toEqual([['2.2', 'in-progress', 'in-progress'], ['1.1', 'pending', 'first-pending']]);
    expect(next[0]?.why).toBe('you started it and have not finished it');
  });

  it('starting a parent marks only the parent; next walks its subtopics', async () => {
    await rm(['start', '1.2']);
    expect(await statuses()).toMatchObject({ '1.2': 'in-progress', '1.2.1': 'pending', '1.2.2': 'pending' });
    const next = JSON.parse((await rm(['next', '--json'])).stdout) as Array<{ number: string; reason: string }>;
    expect(next.map((p) => [p.number, p.reason])).toEqual([['1.2.1', 'started-parent']]);
  });

  it('skip leaves the total and does not turn done subtopics into skipped', async () => {
    await rm(['done', '1.2.1']);
    const r = await rm(['skip', 'beta']);
    expect(r.stdout).toContain('Skipped: 1.2 Beta');
    expect(await statuses()).toMatchObject({ '1.2': 'done', '1.2.1': 'done', '1.2.2': 'skipped' });
    const list = JSON.parse((await rm(['list', '--json'])).stdout) as { progress: { done: number; total: number; skipped: number; percent: number } };
    expect(list.progress).toMatchObject({ done: 1, total: 5, skipped: 1, percent: 20 });
  });

  it('info and list agree on the rule', async () => {
    await rm(['done', '1.2']);
    const info = JSON.parse((await rm(['info', '--json'])).stdout) as { progress: unknown };
    const list = JSON.parse((await rm(['list', '--json'])).stdout) as { progress: unknown };
    expect(info.progress).toEqual(list.progress);
    expect(list.progress).toMatchObject({ done: 2, total: 6, percent: 33 });
  });

  it('reset --section resets one section and needs --yes off a terminal', async () => {
    await rm(['done', '1.1', '2.1', '2.2']);
    const refused = await rm(['reset', '--section', '2']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('roadmap reset 2 --yes');
    const r = await rm(['reset', '--section', 'advanced', '--yes']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('[ ] Reset: section 2 Advanced (2 topics)\n1/6 done, 17%\n');
    expect(await statuses()).toMatchObject({ '1.1': 'done', '2.1': 'pending', '2.2': 'pending' });
  });

  it('reset --all asks on a terminal and does nothing when told no', async () => {
    await rm(['done', '1.1']);
    const prompter = scriptedPrompter([{ kind: 'confirm', answer: false }]);
    const r = await rm(['reset', '--all'], { tty: true, prompter });
    expect(r.code).toBe(1);
    expect(prompter.asked[0]?.message).toBe('Reset 1 topic to not started (all of "Test Roadmap")?');
    expect(await statuses()).toMatchObject({ '1.1': 'done' });
    const yes = await rm(['reset', '--all'], { tty: true, prompter: scriptedPrompter([{ kind: 'confirm', answer: true }]) });
    expect(yes.code).toBe(0);
    expect(await statuses()).toMatchObject({ '1.1': 'pending' });
  });

  it('topics, --section and --all cannot be mixed', async () => {
    const r = await rm(['reset', '1.1', '--all', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give topics, a section or --all: one of them');
  });

  it('start with no topic is a usage error naming the command', async () => {
    const r = await rm(['start']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('roadmap start 1.1');
  });
});

describe('next at the end', () => {
  it('everything skipped or done: next says the roadmap is done', async () => {
    await rm(['done', '1.1', '1.2', '1.3']);
    await rm(['skip', '2.1', '2.2']);
    const r = await rm(['next']);
    expect(r.stdout).toBe('Everything on this roadmap is done. Well done!\n');
    expect(JSON.parse((await rm(['next', '--json'])).stdout)).toEqual([]);
  });
});
