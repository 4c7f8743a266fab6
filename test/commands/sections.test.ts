import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scriptedPrompter } from '../helpers/io.js';
import { smallRoadmap, type SmallRoadmap } from '../helpers/small-roadmap.js';

let t: SmallRoadmap;
beforeEach(() => {
  t = smallRoadmap();
});
afterEach(() => {
  t.cleanup();
});
const rm = (args: string[], extra = {}) => t.rm(args, { env: { NO_COLOR: '1' }, ...extra });

describe('done, start, skip and reset on a whole section', () => {
  it.each([
    ['done', '[x] Marked done: section 1 Basics (5 topics)\n4/6 done, 67%\n', { '1.1': 'done', '1.2.2': 'done', '1.3': 'done', '2.1': 'pending' }],
    ['start', '[~] Started: section 1 Basics (3 topics)\n0/6 done, 0%\n', { '1.1': 'in-progress', '1.2': 'in-progress', '1.2.1': 'pending', '2.1': 'pending' }],
    ['skip', '[-] Skipped: section 2 Advanced (2 topics)\n0/4 done, 0%\n', { '2.1': 'skipped', '2.2': 'skipped', '1.1': 'pending' }],
  ])('%s <section> --yes', async (verb, stdout, expected) => {
    const r = await rm([verb, verb === 'skip' ? '2' : '1', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(stdout);
    expect(r.stderr).toBe('To take it back: roadmap undo\n');
    expect(await t.statuses()).toMatchObject(expected);
  });

  it('a section id works as well as its number; reset takes a section like --section', async () => {
    await rm(['done', 'advanced', '--yes']);
    expect(await t.statuses()).toMatchObject({ '2.1': 'done', '2.2': 'done' });
    const r = await rm(['reset', '2', '--yes']);
    expect(r.stdout).toBe('[ ] Reset: section 2 Advanced (2 topics)\n0/6 done, 0%\n');
  });

  it('says what kept its status and why', async () => {
    await rm(['done', '1.1']);
    await rm(['skip', '1.3']);
    const r = await rm(['start', '1', '--yes']);
    expect(r.stdout).toBe('[~] Started: section 1 Basics (1 topic; 1 kept done; 1 kept skipped)\n1/5 done, 20%\n');
  });

  it('off a terminal a section needs --yes: exit 2, nothing changed', async () => {
    const r = await rm(['skip', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: this changes 5 topics (section 1 "Basics"); pass --yes to do it when not on a terminal\nroadmap skip 1 --yes   (roadmap undo takes it back)\n');
    expect(await t.statuses()).toMatchObject({ '1.1': 'pending' });
    const json = await rm(['done', '2', '--json'], { tty: true, prompter: scriptedPrompter([]) });
    expect(json.code).toBe(2);
  });

  it('on a terminal it asks, naming how many topics change; no keeps everything (exit 1)', async () => {
    await rm(['done', '1.1']);
    const no = scriptedPrompter([{ kind: 'confirm', answer: false }]);
    const declined = await rm(['done', '1'], { tty: true, prompter: no });
    expect(declined.code).toBe(1);
    expect(no.asked[0]?.message).toBe('Mark 4 topics done (section 1 "Basics")?');
    expect(await t.statuses()).toMatchObject({ '1.3': 'pending' });
    const yes = await rm(['done', '1'], { tty: true, prompter: scriptedPrompter([{ kind: 'confirm', answer: true }]) });
    expect(yes.code).toBe(0);
    expect(await t.statuses()).toMatchObject({ '1.3': 'done' });
  });

  it('nothing to change in the section: no question, "Nothing changed."', async () => {
    await rm(['done', '2', '--yes']);
    const prompter = scriptedPrompter([]);
    const r = await rm(['done', '2'], { tty: true, prompter });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('[x] Already done: section 2 Advanced (2 topics)\nNothing changed.\n2/6 done, 33%\n');
    expect(prompter.asked).toEqual([]);
  });

  it('one undo takes a whole section back', async () => {
    await rm(['done', '1', '--yes']);
    const r = await rm(['undo']);
    expect(r.stdout).toContain('done: section 1 "Basics": 5 topics');
    expect(await t.statuses()).toMatchObject({ '1.1': 'pending', '1.2.2': 'pending', '1.3': 'pending' });
  });
});

describe('next --section and stats --section', () => {
  it('next --section offers the first open topics of that section only', async () => {
    const r = await rm(['next', '--section', '2', '-n', '5', '--json']);
    expect((JSON.parse(r.stdout) as Array<{ number: string }>).map((p) => p.number)).toEqual(['2.1', '2.2']);
    await rm(['done', '2', '--yes']);
    expect((await rm(['next', '--section', 'advanced'])).stdout).toBe('Everything in section 2 "Advanced" is done. Well done!\n');
    expect((await rm(['next'])).stdout).toContain('1.1  Alpha');
  });

  it('stats --section measures that section alone', async () => {
    await rm(['done', '2.1']);
    const r = await rm(['stats', '--section', '2', '--json']);
    const json = JSON.parse(r.stdout) as { section: { number: string }; progress: { done: number; total: number }; sections: unknown[]; pace: { remaining: number } };
    expect(json.section.number).toBe('2');
    expect(json.progress).toMatchObject({ done: 1, total: 2 });
    expect(json.sections).toHaveLength(1);
    expect(json.pace.remaining).toBe(1);
    expect((await rm(['stats', '--section', '2'])).stdout.split('\n')[0]).toBe('Test Roadmap · section 2: Advanced');
  });

  it.each(['next', 'stats'])('%s --section without a value or with an unknown one: clear errors, no --version suggestion', async (verb) => {
    const missing = await rm([verb, '--section']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("option '-s, --section <ref>' argument missing");
    expect(missing.stderr).not.toContain('--version');
    const unknown = await rm([verb, '--section', '9']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no section matches "9"');
  });
});
