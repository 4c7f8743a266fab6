import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/core/parse/normalize.js';
import { parseRoadmap } from '../../src/core/parse/parse.js';
import { allTopics } from '../../src/core/tree.js';
import { RoadmapInputError } from '../../src/core/errors.js';
import { inert, safeJson } from '../../src/ui/sanitize.js';

/** Lines shaped like roadmaps (a block prefix, then inline pieces), so generated text reaches every branch of the parser. */
const PREFIXES = ['', '# ', '## ', '### ', '#### ', '- ', '  - ', '    - ', '      - ', '* ', '+ ', '1. ', '  2) ', '> ', '>> ', '> - ', '- [ ] ', '- [x] ', '    ', '| '];
const FRAGMENTS = [
  'word', 'Topic', 'Roadmap', 'Contents', 'License', 'Phase 1:', '1.2', '📚', 'Ünïcødé', '路线', ' ', ' | ', '|---|---|', '---', '```',
  '~~~', '<details>', '<summary>x</summary>', '</details>', '<a href="#x">a</a>', '[', ']', '(', ')', '[t](https://e.x/a)', '[a](#a)',
  '<https://e.x>', '**', '__', '*', '_', '`', '&#27;', '&#x202E;', '&amp;', '\\', ':', '\u0000', '\u001b[2J', '\u202e', '\r', '\t',
];
const content = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));
const line = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...PREFIXES), content).map(([prefix, text]) => prefix + text) },
);
const markdown = fc.array(line, { maxLength: 40 }).map((lines) => lines.join('\n'));
const anyText = fc.oneof(markdown, fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme-ascii', maxLength: 400 }));

function parseOrInputError(text: string): ReturnType<typeof parseRoadmap> | RoadmapInputError {
  try {
    return parseRoadmap(text, { fallbackTitle: 'Fallback' });
  } catch (error) {
    if (error instanceof RoadmapInputError) return error;
    throw error;
  }
}

describe('parser properties (fast-check)', () => {
  it('never throws on arbitrary text, except the typed RoadmapInputError', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        parseOrInputError(text);
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on arbitrary bytes, except the typed RoadmapInputError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          parseOrInputError(decodeBytes(bytes, 'bytes'));
        } catch (error) {
          if (!(error instanceof RoadmapInputError)) throw error;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives every section and every topic an id no other has, and the same ids on every parse', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const roadmap = parseOrInputError(text);
        if (roadmap instanceof RoadmapInputError) return;
        const sectionIds = roadmap.sections.map((s) => s.id);
        const topicIds = allTopics(roadmap).map((e) => e.topic.id);
        expect(new Set(sectionIds).size).toBe(sectionIds.length);
        expect(new Set(topicIds).size).toBe(topicIds.length);
        expect(topicIds.every((id) => id !== '' && !sectionIds.includes(id))).toBe(true);
        const again = parseOrInputError(text);
        expect(again instanceof RoadmapInputError ? [] : allTopics(again).map((e) => e.topic.id)).toEqual(topicIds);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('sanitizer properties (fast-check)', () => {
  // eslint-disable-next-line no-control-regex
  const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
  const text = fc.string({ unit: 'binary', maxLength: 200 });

  it('inert output has no control character, is idempotent, and keeps newlines only when asked', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (s, multiline) => {
        const out = inert(s, multiline);
        expect(out).not.toMatch(UNSAFE);
        expect(inert(out, multiline)).toBe(out);
        if (!multiline) expect(out).not.toContain('\n');
      }),
      { numRuns: 1000 },
    );
  });

  it('safeJson output has no raw control character and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.dictionary(text, text, { maxKeys: 5 }), (value) => {
        const json = safeJson(value);
        expect(json.replace(/\n {0,}/g, '')).not.toMatch(UNSAFE);
        expect(JSON.parse(json)).toEqual(value);
      }),
      { numRuns: 1000 },
    );
  });
});
