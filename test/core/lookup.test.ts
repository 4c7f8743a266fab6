import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findTopic } from '../../src/core/lookup.js';
import { parseRoadmap } from '../../src/core/parse/parse.js';

const roadmap = parseRoadmap(readFileSync(new URL('../../roadmap/go-backend.md', import.meta.url), 'utf8'));

describe('findTopic', () => {
  it.each([
    ['by id', 'database-orm/working-with-orm-libraries-gorm-for-relational-databases', '2.2'],
    ['by number', '3.2', '3.2'],
    ['by fragment, any case', 'gorm', '2.2'],
    ['by fragment with spaces', 'Worker Pools', '4.3'],
    ['by code text', 'net/http', '1.1'],
  ])('%s: %s', (_how, ref, number) => {
    const m = findTopic(roadmap, ref);
    expect(m.kind).toBe('one');
    if (m.kind === 'one') expect(m.entry.topic.number).toBe(number);
  });

  it('lists every candidate when a fragment is ambiguous', () => {
    const m = findTopic(roadmap, 'database');
    expect(m.kind).toBe('many');
    if (m.kind === 'many') expect(m.candidates.map((c) => c.topic.number)).toEqual(['2.2', '2.3', '2.4', '2.5', '6.2', '7.3']);
  });

  it('suggests the closest titles when nothing matches', () => {
    const m = findTopic(roadmap, 'gormm');
    expect(m.kind).toBe('none');
    if (m.kind === 'none') expect(m.suggestions[0]?.topic.number).toBe('2.2');
  });

  it('finds nothing for a number past the end', () => {
    expect(findTopic(roadmap, '11.1').kind).toBe('none');
    expect(findTopic(roadmap, '1.9').kind).toBe('none');
  });
});
