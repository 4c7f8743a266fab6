import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BEL, ESC, expectInert, HOSTILE_ROADMAP, MODES, SGR, UNSAFE } from '../helpers/hostile-terminal.js';
import { run, tempHome } from '../helpers/io.js';

let home: ReturnType<typeof tempHome>;
let file: string;

beforeAll(() => {
  home = tempHome();
  file = join(home.dir, 'evil.md');
  writeFileSync(file, HOSTILE_ROADMAP);
});
afterAll(() => {
  home.cleanup();
});

/** The command line for `args`: FILE is the hostile roadmap as an argument, else it is given with --roadmap. */
const withFile = (args: readonly string[]): string[] => (args.includes('FILE') ? args.map((a) => (a === 'FILE' ? file : a)) : [...args, '--roadmap', file]);

const TEXT_COMMANDS: string[][] = [
  ['list'],
  ['next', '-n', '9'],
  ['info'],
  ['validate', 'FILE'],
  ['stats'],
  ...['1.1', '1.1.1', '1.1.2', '1.2', '2.1', '2.2'].map((n) => ['show', n]),
  ['done', '1.1'],
  ['reset', '1.1'],
  ['show', `${ESC}[2J${ESC}]0;x${BEL}\u202e`],
  ['show', 'child'],
  ['list', '--section', `${ESC}[2J`],
  ['done', `nothing ${ESC}[2J`],
  ['list', `--bogus${ESC}[2J`],
];
const JSON_COMMANDS: string[][] = [['list', '--json'], ['next', '--json', '-n', '9'], ['info', '--json'], ['validate', 'FILE', '--json'], ['show', '1.1', '--json'], ['done', '1.1', '--json']];

describe.each(MODES)('a hostile roadmap shown %s', (_mode, env) => {
  const colour = env.FORCE_COLOR !== undefined;

  it.each(TEXT_COMMANDS.map((a) => [JSON.stringify(a.join(' ')), a] as const))('roadmap %s prints every control sequence inert', async (_label, args) => {
    const result = await run(withFile(args), { home: home.dir, env });
    expect(result.stdout + result.stderr).not.toBe('');
    expect(result.stderr).not.toContain('missing required argument');
    expectInert(result, colour);
  });

  it('shows what was neutralised in a visible form (^[, ^G, <U+202E>, <U+009B>)', async () => {
    const outputs = await Promise.all([['list'], ['info'], ['show', '1.1'], ['show', '2.1']].map((a) => run([...a, '--roadmap', file], { home: home.dir, env })));
    const all = outputs.map((o) => o.stdout).join('\n');
    for (const visible of ['^[[2J', '^[]0;window title^G', '^[]52;c;', '^[[31mred', '<U+202E>', '<U+009B>2J', '<U+2066>', '<U+009D>', '<U+0085>', '^[]8;;']) expect(all).toContain(visible);
    if (colour) expect(all).toMatch(SGR);
  });

  it.each(JSON_COMMANDS.map((a) => [a.join(' '), a] as const))('roadmap %s escapes every control as \\uXXXX', async (_label, args) => {
    const result = await run(withFile(args), { home: home.dir, env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(UNSAFE);
    expect(result.stdout).not.toContain(ESC);
    expect(() => JSON.parse(result.stdout) as unknown).not.toThrow();
  });

  it('JSON keeps the real text, escaped', async () => {
    const result = await run(['show', '1.1', '--json', '--roadmap', file], { home: home.dir, env });
    expect(result.stdout).toContain('\\u001b]8;;https://evil.example');
    expect(result.stdout).toContain('\\u009b2J');
    expect(result.stdout).toContain('\\u202e');
    const topic = JSON.parse(result.stdout) as { title: string };
    expect(topic.title).toContain(`${ESC}]8;;`);
    expect(topic.title).toContain('\u009b2J');
  });

  it('a roadmap on standard input and a file name with escapes are shown inert too', async () => {
    const piped = await run(['list', '--roadmap', '-'], { home: home.dir, env, stdin: HOSTILE_ROADMAP });
    expect(piped.code).toBe(0);
    expectInert(piped, colour);
    const named = join(home.dir, `name${ESC}]0;title${BEL}.md`);
    writeFileSync(named, HOSTILE_ROADMAP);
    const info = await run(['info', '--roadmap', named], { home: home.dir, env });
    expect(info.stdout).toContain('name^[]0;title^G.md');
    expectInert(info, colour);
    const missing = await run(['list', '--roadmap', `missing${ESC}[2J.md`], { home: home.dir, env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('missing^[[2J.md');
    expectInert(missing, colour);
  });
});

describe.each(MODES)('hostile notes and imports shown %s', (_mode, env) => {
  const colour = env.FORCE_COLOR !== undefined;

  it('a note and an imported export with control sequences never reach the terminal raw', async () => {
    const mine = tempHome();
    try {
      const opts = { home: mine.dir, env };
      expect((await run(['note', '1.2', `note ${ESC}]52;c;eA==${BEL} ${ESC}[2J \u202e`, '--roadmap', file], opts)).code).toBe(0);
      expect((await run(['done', '1.2', '--roadmap', file], opts)).code).toBe(0);
      const exported = await run(['export', '--roadmap', file], opts);
      const doc = JSON.parse(exported.stdout) as { statuses: unknown[]; notes: Array<Record<string, string>>; events: Array<Record<string, unknown>> };
      // What a hostile export can carry: a status for an unknown topic, a note and timestamps that are escape sequences.
      doc.statuses.push({ id: `gone/${ESC}]0;title${BEL}`, status: 'done', updatedAt: `${ESC}[2J` });
      doc.notes.push({ id: `n-${ESC}[H`, topic: doc.notes[0]!.topic!, text: `imported ${ESC}[31mred\u009b2J\u202e`, at: `${ESC}]0;t${BEL}` });
      doc.events.push({ ...doc.events[0], id: `e-${ESC}`, at: `${ESC}]8;;x${ESC}\\`, subject: `${ESC}[2J subject` });
      const exportFile = join(mine.dir, 'export.json');
      writeFileSync(exportFile, JSON.stringify(doc));
      const other = tempHome();
      try {
        const into = { home: other.dir, env };
        const runs = [
          await run(['import', exportFile, '--roadmap', file], into),
          await run(['log', '--roadmap', file], into),
          await run(['show', '1.2', '--roadmap', file], into),
          await run(['doctor', '--roadmap', file], into),
          await run(['stats', '--roadmap', file], into),
          await run(['export', '--format', 'markdown', '--roadmap', file], into),
          await run(['undo', '--roadmap', file], into),
        ];
        for (const run of runs) expectInert(run, colour);
        const shown = runs.map((r) => r.stdout + r.stderr).join('\n');
        for (const visible of ['note ^[]52;c;eA==^G ^[[2J <U+202E>', 'imported ^[[31mred<U+009B>2J<U+202E>', '^[]0;t^G', 'gone/^[]0;title^G']) expect(shown).toContain(visible);
        const json = await run(['export', '--roadmap', file], into);
        expect(json.stdout).not.toMatch(UNSAFE);
      } finally {
        other.cleanup();
      }
    } finally {
      mine.cleanup();
    }
  });
});
