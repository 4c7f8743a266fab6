import type { Command, Option } from 'commander';
import { UsageError } from '../app/errors.js';
import { commandNamed, type RegisterCommand } from '../app/command-kit.js';
import { complete, SHELLS, type CommandSpec, type FlagSpec, type FlagValue } from '../core/complete.js';
import { cacheTarget } from '../app/shelf-choice.js';
import { cachedTreeAt } from '../source/cached-tree.js';
import { completionScript } from '../ui/completion-scripts.js';

/** What each flag's value is, by its long name; flags not listed take no value or a value not worth completing. */
const FLAG_VALUES: Record<string, FlagValue> = {
  '--roadmap': 'file',
  '--output': 'file',
  '--section': 'section',
  '--topic': 'topic',
};

/** Commands whose arguments are not topics. */
const ARGS: Record<string, CommandSpec['args']> = { completion: 'shells', import: 'file', validate: 'file' };
const TOPIC_ARGS = new Set(['topics', 'topic']);

function flagSpec(option: Option): FlagSpec {
  const names = [option.short, option.long].filter((n): n is string => n !== undefined);
  const takesValue = option.required || option.optional;
  return { names, value: takesValue ? (FLAG_VALUES[option.long ?? ''] ?? 'other') : 'none' };
}

/** The program's commands and flags as the completer sees them, read from commander's own definitions. */
function specs(program: Command): { commands: CommandSpec[]; globalFlags: FlagSpec[] } {
  const visible = program.commands.filter((c) => !(c as Command & { _hidden?: boolean })._hidden);
  const help: FlagSpec = { names: ['-h', '--help'], value: 'none' };
  const commands = visible.map((c) => {
    const first = c.registeredArguments[0]?.name();
    const args = ARGS[c.name()] ?? (first !== undefined && TOPIC_ARGS.has(first) ? 'topics' : 'none');
    return { name: c.name(), flags: c.options.map(flagSpec), args };
  });
  return { commands, globalFlags: [...program.options.map(flagSpec), help] };
}

/** The `--roadmap` a command line names, if any: completion reads that roadmap's cached tree. */
function roadmapChoice(words: readonly string[]): string | undefined {
  let choice: string | undefined;
  words.forEach((w, i) => {
    if ((w === '--roadmap' || w === '-r') && i + 1 < words.length - 1) choice = words[i + 1];
    else if (w.startsWith('--roadmap=')) choice = w.slice('--roadmap='.length);
  });
  return choice;
}

/** `roadmap completion bash|zsh|fish`: prints the script that makes the shell complete roadmap's commands. */
export const registerCompletion: RegisterCommand = (kit) => {
  kit
    .sub('completion')
    .argument('<shell>', SHELLS.join(', '))
    .addHelpText(
      'after',
      '\nInstall:\n  bash  echo \'eval "$(roadmap completion bash)"\' >> ~/.bashrc\n  zsh   echo \'eval "$(roadmap completion zsh)"\' >> ~/.zshrc\n  fish  roadmap completion fish > ~/.config/fish/completions/roadmap.fish\n\nTopics complete from the roadmap as last read (its parse cache): run any command on a new roadmap once first.',
    )
    .action((shell: string) => {
      if (!(SHELLS as readonly string[]).includes(shell)) throw new UsageError(`no completion for "${shell}"`, `roadmap completion ${SHELLS.join(' | ')}`);
      kit.print(completionScript(shell as (typeof SHELLS)[number]));
    });
};

/**
 * `roadmap __complete -- <words…>` (hidden): the candidates for the last word, one per line, or `:files` when the
 * shell should complete file names. Reads the parse cache and never parses: it runs at every Tab.
 */
export const registerComplete: RegisterCommand = (kit) => {
  kit
    .sub('__complete')
    .argument('[words...]', 'the words after "roadmap", the last one being completed')
    .action(async (words: string[], _opts: unknown, cmd: Command) => {
      const program = cmd.parent;
      if (!program) return;
      // Only this command is loaded; the command being completed is defined too, for its flags and arguments.
      const named = commandNamed(words.slice(0, -1));
      if (named !== undefined) await kit.define(named);
      // The roadmap the completed command will work on: a shelf name, a file, or the current one.
      const target = cacheTarget(kit.ctx, roadmapChoice(words));
      const roadmap = target && cachedTreeAt(kit.ctx.paths.cache, target.path, target.fallbackTitle);
      const result = complete({ ...specs(program), roadmap, words });
      kit.print(result.kind === 'files' ? ':files\n' : result.words.map((w) => `${w}\n`).join(''));
    });
};
