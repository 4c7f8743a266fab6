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
    expect(r.stdout).toBe('Noted on 1.1 Alpha (1 note; see them with: roadmap show 1.1)\n');
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

  it('on a terminal with no text, opens the editor prompt', async () => {
    const prompter = scriptedPrompter([{ kind: 'editor', answer: '  written in vim\nsecond line\n' }]);
    const r = await t.rm(['note', '1.3'], { tty: true, prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked.map((q) => [q.kind, q.message])).toEqual([['editor', 'Note on 1.3 Gamma']]);
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
