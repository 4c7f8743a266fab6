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

interface TopicJson { number: string; notes?: Array<{ text: string; at: string }>; children: TopicJson[] }

describe('note', () => {
  it('adds a note from the arguments; show and Topic JSON carry it', async () => {
    const now = () => new Date('2025-03-01T09:30:00.000Z');
    const r = await t.rm(['note', 'alpha', 'read', 'the', 'spec'], { now });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Noted on 1.1 Alpha (1 note; see them with: roadmap note 1.1 --list)\n');
    await t.rm(['note', '1.1', 'second thought']);
    const show = await t.rm(['show', '1.1']);
    expect(show.stdout).toMatch(/Notes\n {2}\d{4}-\d\d-\d\d \d\d:\d\d\n {4}read the spec\n {2}\d{4}-\d\d-\d\d \d\d:\d\d\n {4}second thought\n$/);
    const json = JSON.parse((await t.rm(['show', '1.1', '--json'])).stdout) as TopicJson;
    expect(json.notes?.map((n) => n.text)).toEqual(['read the spec', 'second thought']);
    expect(json.notes?.[0]?.at).toBe('2025-03-01T09:30:00.000Z');
    const list = JSON.parse((await t.rm(['list', '--json'])).stdout) as { sections: Array<{ topics: TopicJson[] }> };
    expect(list.sections[0]?.topics[0]?.notes).toHaveLength(2);
    expect(list.sections[0]?.topics[1]).not.toHaveProperty('notes');
  });

  it('on a terminal with no text, opens the editor on a header naming the topic, removed on save', async () => {
    const prompter = scriptedPrompter([{ kind: 'editor', answer: () => `${prompter.asked[0]?.text ?? ''}  written in vim\nsecond line\n` }]);
    const r = await t.rm(['note', '1.3'], { tty: true, prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked.map((q) => [q.kind, q.message])).toEqual([['editor', 'Note on 1.3 Gamma']]);
    expect(prompter.asked[0]?.text).toBe(
      '<!-- roadmap: a new note on 1.3 Gamma\n     Write below this comment. It is removed when you save; an empty note is not saved. -->\n\n',
    );
    const json = JSON.parse((await t.rm(['show', '1.3', '--json'])).stdout) as TopicJson;
    expect(json.notes?.[0]?.text).toBe('written in vim\nsecond line');
  });

  it('not on a terminal and no text: usage error, exit 2, nothing saved', async () => {
    const r = await t.rm(['note', '1.3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: give the note text');
    expect(r.stderr).toContain('roadmap note 1.3 "what you learned"');
    expect((await t.rm(['log'])).stderr).toContain('No history yet');
  });

  it('"-" reads the note from standard input', async () => {
    const r = await t.rm(['note', '1.3', '-'], { stdin: 'from a pipe\n' });
    expect(r.code).toBe(0);
    expect((JSON.parse((await t.rm(['show', '1.3', '--json'])).stdout) as TopicJson).notes?.[0]?.text).toBe('from a pipe');
  });

  it('an empty editor saves nothing and says so (exit 1)', async () => {
    const r = await t.rm(['note', '1.3'], { tty: true, prompter: scriptedPrompter([{ kind: 'editor', answer: '   \n' }]) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the note is empty; nothing was saved');
  });

  it('control characters in a note reach the terminal inert, and JSON escaped', async () => {
    await t.rm(['note', '1.1', 'evil \u001b]52;c;aGk=\u0007 \u202e end']);
    const show = await t.rm(['show', '1.1']);
    expect(show.stdout).not.toContain('\u001b');
    expect(show.stdout).toContain('evil ^[]52;c;aGk=^G <U+202E> end');
    const json = (await t.rm(['show', '1.1', '--json'])).stdout;
    expect(json).toContain('\\u001b]52');
    expect(json).toContain('\\u202e');
  });
});

describe('note --list, --edit and --delete', () => {
  const list = async (ref: string): Promise<string[]> =>
    ((JSON.parse((await t.rm(['note', ref, '--list', '--json'])).stdout) as { notes: Array<{ text: string }> }).notes).map((n) => n.text);

  beforeEach(async () => {
    await t.rm(['note', '1.1', 'first'], { now: () => new Date('2025-03-01T09:00:00.000Z') });
    await t.rm(['note', '1.1', 'second'], { now: () => new Date('2025-03-01T10:00:00.000Z') });
    await t.rm(['note', '1.1', 'third'], { now: () => new Date('2025-03-01T11:00:00.000Z') });
  });

  it('--list numbers the notes oldest first, in text and JSON', async () => {
    const r = await t.rm(['note', '1.1', '--list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Notes on 1\.1 Alpha:\n {3}1 {2}\d{4}-\d\d-\d\d \d\d:\d\d\n {6}first\n {3}2 {2}.+\n {6}second\n {3}3 {2}.+\n {6}third\n$/);
    const json = JSON.parse((await t.rm(['note', '1.1', '--list', '--json'])).stdout) as unknown;
    expect(json).toMatchObject({ schemaVersion: 1, topic: { number: '1.1', title: 'Alpha' }, notes: [{ number: 1, text: 'first', at: '2025-03-01T09:00:00.000Z' }, { number: 2 }, { number: 3 }] });
    expect((await t.rm(['note', '1.3', '--list'])).stdout).toBe('No notes on 1.3 Gamma.\n');
  });

  it('--edit N replaces the text in place; undo puts the old text back in the same place, redo the new', async () => {
    const r = await t.rm(['note', '1.1', '--edit', '2', 'second, corrected']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Edited note 2 on 1.1 Alpha: "second, corrected"\n');
    expect(await list('1.1')).toEqual(['first', 'second, corrected', 'third']);
    expect((await t.rm(['log'])).stdout.split('\n')[0]).toContain('note --edit  1.1 Alpha: "second" -> "second, corrected"');
    await t.rm(['undo']);
    expect(await list('1.1')).toEqual(['first', 'second', 'third']);
    await t.rm(['redo']);
    expect(await list('1.1')).toEqual(['first', 'second, corrected', 'third']);
  });

  it('--edit N on a terminal opens the note in the editor under the header; the same text changes nothing', async () => {
    const prompter = scriptedPrompter([{ kind: 'editor', answer: () => (prompter.asked[0]?.text ?? '').replace('third', 'third, in the editor') }]);
    const r = await t.rm(['note', '1.1', '--edit', '3'], { tty: true, prompter });
    expect(r.code, r.stderr).toBe(0);
    expect(prompter.asked[0]?.text).toBe('<!-- roadmap: editing a note on 1.1 Alpha\n     Write below this comment. It is removed when you save; an empty note is not saved. -->\n\nthird\n');
    expect(await list('1.1')).toEqual(['first', 'second', 'third, in the editor']);
    const same = await t.rm(['note', '1.1', '--edit', '1', 'first']);
    expect(same.stdout).toBe('Nothing changed: note 1 on 1.1 Alpha already says that.\n');
    expect(same.stderr).not.toContain('undo');
    expect((JSON.parse((await t.rm(['log', '--json'])).stdout) as { total: number }).total).toBe(4);
  });

  it('--delete N removes one note; undo brings it back in its place', async () => {
    const r = await t.rm(['note', '1.1', '--delete', '1']);
    expect(r.stdout).toBe('Deleted note 1 on 1.1 Alpha: "first" (2 notes left)\n');
    expect(r.stderr).toBe('To bring it back: roadmap undo\n');
    expect(await list('1.1')).toEqual(['second', 'third']);
    await t.rm(['undo']);
    expect(await list('1.1')).toEqual(['first', 'second', 'third']);
  });

  it('a number that is not there, a bad number, or two actions at once: clear errors', async () => {
    const missing = await t.rm(['note', '1.1', '--delete', '4']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('error: 1.1 has no note 4: it has 3\nsee them with: roadmap note 1.1 --list\n');
    const none = await t.rm(['note', '1.3', '--edit', '1', 'x']);
    expect(none.stderr).toContain('1.3 has no note 1: it has none');
    expect((await t.rm(['note', '1.1', '--delete', 'one'])).code).toBe(2);
    const both = await t.rm(['note', '1.1', '--list', '--delete', '1']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--list and --delete cannot be used together');
  });
});
