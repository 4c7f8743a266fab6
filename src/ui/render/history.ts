import type { HistoryEvent, StatusDelta } from '../../core/progress/history.js';
import type { Roadmap } from '../../core/types.js';
import { entryLookup, type TopicEntry } from '../../core/tree.js';
import { formatTime } from '../format-time.js';
import { inert } from '../sanitize.js';
import type { Theme } from '../theme.js';
import { maxOf } from '../../core/append.js';

/** "1 note", "2 notes". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Looks topic and section ids up in the current roadmap, for describing history. An id is looked for along its path,
 * so describing a change reads only the sections it touched (see tree.ts, entryLookup).
 */
export class TopicNames {
  private readonly find: (id: string) => TopicEntry | undefined;

  constructor(private readonly roadmap: Roadmap) {
    this.find = entryLookup(roadmap);
  }

  entry(id: string): TopicEntry | undefined {
    return this.find(id);
  }

  /** Sorts ids in roadmap order; ids the roadmap no longer has go last, alphabetically. */
  inOrder(ids: readonly string[]): string[] {
    const places = new Map(ids.map((id) => [id, this.place(id)]));
    return [...ids].sort((a, b) => comparePlaces(places.get(a), places.get(b)) || a.localeCompare(b));
  }

  /**
   * Where a topic is in roadmap order: its section's index, then its place among its siblings at each depth (its
   * number, less the section's part). A parent comes before its subtopics, as in allTopics.
   */
  private place(id: string): number[] | undefined {
    const e = this.entry(id);
    return e ? [this.roadmap.sections.indexOf(e.section), ...e.topic.number.split('.').slice(1).map(Number)] : undefined;
  }

  /** "1.2 Title" for a current topic, the id and a mark for one the roadmap no longer has. */
  label(id: string): string {
    const e = this.entry(id);
    return e ? `${e.topic.number} ${inert(e.topic.title)}` : `${inert(id)} (not in the roadmap)`;
  }

  /** Whether the id is one of the roadmap's sections. */
  isSection(id: string): boolean {
    return this.roadmap.sections.some((x) => x.id === id);
  }

  section(id: string): string {
    const s = this.roadmap.sections.find((x) => x.id === id);
    return s ? `section ${s.number} "${inert(s.title)}"` : `section ${inert(id)}`;
  }
}

/** Roadmap order of two places (see TopicNames.place); a topic the roadmap no longer has goes last. */
function comparePlaces(a: number[] | undefined, b: number[] | undefined): number {
  if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return a.length - b.length;
}

const SHOWN = 3;

/** The command that made an event, as the user would type it. */
export function actionLabel(e: HistoryEvent): string {
  // `roadmap update` moves progress of renamed topics as doctor does, and says so in the subject.
  if (e.action === 'doctor' && e.subject?.startsWith('update ')) return e.subject;
  return LABELS[e.action] ?? e.action;
}

const LABELS: Partial<Record<HistoryEvent['action'], string>> = {
  'reset-section': 'reset --section',
  'reset-all': 'reset --all',
  doctor: 'doctor --fix',
  'note-edit': 'note --edit',
  'note-delete': 'note --delete',
};

/** A note's text on one line, cut to 50 characters, made inert. */
function noteExcerpt(note: { text: string } | undefined): string {
  const text = note ? inert(note.text.replace(/\s+/g, ' ')) : '';
  return `"${text.length > 50 ? `${text.slice(0, 49)}…` : text}"`;
}

/** The topics an event changed, parents standing for their subtopics: "1.1 A, 1.2 B (+4 more)". */
export function changedTopics(changes: readonly StatusDelta[], names: TopicNames): string {
  const ids = new Set(changes.map((d) => d.topic));
  const tops = [...ids].filter((id) => !(names.entry(id)?.ancestors.some((a) => ids.has(a.id)) ?? false));
  const shown = tops.slice(0, SHOWN).map((id) => {
    const e = names.entry(id);
    const under = e ? [...ids].filter((x) => names.entry(x)?.ancestors.some((a) => a.id === id)).length : 0;
    return under > 0 ? `${names.label(id)} (and ${under} subtopics)` : names.label(id);
  });
  const more = tops.length - shown.length;
  return shown.join(', ') + (more > 0 ? ` (+${more} more)` : '');
}

/** One line of text saying what an event did. `events` lets an undo name what it reverted. */
export function describeEvent(e: HistoryEvent, names: TopicNames, events: readonly HistoryEvent[] = []): string {
  const n = e.changes.length;
  const topics = `${n} ${n === 1 ? 'topic' : 'topics'}`;
  switch (e.action) {
    case 'done':
    case 'start':
    case 'skip':
    case 'reset': {
      // A whole section (`done 3`) is named as the section, not as its first topics.
      const named = (e.subject ?? '').split(' ').filter(Boolean);
      if (named.length > 0 && named.every((id) => names.isSection(id))) return `${named.map((id) => names.section(id)).join(', ')}: ${topics}`;
      return changedTopics(e.changes, names);
    }
    case 'reset-section':
      return `${names.section(e.subject ?? '')}: ${topics}`;
    case 'reset-all':
      return topics;
    case 'note': {
      const note = e.notesAdded[0];
      return `${names.label(e.subject ?? note?.topic ?? '')}: ${noteExcerpt(note)}`;
    }
    case 'note-edit': {
      const before = e.notesRemoved[0];
      return `${names.label(e.subject ?? before?.topic ?? '')}: ${noteExcerpt(before)} -> ${noteExcerpt(e.notesAdded[0])}`;
    }
    case 'note-delete': {
      const note = e.notesRemoved[0];
      return `${names.label(e.subject ?? note?.topic ?? '')}: ${noteExcerpt(note)}`;
    }
    case 'import':
      return `${inert(e.subject ?? 'an export')}: ${topics}, ${plural(e.notesAdded.length, 'note')}`;
    case 'doctor': {
      const moves = e.changes.filter((d) => d.from === 'pending').length;
      return `moved progress of ${moves} ${moves === 1 ? 'topic' : 'topics'} (${changedTopics(e.changes.filter((d) => d.from === 'pending'), names)})${e.notesAdded.length ? ` and ${plural(e.notesAdded.length, 'note')}` : ''}`;
    }
    case 'undo': {
      const original = events.find((x) => x.id === e.reverts);
      return original ? `reverted ${actionLabel(original)}: ${describeEvent(original, names, events)}` : `reverted ${topics}`;
    }
    case 'redo': {
      const original = events.find((x) => x.id === e.reverts);
      return original ? `re-applied ${actionLabel(original)}: ${describeEvent(original, names, events)}` : `re-applied ${topics}`;
    }
  }
}

/** `log`: newest first, one line per event; changes undone now, and undos a redo took back, are marked. */
export function renderLog(events: readonly HistoryEvent[], all: readonly HistoryEvent[], names: TopicNames, theme: Theme): string {
  const { c } = theme;
  const width = maxOf(events.map((e) => actionLabel(e).length), 4);
  const lines = events.map((e) => {
    const tags = [e.undoneBy ? c.yellow('(undone)') : '', e.redoneBy ? c.dim('(redone)') : '', e.importedBy ? c.dim('(imported)') : ''].filter(Boolean).join(' ');
    const action = actionLabel(e).padEnd(width);
    const faded = e.undoneBy !== undefined || e.redoneBy !== undefined;
    return `${c.dim(formatTime(e.at))}  ${faded ? c.dim(action) : c.bold(action)}  ${describeEvent(e, names, all)}${tags ? ` ${tags}` : ''}`;
  });
  return `${lines.join('\n')}\n`;
}
