import type { HistoryEvent, Note, ProgressState, TopicRecord } from './history.js';
import { baseSlug } from '../ids.js';
import { entryLookup } from '../tree.js';
import type { Roadmap, Topic } from '../types.js';

/** The id allocator before store version 3: the second "x" took "x-2", or "x-3" when a title "X 2" had "x-2". */
class OldAllocator {
  private readonly used = new Set<string>();
  private readonly next = new Map<string, number>();

  take(base: string): string {
    let slug = base;
    let n = this.next.get(base) ?? 2;
    if (this.used.has(slug)) {
      for (slug = `${base}-${n}`; this.used.has(slug); slug = `${base}-${++n}`);
      this.next.set(base, n + 1);
    }
    this.used.add(slug);
    return slug;
  }
}

function leafOf(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

/**
 * The id each topic had under the old allocator (the same file read by a version before store version 3), for the
 * topics whose id changed: only topics with a repeated title among their siblings (or below such a section) differ.
 */
export function legacyIdMap(roadmap: Roadmap): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (topics: readonly Topic[], oldParent: string): void => {
    const slugs = new OldAllocator();
    for (const t of topics) {
      const old = `${oldParent}/${slugs.take(baseSlug(leafOf(t.id)))}`;
      if (old !== t.id) out.set(old, t.id);
      visit(t.children, old);
    }
  };
  const sections = new OldAllocator();
  for (const s of roadmap.sections) visit(s.topics, sections.take(baseSlug(s.id)));
  return out;
}

/**
 * Translates progress stored with ids made the old way (state.legacyIds: a file or an export from before store
 * version 3) to the current ids of `roadmap`, so a topic keeps its status, notes and history: before, the second
 * "Practice" was "…/practice-2", now "…/practice--2", while "…/practice-2" is the topic titled "Practice 2". Ids of
 * topics the roadmap no longer has stay as they were (doctor shows them). Returns how many references changed.
 */
export function adoptCurrentIds(roadmap: Roadmap, state: ProgressState): number {
  if (!state.legacyIds) return 0;
  delete state.legacyIds;
  if (state.records.size === 0 && state.notes.length === 0 && state.events.length === 0) return 0;
  const map = legacyIdMap(roadmap);
  if (map.size === 0) return 0;
  let changed = 0;
  const to = (id: string): string => {
    const now = map.get(id);
    if (now === undefined) return id;
    changed++;
    return now;
  };
  const records = new Map<string, TopicRecord>();
  // Ids that stay first; a record whose new id is somehow taken already keeps its old id (doctor then shows it).
  for (const [id, r] of state.records) if (!map.has(id)) records.set(id, r);
  for (const [id, r] of state.records) {
    const now = map.get(id);
    if (now === undefined) continue;
    if (records.has(now)) records.set(id, r);
    else records.set(to(id), r);
  }
  state.records = records;
  const note = (n: Note): Note => ({ ...n, topic: to(n.topic) });
  state.notes = state.notes.map(note);
  state.events = state.events.map((e): HistoryEvent => {
    const event = { ...e, changes: e.changes.map((d) => ({ ...d, topic: to(d.topic) })), notesAdded: e.notesAdded.map(note), notesRemoved: e.notesRemoved.map(note) };
    if (e.subject !== undefined && map.has(e.subject)) event.subject = to(e.subject);
    return event;
  });
  return changed;
}

/**
 * Remembers, on each status that `change` set (a record object that was not there before), the title of the topic it
 * was set on: doctor compares it with the topic's title later to see a status that ended up on another topic.
 */
export function stampTitles(roadmap: Roadmap, before: ReadonlyMap<string, TopicRecord>, state: ProgressState): void {
  // Along each id's path (a change reads its own sections only; see entryLookup).
  let find: ReturnType<typeof entryLookup> | undefined;
  for (const [id, r] of state.records) {
    if (before.get(id) === r || r.title !== undefined) continue;
    find ??= entryLookup(roadmap);
    const topic = find(id)?.topic;
    if (topic) r.title = topic.title;
  }
}
