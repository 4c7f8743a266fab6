import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, scriptedPrompter, tempHome } from '../helpers/io.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

let home: { dir: string; cleanup: () => void };
beforeEach(() => {
  home = tempHome();
});
afterEach(() => {
  home.cleanup();
});

describe('list', () => {
  it('piped: the whole tree as plain text, no escape sequences', async () => {
    const r = await run(['list'], { home: home.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(ANSI);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Go Backend Development Roadmap  [--------------------] 0/53 done, 0%');
    expect(lines).toContain('1. Web Development & APIs  [----------] 0/5');
    expect(lines).toContain('  [ ] 1.1 Learn net/http package for handling HTTP requests');
    expect(lines.filter((l) => /^\d+\. /.test(l))).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith('  [ ] '))).toHaveLength(53);
  });

  it('on a terminal: colours, marks and bars, titles cut to the width', async () => {
    const r = await run(['list'], { home: home.dir, tty: true, env: { TERM: 'xterm' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(ANSI);
    expect(r.stdout).toContain('░');
    for (const line of r.stdout.split('\n')) {
      // eslint-disable-next-line no-control-regex
      expect(line.replace(/\u001b\[[0-9;]*m/g, '').length).toBeLessThanOrEqual(100);
    }
  });

  it.each([
    ['NO_COLOR', { TERM: 'xterm', NO_COLOR: '1' }, []],
    ['--no-color', { TERM: 'xterm' }, ['--no-color']],
  ])('on a terminal with %s: no escape sequences', async (_name, env, flags) => {
    const r = await run(['list', ...flags], { home: home.dir, tty: true, env });
    expect(r.stdout).not.toMatch(ANSI);
  });

  it('FORCE_COLOR forces colour even when piped', async () => {
    const r = await run(['list'], { home: home.dir, env: { FORCE_COLOR: '1' } });
    expect(r.stdout).toMatch(ANSI);
  });

  it('--section shows one section by number or title fragment', async () => {
    const byNumber = await run(['list', '--section', '3'], { home: home.dir });
    expect(byNumber.stdout).toContain('3. Authentication & Authorization');
    expect(byNumber.stdout).not.toContain('1. Web Development');
    const byTitle = await run(['list', '--section', 'security'], { home: home.dir });
    expect(byTitle.stdout).toContain('9. Security Best Practices');
    const missing = await run(['list', '--section', '42'], { home: home.dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no section matches "42"');
  });

  it('--json follows the contract', async () => {
    const r = await run(['list', '--json'], { home: home.dir });
    const doc = JSON.parse(r.stdout) as {
      schemaVersion: number;
      roadmap: { id: string; title: string };
      progress: { done: number; total: number; percent: number };
      sections: Array<{ id: string; number: string; title: string; progress: object; topics: Array<Record<string, unknown>> }>;
    };
    expect(doc.schemaVersion).toBe(1);
    // Every command's JSON names its roadmap the same way: id, shelf name, title, source.
    expect(doc.roadmap).toEqual({ id: 'go-backend', name: 'go-backend', title: 'Go Backend Development Roadmap', source: 'bundled' });
    expect(doc.progress).toMatchObject({ done: 0, total: 53, percent: 0 });
    expect(doc.sections).toHaveLength(10);
    expect(Object.keys(doc.sections[0]!)).toEqual(['id', 'number', 'title', 'progress', 'topics', 'order', 'links']);
    expect(doc.sections[1]).toMatchObject({ id: 'database-orm', number: '2', title: 'Database & ORM' });
    const topic = doc.sections[0]!.topics[0]!;
    expect(Object.keys(topic)).toEqual(['id', 'number', 'title', 'status', 'children', 'links']);
    expect(topic).toMatchObject({
      id: 'web-development-apis/learn-net-http-package-for-handling-http-requests',
      number: '1.1',
      title: 'Learn net/http package for handling HTTP requests',
      status: 'pending',
      children: [],
    });
    expect(topic.links).toContainEqual({ title: 'net/http package reference', url: 'https://pkg.go.dev/net/http' });
  });
});

describe('done, next, reset', () => {
  it('done records progress, says what changed and the new progress; twice is harmless', async () => {
    const first = await run(['done', '1.1', 'gorm', 'web-development-apis/building-graphql-apis-using-gqlgen'], { home: home.dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      [
        '[x] Marked done: 1.1 Learn net/http package for handling HTTP requests',
        '[x] Marked done: 2.2 Working with ORM libraries: GORM (for relational databases)',
        '[x] Marked done: 1.5 Building GraphQL APIs using gqlgen',
        '3/53 done, 6%',
        '',
      ].join('\n'),
    );
    const again = await run(['done', 'gorm'], { home: home.dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Already done: 2.2');
    expect(again.stdout).toContain('3/53 done, 6%');
  });

  it('next gives the first topic not done, with its section and position; -n for more', async () => {
    await run(['done', '1.1', '1.2'], { home: home.dir });
    const r = await run(['next'], { home: home.dir });
    expect(r.stdout).toContain('1.3  Middleware implementation (logging, authentication, error handling)');
    expect(r.stdout).toContain('section 1 "Web Development & APIs", topic 3 of 5');
    const three = await run(['next', '-n', '3', '--json'], { home: home.dir });
    const picks = JSON.parse(three.stdout) as Array<{ number: string; section: { id: string; title: string }; status: string }>;
    expect(picks.map((p) => p.number)).toEqual(['1.3', '1.4', '1.5']);
    expect(picks[0]!.section).toMatchObject({ id: 'web-development-apis', title: 'Web Development & APIs' });
    const bad = await run(['next', '-n', 'zero'], { home: home.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('-n needs a whole number');
  });

  it('reset puts topics back; reset --all needs --yes when not on a terminal', async () => {
    await run(['done', '1.1', '1.2'], { home: home.dir });
    const one = await run(['reset', '1.2'], { home: home.dir });
    expect(one.stdout).toContain('Reset: 1.2');
    expect(one.stdout).toContain('1/53 done, 2%');
    const refused = await run(['reset', '--all'], { home: home.dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('this changes 1 topic (all of "Go Backend Development Roadmap"); pass --yes to do it when not on a terminal');
    expect((await run(['list', '--json'], { home: home.dir })).stdout).toContain('"done": 1');
    const all = await run(['reset', '--all', '--yes'], { home: home.dir });
    expect(all.code).toBe(0);
    expect(all.stdout).toBe('[ ] Reset: all of Go Backend Development Roadmap (1 topic; 52 already not started)\n0/53 done, 0%\n');
    expect(all.stderr).toContain('roadmap undo');
  });

  it('reset --all on a terminal asks first, and a "no" keeps everything', async () => {
    await run(['done', '1.1'], { home: home.dir });
    const no = scriptedPrompter([{ kind: 'confirm', answer: false }]);
    const kept = await run(['reset', '--all'], { home: home.dir, tty: true, prompter: no });
    expect(no.asked[0]?.message).toBe('Reset 1 topic to not started (all of "Go Backend Development Roadmap")?');
    expect(kept.code).toBe(1);
    expect((await run(['next'], { home: home.dir })).stdout).toContain('1.2 ');
    const yes = scriptedPrompter([{ kind: 'confirm', answer: true }]);
    const cleared = await run(['reset', '--all'], { home: home.dir, tty: true, prompter: yes });
    expect(cleared.code).toBe(0);
    expect((await run(['next'], { home: home.dir })).stdout).toContain('1.1 ');
  });

  it('one bad reference changes nothing', async () => {
    const r = await run(['done', '1.1', 'no-such-topic-anywhere'], { home: home.dir });
    expect(r.code).toBe(1);
    expect((await run(['list', '--json'], { home: home.dir })).stdout).toContain('"done": 0');
  });
});

describe('topic references', () => {
  it('ambiguous: exit 2 and the candidates on stderr', async () => {
    const r = await run(['done', 'database'], { home: home.dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('"database" matches 6 topics');
    expect(r.stderr).toContain('2.4      database-orm/database-transactions-and-migrations  Database transactions and migrations');
  });

  it('unknown: exit 1 with the closest titles', async () => {
    const r = await run(['show', 'gorn'], { home: home.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no topic matches "gorn"');
    expect(r.stderr).toContain('2.2      Working with ORM libraries: GORM (for relational databases)');
  });

  it('missing argument: exit 2', async () => {
    const show = await run(['show'], { home: home.dir });
    expect(show.code).toBe(2);
    expect(show.stderr).toContain('roadmap show needs a topic');
    const done = await run(['done'], { home: home.dir });
    expect(done.code).toBe(2);
    expect(done.stderr).toContain('roadmap done needs a topic');
  });

  it('a section number is a whole section for done, start, skip and reset, and not a topic for show', async () => {
    const done = await run(['done', '3'], { home: home.dir });
    expect(done.code).toBe(2);
    expect(done.stderr).toContain('this changes 5 topics (section 3 "Authentication & Authorization"); pass --yes');
    const show = await run(['show', '3'], { home: home.dir });
    expect(show.code).toBe(2);
    expect(show.stderr).toContain('"3" is a section');
  });
});

describe('show and info', () => {
  it('show: title, section, number, status', async () => {
    await run(['done', '2.2'], { home: home.dir });
    const r = await run(['show', 'gorm'], { home: home.dir });
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      '2.2  Working with ORM libraries: GORM (for relational databases)',
      'Section:  2. Database & ORM',
      'Status:   [x] done',
      'Id:       database-orm/working-with-orm-libraries-gorm-for-relational-databases',
    ]);
    const json = JSON.parse((await run(['show', '2.2', '--json'], { home: home.dir })).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ number: '2.2', status: 'done', section: { id: 'database-orm', title: 'Database & ORM' } });
  });

  it('show --json: every bundled topic carries a description (plain text and Markdown) and at least two https links', async () => {
    const list = JSON.parse((await run(['list', '--json'], { home: home.dir })).stdout) as { sections: Array<{ topics: Array<{ number: string }> }> };
    const numbers = list.sections.flatMap((s) => s.topics.map((t) => t.number));
    expect(numbers).toHaveLength(53);
    for (const number of numbers) {
      const r = await run(['show', number, '--json'], { home: home.dir });
      const topic = JSON.parse(r.stdout) as { description?: string; descriptionMarkdown?: string; links: Array<{ title: string; url: string }> };
      expect(topic.description, number).toMatch(/\S/);
      expect(topic.descriptionMarkdown, number).toMatch(/\S/);
      expect(topic.links.length, number).toBeGreaterThanOrEqual(2);
      expect(topic.links.filter((l) => !l.url.startsWith('https://')), number).toEqual([]);
    }
  });

  it('info: title, source, overview, counts, progress and the progress file', async () => {
    const r = await run(['info'], { home: home.dir });
    expect(r.stdout).toContain('Go Backend Development Roadmap');
    expect(r.stdout).toMatch(/Source: +bundled \(.*roadmap\/go-backend\.md\)/);
    expect(r.stdout).toMatch(/Sections: +10/);
    expect(r.stdout).toMatch(/Topics: +53/);
    expect(r.stdout).toContain(`Progress file: ${home.dir}/progress.json`);
    expect(r.stdout).toContain('Go Relevance in Different Fields');
    expect(r.stdout).toContain('Go excels at building microservices.');
    const json = JSON.parse((await run(['info', '--json'], { home: home.dir })).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ schemaVersion: 1, counts: { sections: 10, topics: 53 }, store: { path: `${home.dir}/progress.json` } });
  });
});

describe('--roadmap', () => {
  it('reads standard input with "-" and keeps its progress apart from the bundled roadmap', async () => {
    const md = '# Rust Roadmap\n\n## Basics\n\n- Ownership\n- Borrowing\n\n## Async\n\n- Futures\n';
    const done = await run(['--roadmap', '-', 'done', 'ownership'], { home: home.dir, stdin: md });
    expect(done.stdout).toContain('1/3 done, 33%');
    const list = await run(['list', '--roadmap', '-'], { home: home.dir, stdin: md });
    expect(list.stdout).toContain('[x] 1.1 Ownership');
    expect((await run(['list', '--json'], { home: home.dir })).stdout).toContain('"done": 0');
  });

  it('an unreadable file is exit 1 with the path and what to do', async () => {
    const r = await run(['list', '--roadmap', 'nope.md'], { home: home.dir, cwd: home.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: cannot read nope.md: no such file\ncheck the path given to --roadmap\n');
  });
});
