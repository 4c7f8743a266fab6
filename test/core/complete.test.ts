import { describe, expect, it } from 'vitest';
import { complete, titleWords, type CommandSpec, type CompletionInput } from '../../src/core/complete.js';
import { small } from './fixture.js';

const commands: CommandSpec[] = [
  { name: 'done', flags: [{ names: ['-y', '--yes'], value: 'none' }, { names: ['--json'], value: 'none' }], args: 'topics' },
  { name: 'doctor', flags: [{ names: ['--fix'], value: 'none' }], args: 'none' },
  { name: 'list', flags: [{ names: ['-s', '--section'], value: 'section' }], args: 'none' },
  { name: 'walk', flags: [{ names: ['-t', '--topic'], value: 'topic' }], args: 'none' },
  { name: 'completion', flags: [], args: 'shells' },
  { name: 'import', flags: [], args: 'file' },
];
const globalFlags = [
  { names: ['-r', '--roadmap'], value: 'file' as const },
  { names: ['-v', '--version'], value: 'none' as const },
  { names: ['-h', '--help'], value: 'none' as const },
];
const words = (line: string, cached = true) => {
  const roadmap: CompletionInput['roadmap'] = cached ? small : undefined;
  const r = complete({ commands, globalFlags, roadmap, words: line.split(' ') });
  return r.kind === 'files' ? ':files' : r.words;
};

describe('completion candidates', () => {
  it.each([
    ['do', ['done', 'doctor']],
    ['', ['done', 'doctor', 'list', 'walk', 'completion', 'import']],
    ['--r', ['--roadmap']],
    ['done 1.', ['1.1', '1.2', '1.3']],
    ['done 1.2.', ['1.2.1', '1.2.2']],
    ['done 2', ['2', '2.1', '2.2']],
    ['done ', ['1', '2', '1.1', '1.2', '1.3', '2.1', '2.2']],
    ['done be', ['beta']],
    ['done BE', ['beta']],
    ['done 1.1 gam', ['gamma']],
    ['done --', ['--yes', '--json', '--roadmap', '--help']],
    ['list --section ', ['1', '2']],
    ['list -s 2', ['2']],
    ['walk --topic 2.', ['2.1', '2.2']],
    ['--roadmap x.md done 2.', ['2.1', '2.2']],
    ['--roadmap ', ':files'],
    ['import ', ':files'],
    ['completion ', ['bash', 'zsh', 'fish']],
    ['doctor x', []],
  ])('roadmap %s<TAB>', (line, expected) => {
    expect(words(line)).toEqual(expected);
  });

  it('with no cached tree: commands and flags only, never topics', () => {
    expect(words('do', false)).toEqual(['done', 'doctor']);
    expect(words('done --j', false)).toEqual(['--json']);
    expect(words('done 1.', false)).toEqual([]);
    expect(words('done be', false)).toEqual([]);
  });

  it('title words are lower case letters and digits only, three or more, no numbers', () => {
    expect(titleWords(small)).toEqual(['alpha', 'beta', 'delta', 'epsilon', 'gamma', 'one', 'two']);
  });
});
