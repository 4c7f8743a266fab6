import type { Note } from '../../core/progress/history.js';
import { effectiveStatus, type NextPick, type Progress, type StatusMap } from '../../core/progress/status.js';
import type { TopicEntry } from '../../core/tree.js';
import type { Link, Topic } from '../../core/types.js';
import { formatTime } from '../format-time.js';
import { fit, type Theme } from '../theme.js';
import { renderMarkdown, renderPlain } from './markdown/blocks.js';
import { clean, linkPieces } from './markdown/inline.js';
import { wrapPieces, type Frame, type Piece } from './markdown/wrap.js';
import { NEXT_TAG, topicLinks, where } from './topic.js';
import { appendAll } from '../../core/append.js';

// Everything a topic has to learn from, drawn by one renderer for `show`, `walk` and `next --long`. Loaded only by
// them (a dynamic import), so a plain `roadmap next` never loads it nor the Markdown lexer.

/** Lines of `text` after a fixed label (dim), the following lines aligned under the text. */
function labelled(label: string, text: string, theme: Theme, style?: (s: string) => string): string[] {
  const frame: Frame = { width: theme.width, first: [{ text: label, style: theme.c.dim }], rest: [{ text: ' '.repeat(label.length) }] };
  return wrapPieces([{ text: clean(text), style }], frame);
}

/** A line of pieces wrapped to the width, the following lines indented by `hang` columns. */
function line(pieces: Piece[], theme: Theme, indent = '', hang = 0): string[] {
  return wrapPieces(pieces, { width: theme.width, first: [{ text: indent }], rest: [{ text: indent + ' '.repeat(hang) }] });
}

/** The host a link goes to, shown beside a hyperlink whose url is hidden behind its text. */
function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** The links list: each a bullet and a hyperlink (with its host) or `title (url)`. */
export function renderLinks(links: readonly Link[], theme: Theme, indent = '  '): string[] {
  const bullet = theme.color ? '• ' : '- ';
  return links.flatMap((l) => {
    const pieces = linkPieces([{ text: clean(l.title) }], l.url, theme, undefined);
    const site = theme.hyperlinks && host(l.url) ? [{ text: ` ·\u00a0${clean(host(l.url))}`, style: theme.c.dim }] : [];
    return wrapPieces([...pieces, ...site], { width: theme.width, first: [{ text: indent }, { text: bullet, style: theme.c.dim }], rest: [{ text: indent + '  ' }] });
  });
}

/** A topic's description (its Markdown drawn for the terminal) and its links, as lines. */
export function renderTopicBody(t: Topic, theme: Theme, indent = '', links: readonly Link[] = topicLinks(t)): string[] {
  const out: string[] = [];
  const options = { width: theme.width, indent };
  if (t.descriptionMarkdown) appendAll(out, ['', ...renderMarkdown(t.descriptionMarkdown, theme, options)]);
  else if (t.description) appendAll(out, ['', ...renderPlain(t.description, options)]);
  if (links.length) appendAll(out, ['', `${indent}${theme.c.bold('Links')}`, ...renderLinks(links, theme, `${indent}  `)]);
  return out;
}

function subtopicLines(t: Topic, statuses: StatusMap, theme: Theme): string[] {
  const out: string[] = [];
  const walk = (child: Topic, depth: number): void => {
    const indent = '  '.repeat(depth);
    const head = `${theme.mark(effectiveStatus(child, statuses))} ${child.number} `;
    const hang = ' '.repeat(4 + child.number.length + 1);
    appendAll(out, wrapPieces([{ text: clean(child.title) }], { width: theme.width, first: [{ text: indent + head }], rest: [{ text: indent + hang }] }));
    for (const g of child.children) walk(g, depth + 1);
  };
  for (const child of t.children) walk(child, 1);
  return out;
}

function titleLines(t: Topic, theme: Theme): string[] {
  const head = `${t.number}  `;
  return wrapPieces([{ text: clean(t.title), style: theme.c.bold }], { width: theme.width, first: [{ text: head, style: theme.c.bold }], rest: [{ text: ' '.repeat(head.length) }] });
}

/** `show`: everything known about one topic, its description drawn as Markdown and wrapped to the terminal. */
export function renderShow(e: TopicEntry, statuses: StatusMap, theme: Theme, notes: readonly Note[] = []): string {
  const { c } = theme;
  const t = e.topic;
  const status = effectiveStatus(t, statuses);
  const out = [...titleLines(t, theme), ...labelled('Section:  ', `${e.section.number}. ${e.section.title}`, theme)];
  if (e.ancestors.length) appendAll(out, labelled('Parent:   ', e.ancestors.map((a) => `${a.number} ${a.title}`).join(' > '), theme));
  appendAll(out, wrapPieces([{ text: `${theme.mark(status)} ${status}` }], { width: theme.width, first: [{ text: 'Status:   ', style: c.dim }], rest: [] }));
  appendAll(out, labelled('Id:       ', t.id, theme));
  if (t.url) appendAll(out, labelled('Url:      ', t.url, theme));
  if (t.attrs) for (const [k, v] of Object.entries(t.attrs)) appendAll(out, labelled(`${clean(k)}: `, v, theme));
  // The topic's own url has its line above; the links list holds the rest.
  appendAll(out, renderTopicBody(t, theme, '', t.links));
  if (t.children.length) appendAll(out, ['', c.bold('Subtopics'), ...subtopicLines(t, statuses, theme)]);
  if (notes.length) {
    out.push('', c.bold('Notes'));
    for (const n of notes) {
      out.push(`  ${c.dim(formatTime(n.at))}`);
      for (const text of n.text.split('\n')) appendAll(out, line([{ text: clean(text) }], theme, '    '));
    }
  }
  return `${out.join('\n')}\n`;
}

/** `next --long`: each pick as `next` shows it (wrapped to the terminal), followed by what there is to learn from it. */
export function renderNextLong(picks: readonly NextPick[], theme: Theme): string {
  const { c } = theme;
  return picks
    .map((p) =>
      [
        ...wrapPieces([{ text: clean(p.topic.title), style: c.bold }, { text: NEXT_TAG[p.reason], style: c.yellow }], {
          width: theme.width,
          first: [{ text: `${p.topic.number}  `, style: c.bold }],
          rest: [{ text: '    ' }],
        }),
        ...line([{ text: where(p), style: c.dim }], theme, '    '),
        ...labelled('    id: ', p.topic.id, theme),
        ...renderTopicBody(p.topic, theme, '    '),
      ].join('\n'),
    )
    .join('\n\n')
    .concat('\n');
}

/**
 * One walk screen, drawn whole each time (the walk clears the terminal first): a divider as wide as the terminal,
 * where the topic sits, its title, overall progress, description, subtopics, links, notes, and a line about the last
 * action (a link opened) when there is one.
 */
export function renderWalkScreen(
  e: TopicEntry,
  statuses: StatusMap,
  progress: Progress,
  theme: Theme,
  notes: ReadonlyArray<{ text: string }> = [],
  notice?: string,
): string {
  const { c } = theme;
  // Read once per screen: the terminal may have been resized since the last one.
  const width = theme.width ?? 80;
  const fixed: Theme = { ...theme, width };
  const t = e.topic;
  const status = effectiveStatus(t, statuses);
  const where = `Section ${e.section.number} · ${e.section.title}${e.ancestors.map((a) => ` › ${a.title}`).join('')}`;
  const out = [
    c.dim('─'.repeat(width)),
    c.cyan(fit(clean(where), width)),
    ...titleLines(t, fixed),
    ...line([{ text: `${theme.bar(progress.done, progress.total)} ${progress.done}/${progress.total} done, ${progress.percent}%` }, { text: ' \u00a0 ' }, { text: `${theme.mark(status)} ${status}` }], fixed),
    ...renderTopicBody(t, fixed),
  ];
  if (t.children.length) appendAll(out, ['', c.bold('Subtopics'), ...subtopicLines(t, statuses, fixed)]);
  if (notes.length) {
    out.push('', c.bold('Your notes'));
    for (const n of notes) for (const text of n.text.split('\n')) appendAll(out, line([{ text: clean(text) }], fixed, '  '));
  }
  if (notice) {
    out.push('');
    for (const l of notice.split('\n')) {
      const indent = /^ */.exec(l)?.[0] ?? '';
      appendAll(out, line([{ text: clean(l.slice(indent.length)) }], fixed, indent));
    }
  }
  return `${out.join('\n')}\n\n`;
}
