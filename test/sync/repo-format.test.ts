import { describe, expect, it } from 'vitest';
import { emptyState, planStatus, recordEvent } from '../../src/core/progress/history.js';
import { sameProgress } from '../../src/core/progress/sync-merge.js';
import { fileFor, isProgressFile, parseSyncFile, serializeSyncFile } from '../../src/sync/repo-format.js';

function sample() {
  const s = emptyState();
  recordEvent(s, { id: 'e1', at: '2025-01-01T10:00:00.000Z' }, { action: 'done', subject: '1.1 1.2', changes: planStatus(s, ['b/two', 'a/one'], 'done') });
  recordEvent(s, { id: 'e2', at: '2025-01-01T11:00:00.000Z' }, { action: 'note', notesAdded: [{ id: 'n1', topic: 'a/one', text: 'line one\nline "two"', at: '2025-01-01T11:00:00.000Z' }] });
  return s;
}
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
/** Replaces the last occurrence: the notes list comes after the history entries that also hold the note. */
const replaceLast = (text: string, from: string, to: string): string => {
  const i = text.lastIndexOf(from);
  return text.slice(0, i) + to + text.slice(i + from.length);
};

describe('the sync file: one per roadmap, written for diffs', () => {
  it('sorts keys and puts each topic, note and history entry on a line of its own', () => {
    const text = serializeSyncFile('go-backend', sample());
    const lines = text.split('\n');
    expect(lines.filter((l) => l.startsWith('  "')).map((l) => l.slice(3, l.indexOf('"', 3)))).toEqual(['events', 'kind', 'notes', 'roadmap', 'schemaVersion', 'topics']);
    expect(lines.filter((l) => l.startsWith('    {'))).toHaveLength(2 + 1 + 2);
    expect(lines).toContain('    {"id":"a/one","status":"done","updatedAt":"2025-01-01T10:00:00.000Z"},');
    expect(lines.findLast((l) => l.includes('"n1"'))).toBe('    {"at":"2025-01-01T11:00:00.000Z","id":"n1","text":"line one\\nline \\"two\\"","topic":"a/one"}');
  });

  it('reads back what it wrote', () => {
    const parsed = parseSyncFile(bytes(serializeSyncFile('go-backend', sample())));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.roadmapId).toBe('go-backend');
      expect(sameProgress(parsed.state, sample())).toBe(true);
    }
  });

  const good = serializeSyncFile('go-backend', sample());
  it.each([
    ['cut short', good.slice(0, 200), /not valid JSON/],
    ['another document', '{"kind":"roadmap-progress","roadmap":"x","schemaVersion":1}', /"kind" is not "roadmap-sync"/],
    ['from a newer roadmap', good.replace('"schemaVersion": 1', '"schemaVersion": 9'), /newer roadmap/],
    ['a status nobody knows', good.replace('"status":"done"', '"status":"finished"'), /topics\[0\] is not a valid entry/],
    ['an event change to a status nobody knows', good.replace('"to":"done"', '"to":"finished"'), /events\[0\] is not a valid entry/],
    ['a note without text', replaceLast(good, '"text":"line one\\nline \\"two\\""', '"text":7'), /notes\[0\] is not a valid entry/],
    ['a topic twice', good.replace('"topics": [', '"topics": [\n    {"id":"a/one","status":"skipped","updatedAt":""},'), /repeats an id|not a valid entry/],
    ['an unknown field in an entry', replaceLast(good, '"id":"n1",', '"id":"n1","extra":1,'), /notes\[0\] is not a valid entry/],
  ])('refuses a damaged file: %s', (_name, text, problem) => {
    const parsed = parseSyncFile(bytes(text));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });

  it('refuses bytes that are not UTF-8 rather than read them with replacement characters', () => {
    // "café" in Latin-1: the é is the single byte 0xE9.
    const latin1 = new Uint8Array([...bytes('{"kind":"roadmap-sync","roadmap":"caf'), 0xe9, ...bytes('","schemaVersion":1}')]);
    expect(parseSyncFile(latin1)).toEqual({ ok: false, problem: 'it is not UTF-8 text' });
  });

  it('names files by roadmap id, hashing ids that are not plain file names', () => {
    expect(fileFor('go-backend')).toBe('progress/go-backend.json');
    expect(fileFor('rust-1a2b3c4d')).toBe('progress/rust-1a2b3c4d.json');
    expect(fileFor('../../etc/passwd')).toMatch(/^progress\/id-[0-9a-f]{16}\.json$/);
    expect(isProgressFile('progress/x.json')).toBe(true);
    expect(isProgressFile('progress/sub/x.json')).toBe(false);
    expect(isProgressFile('README.md')).toBe(false);
  });
});
