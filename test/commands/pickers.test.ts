import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PromptCancelled, type PromptChoice } from '../../src/ui/prompter.js';
import { run, scriptedPrompter, tempHome } from '../helpers/io.js';

let home: { dir: string; cleanup: () => void };
beforeEach(() => {
  home = tempHome();
});
afterEach(() => {
  home.cleanup();
});

type Choices = Array<PromptChoice<unknown>>;
const byNumber = (number: string) => (choices: Choices) => choices.find((c) => c.name.startsWith(`${number} `))?.value;

describe('topic pickers on a terminal', () => {
  it('done with no topic offers a list to tick several in, narrowed by what is typed', async () => {
    const prompter = scriptedPrompter([{ kind: 'pickMany', term: 'gorm', answer: (c: Choices) => c.map((x) => x.value) }]);
    const r = await run(['done'], { home: home.dir, tty: true, prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked[0]?.message).toBe('Mark which topics done?');
    expect(prompter.asked[0]?.choices.map((c) => c.name)).toEqual(['2.2     [ ] Working with ORM libraries: GORM (for relational databases)']);
    expect(r.stdout).toContain('Marked done: 2.2');
  });

  it('several ticked topics change together, as one history entry', async () => {
    const prompter = scriptedPrompter([{ kind: 'pickMany', answer: (c: Choices) => [byNumber('1.3')(c), byNumber('2.2')(c)] }]);
    const r = await run(['skip'], { home: home.dir, tty: true, prompter, env: { NO_COLOR: '1' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('[-] Skipped: 1.3 Middleware implementation (logging, authentication, error handling)\n[-] Skipped: 2.2 Working with ORM libraries: GORM (for relational databases)\n0/51 done, 0%\n');
    const log = JSON.parse((await run(['log', '--json'], { home: home.dir })).stdout) as { total: number };
    expect(log.total).toBe(1);
  });

  it.each([
    // [what is stored first, the action, the number the cursor starts on]
    [['done', '1.1', '1.2'], 'done', '1.3'],
    [['start', '1.1'], 'start', '1.2'],
    [['skip', '1.1'], 'skip', '1.2'],
    [['done', '2.3'], 'reset', '2.3'],
    [[], 'done', '1.1'],
  ])('after %j, the %s list starts on %s: the first topic the action would change', async (before, verb, expected) => {
    if (before.length) await run(before, { home: home.dir });
    const prompter = scriptedPrompter([{ kind: 'pickMany', answer: new PromptCancelled('escape') }]);
    await run([verb], { home: home.dir, tty: true, prompter });
    const q = prompter.asked[0];
    expect(q?.choices[q.initial ?? -1]?.name.split(' ')[0]).toBe(expected);
  });

  it('the list shows every topic with number and status when nothing is typed', async () => {
    await run(['done', '1.1'], { home: home.dir });
    const prompter = scriptedPrompter([{ kind: 'search', term: '', answer: byNumber('1.2') }]);
    const r = await run(['show'], { home: home.dir, tty: true, prompter });
    expect(r.code).toBe(0);
    const names = prompter.asked[0]!.choices.map((c) => c.name);
    expect(names).toHaveLength(53);
    expect(names[0]).toBe('1.1     [x] Learn net/http package for handling HTTP requests');
    expect(r.stdout).toContain('1.2  Explore Web frameworks: Gin, Echo, Fiber');
  });

  it('an ambiguous reference offers its candidates', async () => {
    const prompter = scriptedPrompter([{ kind: 'select', answer: byNumber('2.4') }]);
    const r = await run(['done', 'database'], { home: home.dir, tty: true, prompter });
    expect(r.code).toBe(0);
    expect(prompter.asked[0]?.message).toBe('"database" matches 6 topics. Which one?');
    expect(prompter.asked[0]?.choices).toHaveLength(6);
    expect(r.stdout).toContain('Marked done: 2.4 Database transactions and migrations');
  });

  it('Ctrl+C in a picker changes nothing and exits 130', async () => {
    const prompter = scriptedPrompter([{ kind: 'pickMany', answer: new PromptCancelled('interrupt') }]);
    const r = await run(['done'], { home: home.dir, tty: true, prompter });
    expect(r.code).toBe(130);
    expect(r.stderr).toBe('Cancelled, nothing was changed.\n');
    expect((await run(['list', '--json'], { home: home.dir })).stdout).toContain('"done": 0');
  });
});

describe('every command that takes a topic offers the picker when given none', () => {
  it.each([
    ['done', 'Marked done: 2.2'],
    ['start', 'Started: 2.2'],
    ['skip', 'Skipped: 2.2'],
    ['reset', 'Already not started: 2.2'],
    ['show', '2.2  Working with ORM libraries'],
    ['note', 'Noted on 2.2 Working with ORM libraries'],
  ])('%s', async (verb, expected) => {
    // done, start, skip and reset tick several topics; show and note take one.
    const many = ['done', 'start', 'skip', 'reset'].includes(verb);
    const prompter = scriptedPrompter([
      many ? { kind: 'pickMany', term: 'gorm', answer: (c: Choices) => [byNumber('2.2')(c)] } : { kind: 'search', term: 'gorm', answer: byNumber('2.2') },
      ...(verb === 'note' ? [{ kind: 'editor' as const, answer: 'learned it' }] : []),
    ]);
    const r = await run([verb], { home: home.dir, tty: true, prompter, env: { NO_COLOR: '1' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(expected);
    expect(prompter.asked[0]?.kind).toBe(many ? 'pickMany' : 'search');
  });

  it.each(['done', 'start', 'skip', 'reset', 'show', 'note'])('%s off a terminal: exit 2 naming what to pass', async (verb) => {
    const r = await run([verb], { home: home.dir, prompter: scriptedPrompter([]) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`roadmap ${verb} needs a topic`);
  });
});

describe('never a prompt off a terminal', () => {
  it.each([
    ['piped', false, {}, []],
    ['CI on a terminal', true, { CI: 'true' }, []],
    ['--json on a terminal', true, {}, ['--json']],
  ])('%s: a missing or ambiguous topic is exit 2 at once', async (_name, tty, env, flags) => {
    const prompter = scriptedPrompter([]);
    const missing = await run(['show', ...flags], { home: home.dir, tty, env, prompter });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('roadmap show needs a topic');
    const ambiguous = await run(['done', 'database', ...flags], { home: home.dir, tty, env, prompter });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('matches 6 topics');
    expect(prompter.asked).toEqual([]);
  });
});
