import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredStatus } from '../../src/core/progress/history.js';
import { StoreError } from '../../src/store/errors.js';
import { ConfStore } from '../../src/store/conf-store.js';
import { tempHome } from '../helpers/io.js';

let home: ReturnType<typeof tempHome>;
let warnings: string[];
let store: ConfStore;

beforeEach(() => {
  home = tempHome();
  warnings = [];
  store = new ConfStore(home.dir, (m) => warnings.push(m));
});
afterEach(() => {
  home.cleanup();
});

const AT = '2025-01-01T00:00:00.000Z';
const AWKWARD = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', '0', '1000000', '-1', 'a.b.c', 'a[0]', '', '\u0000', '\u202e'];

describe('ConfStore, writing through conf into real files', () => {
  it.each(AWKWARD)('stores and reads back topic id %j, a note on it, and a roadmap with that id', async (id) => {
    await store.update(id, (state) => {
      state.records.set(id, { status: 'done', updatedAt: AT });
      state.notes.push({ id, topic: id, text: id, at: AT });
    });
    await store.update('other', (state) => state.records.set(id, { status: 'skipped', updatedAt: AT }));
    const fresh = new ConfStore(home.dir);
    expect(fresh.read(id).records.get(id)?.status).toBe('done');
    expect(fresh.read(id).notes).toEqual([{ id, topic: id, text: id, at: AT }]);
    expect(fresh.read('other').records.get(id)?.status).toBe('skipped');
    expect(statSync(store.location).size).toBeLessThan(1000);
    expect(warnings).toEqual([]);
  });

  it('round-trips any set of ids, statuses and notes (property)', async () => {
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    const status = fc.constantFrom<StoredStatus | 'pending'>('done', 'in-progress', 'skipped', 'pending');
    const changes = fc.array(fc.record({ id: text, status, note: fc.option(text) }), { maxLength: 20 });
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 8 }), changes, async (roadmapId, list) => {
        const before = new ConfStore(home.dir).read(roadmapId);
        const statuses = new Map([...before.records].map(([k, v]) => [k, v.status]));
        const notes = before.notes.map((n) => n.text);
        await store.update(roadmapId, (state) => {
          for (const { id, status: s, note } of list) {
            if (s === 'pending') state.records.delete(id);
            else state.records.set(id, { status: s, updatedAt: AT });
            if (note !== null) state.notes.push({ id: String(state.notes.length), topic: id, text: note, at: AT });
          }
        });
        for (const { id, status: s, note } of list) {
          if (s === 'pending') statuses.delete(id);
          else statuses.set(id, s);
          if (note !== null) notes.push(note);
        }
        const back = new ConfStore(home.dir).read(roadmapId);
        expect(new Map([...back.records].map(([k, v]) => [k, v.status]))).toEqual(statuses);
        expect(back.notes.map((n) => n.text)).toEqual(notes);
        // Proportional: every entry costs its text plus a constant, never a padded array or an object per path.
        const file = readFileSync(store.location, 'utf8');
        const raw = JSON.parse(file) as { roadmaps: Array<{ id: string; topics: Array<{ id: string }>; notes: Array<{ id: string; topic: string; text: string }> }> };
        const budget = raw.roadmaps.reduce(
          (n, r) => n + 80 + r.id.length * 6 + r.topics.reduce((m, t) => m + 110 + t.id.length * 6, 0) + r.notes.reduce((m, x) => m + 120 + (x.id.length + x.topic.length + x.text.length) * 6, 0),
          100,
        );
        expect(file.length).toBeLessThan(budget);
      }),
      { numRuns: 60 },
    );
    expect(warnings).toEqual([]);
  });

  it('a write that fails says so and names the file, without a stack trace', async () => {
    // The folder cannot be created: its parent is a file.
    writeFileSync(join(home.dir, 'file'), 'x');
    const blocked = new ConfStore(join(home.dir, 'file', 'sub'));
    const error: unknown = await blocked.update('r', (state) => state.records.set('a', { status: 'done', updatedAt: AT })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toMatch(/^could not save progress to .*progress\.json: ENOTDIR/);
    expect((error as StoreError).hint).toContain('left as it was');
  });
});
