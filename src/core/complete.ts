import type { Roadmap, Topic } from './types.js';

/** What a flag's value is, for completing it. */
export type FlagValue = 'none' | 'section' | 'topic' | 'file' | 'other';

export interface FlagSpec {
  /** Every spelling: `-s`, `--section`. */
  names: string[];
  value: FlagValue;
}

export interface CommandSpec {
  name: string;
  flags: FlagSpec[];
  /** What its arguments are: topic or section references, a shell name, a file, or nothing to complete. */
  args: 'topics' | 'shells' | 'file' | 'none';
}

export interface CompletionInput {
  commands: readonly CommandSpec[];
  /** Flags every command takes (`--roadmap`, `--help`). */
  globalFlags: readonly FlagSpec[];
  /** The roadmap from the parse cache; undefined when it is not cached yet (then only commands and flags complete). */
  roadmap: Roadmap | undefined;
  /** The words after `roadmap`; the last is the one being completed (empty after a space). */
  words: readonly string[];
}

/** Candidates for the shell, or a request to complete file names. */
export type Completion = { kind: 'words'; words: string[] } | { kind: 'files' };

export const SHELLS = ['bash', 'zsh', 'fish'] as const;

/** Shortest title word offered: "go" or "a" would match half the roadmap. */
const MIN_WORD = 3;

function flagNamed(flags: readonly FlagSpec[], word: string): FlagSpec | undefined {
  return flags.find((f) => f.names.includes(word));
}

function startingWith(candidates: Iterable<string>, prefix: string): string[] {
  return [...new Set(candidates)].filter((c) => c.startsWith(prefix));
}

/** Topic numbers one level below what is typed: `3.` gives 3.1, 3.2…; `3.2.` gives 3.2.1… */
function numbers(roadmap: Roadmap, typed: string, withSections: boolean): string[] {
  const depth = typed.split('.').length;
  // A topic's number starts with its section's and a dot: only the sections that can match are read (a tree from the
  // parse cache reads a section's topics when first asked for them).
  const matching = roadmap.sections.filter((s) => `${s.number}.`.startsWith(typed) || typed.startsWith(`${s.number}.`));
  const topics: string[] = [];
  const add = (list: readonly Topic[]): void => {
    for (const t of list) {
      if (t.number.split('.').length === Math.max(depth, 2)) topics.push(t.number);
      add(t.children);
    }
  };
  for (const s of matching) add(s.topics);
  const sections = withSections && !typed.includes('.') ? roadmap.sections.map((s) => s.number) : [];
  return startingWith([...sections, ...topics], typed);
}

/** Lower-case words of the titles, for completing a title fragment (`gor` gives gorm, goroutines). */
export function titleWords(roadmap: Roadmap): string[] {
  const words = new Set<string>();
  const add = (t: Topic): void => {
    for (const w of t.title.normalize('NFKC').toLocaleLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w.length >= MIN_WORD && !/^\d/.test(w)) words.add(w);
    t.children.forEach(add);
  };
  for (const s of roadmap.sections) s.topics.forEach(add);
  return [...words].sort();
}

function references(roadmap: Roadmap | undefined, typed: string, withSections: boolean): string[] {
  if (!roadmap) return [];
  if (typed === '' || /^\d/.test(typed)) return numbers(roadmap, typed, withSections);
  return startingWith(titleWords(roadmap), typed.toLocaleLowerCase());
}

/**
 * What completes the last word of a command line: command names, then each command's flags, section and topic
 * numbers, title words, shell names, or file names where a file is expected. Pure: the caller reads the cached tree.
 */
export function complete(input: CompletionInput): Completion {
  const words = input.words.length ? input.words : [''];
  const typed = words[words.length - 1] ?? '';
  let command: CommandSpec | undefined;
  let expecting: FlagSpec | undefined;
  for (const word of words.slice(0, -1)) {
    if (expecting) {
      expecting = undefined;
      continue;
    }
    const flags = [...input.globalFlags, ...(command?.flags ?? [])];
    if (word.startsWith('-')) {
      const flag = flagNamed(flags, word);
      if (flag && flag.value !== 'none') expecting = flag;
    } else {
      command ??= input.commands.find((c) => c.name === word);
    }
  }
  // `--version` belongs to the program alone: after a command it is an error.
  const flags = command ? [...command.flags, ...input.globalFlags.filter((f) => !f.names.includes('--version'))] : [...input.globalFlags];
  if (expecting) {
    if (expecting.value === 'file') return { kind: 'files' };
    if (expecting.value === 'section') return { kind: 'words', words: input.roadmap ? startingWith(input.roadmap.sections.map((s) => s.number), typed) : [] };
    if (expecting.value === 'topic') return { kind: 'words', words: references(input.roadmap, typed, false) };
    return { kind: 'words', words: [] };
  }
  if (typed.startsWith('-')) return { kind: 'words', words: startingWith(flags.flatMap((f) => f.names.filter((n) => n.startsWith('--'))), typed) };
  if (!command) return { kind: 'words', words: startingWith(input.commands.map((c) => c.name), typed) };
  switch (command.args) {
    case 'topics':
      return { kind: 'words', words: references(input.roadmap, typed, true) };
    case 'shells':
      return { kind: 'words', words: startingWith(SHELLS, typed) };
    case 'file':
      return { kind: 'files' };
    case 'none':
      return { kind: 'words', words: [] };
  }
}
