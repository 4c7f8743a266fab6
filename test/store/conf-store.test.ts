import { readFileSync, statSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Status } from '../../src/core/types.js';
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

const AT = new Date('2025-01-01T00:00:00Z');
const AWKWARD = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', '0', '1000000', '-1', 'a.b.c', 'a[0]', '', '\u0000', '\u202e'];

describe('ConfStore, writing through conf into real files', () => {
  it.each(AWKWARD)('stores and reads back topic id %j, and a roadmap with that id', async (id) => {
    await store.update(id, [{ id, status: 'done' }], AT);
    await store.update('other', [{ id, status: 'skipped' }], AT);
    expect(new ConfStore(home.dir).read(id).get(id)?.status).toBe('done');
    expect(new ConfStore(home.dir).read('other').get(id)?.status).toBe('skipped');
    expect(statSync(store.location).size).toBeLessThan(1000);
    expect(warnings).toEqual([]);
  });

  it('round-trips any set of ids and statuses (property)', async () => {
    const status = fc.constantFrom<Status>('done', 'in-progress', 'skipped', 'pending');
    const changes = fc.array(fc.record({ id: fc.string({ unit: 'binary', maxLength: 12 }), status }), { maxLength: 20 });
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 8 }), changes, async (roadmapId, list) => {
        const expected = new Map(new ConfStore(home.dir).read(roadmapId));
        for (const { id, status: s } of list) {
          if (s === 'pending') expected.delete(id);
          else expected.set(id, { status: s, updatedAt: AT.toISOString() });
        }
        await store.update(roadmapId, list, AT);
        const back = new ConfStore(home.dir).read(roadmapId);
        expect(new Map([...back].map(([k, v]) => [k, v.status]))).toEqual(new Map([...expected].map(([k, v]) => [k, v.status])));
        // Proportional: a record costs its id plus a constant, never a padded array.
        const bytes = readFileSync(store.location).length;
        const raw = JSON.parse(readFileSync(store.location, 'utf8')) as { roadmaps: Record<string, { topics: Array<{ id: string }> }> };
        const budget = Object.entries(raw.roadmaps).reduce((n, [k, r]) => n + 40 + k.length * 6 + r.topics.reduce((m, t) => m + 110 + t.id.length * 6, 0), 100);
        expect(bytes).toBeLessThan(budget);
      }),
      { numRuns: 60 },
    );
    expect(warnings).toEqual([]);
  });
});
