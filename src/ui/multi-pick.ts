import {
  createPrompt,
  isBackspaceKey,
  isDownKey,
  isEnterKey,
  isSpaceKey,
  isTabKey,
  isUpKey,
  makeTheme,
  useKeypress,
  useMemo,
  usePagination,
  usePrefix,
  useState,
} from '@inquirer/core';

/**
 * A list to tick several entries of, narrowed as you type: @inquirer/prompts 8 has `checkbox` (ticks, but its letter
 * shortcuts and number keys take what you type, and it cannot filter) and `search` (filters, one answer). This is
 * both, built on the same engine (@inquirer/core) so it looks and behaves like the other prompts.
 *
 * Keys: letters, digits and punctuation filter; Space (or Tab) ticks the entry under the cursor; arrows move; Enter
 * confirms the ticked entries, or the one under the cursor when none is ticked; Escape and Ctrl+C cancel.
 */
export interface MultiPickConfig {
  message: string;
  /** Each entry's line; `description` shows under the list for the entry under the cursor. */
  choices: ReadonlyArray<{ name: string; short: string; description?: string }>;
  /** Indices of the choices that match what was typed, in display order. */
  filter: (term: string) => readonly number[];
  /** Index of the choice the cursor starts on. */
  initial: number;
  pageSize?: number;
}

const TICKED = '◉';
const UNTICKED = '◯';
const CURSOR = '❯';

export const multiPick = createPrompt<number[], MultiPickConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const prefix = usePrefix({ status, theme });
  const [term, setTerm] = useState('');
  const [ticked, setTicked] = useState<readonly number[]>([]);
  const [active, setActive] = useState(config.initial);
  const [error, setError] = useState<string | undefined>(undefined);
  const visible = useMemo(() => config.filter(term), [term]);
  // The cursor stays on its entry while the filter keeps it; otherwise it goes to the first match.
  const cursor = visible.includes(active) ? active : (visible[0] ?? -1);

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    setError(undefined);
    if (isEnterKey(key)) {
      const chosen = ticked.length > 0 ? [...ticked].sort((a, b) => a - b) : cursor >= 0 ? [cursor] : [];
      if (chosen.length === 0) {
        rl.write(term);
        setError('Nothing matches: delete some of what you typed');
        return;
      }
      setStatus('done');
      done(chosen);
      return;
    }
    if (isSpaceKey(key) || isTabKey(key)) {
      // Space and Tab tick; they never become part of the filter.
      rl.clearLine(0);
      rl.write(term);
      if (cursor >= 0) setTicked(ticked.includes(cursor) ? ticked.filter((i) => i !== cursor) : [...ticked, cursor]);
      return;
    }
    if (isUpKey(key) || isDownKey(key)) {
      rl.clearLine(0);
      rl.write(term);
      const at = visible.indexOf(cursor);
      const next = visible[Math.min(Math.max(at + (isUpKey(key) ? -1 : 1), 0), visible.length - 1)];
      if (next !== undefined) setActive(next);
      return;
    }
    if (isBackspaceKey(key) || rl.line !== term) {
      setTerm(rl.line);
      // The cursor stays where the narrowed list put it once the filter is changed again.
      const shown = config.filter(rl.line);
      if (!shown.includes(active) && shown[0] !== undefined) setActive(shown[0]);
    }
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') {
    const chosen = ticked.length > 0 ? [...ticked].sort((a, b) => a - b) : [cursor];
    return [prefix, message, theme.style.answer(chosen.map((i) => config.choices[i]?.short ?? '').join(', '))].filter(Boolean).join(' ');
  }
  // Always called (a hook): the page of matches, or nothing when nothing matches.
  const page = usePagination({
    items: visible,
    active: Math.max(visible.indexOf(cursor), 0),
    renderItem: ({ item, isActive }) => {
      const line = `${isActive ? CURSOR : ' '}${ticked.includes(item) ? TICKED : UNTICKED} ${config.choices[item]?.name ?? ''}`;
      return isActive ? theme.style.highlight(line) : line;
    },
    pageSize: config.pageSize ?? 12,
    loop: false,
  });
  const description = config.choices[cursor]?.description;
  const help = theme.style.help(`${ticked.length} ticked · space ticks · type to filter · ⏎ confirms${ticked.length ? '' : ' the one under the cursor'} · esc cancels`);
  const list = visible.length === 0 ? theme.style.error('Nothing matches what you typed') : page;
  const lines = [[prefix, message, term].filter(Boolean).join(' '), list, ' ', description ?? '', error ? theme.style.error(error) : '', help];
  return lines.filter(Boolean).join('\n').trimEnd();
});
