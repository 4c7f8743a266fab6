import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../../src/core/text/json-pieces.js';
import { safeJson, writeSafeJson } from '../../src/ui/sanitize.js';
import { Capture } from '../helpers/io.js';

/** JSON-like values, with what JSON.stringify drops or turns into null (undefined, functions) mixed in. */
const value = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue(),
    fc.constant(undefined),
    fc.constant(() => 1),
    fc.array(tie('any'), { maxLength: 6 }),
    fc.dictionary(fc.string(), tie('any'), { maxKeys: 6 }),
  ),
})).any;

describe('jsonPieces gives the text of JSON.stringify in pieces', () => {
  it.each([0, 2, 4])('any value, space %i, cut as finely as possible or in runs of any size, any array taken apart', (space) => {
    fc.assert(
      fc.property(value, fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 400 })), fc.integer({ min: 0, max: 12 }), (v, piece, members) => {
        // A bare undefined or function has no JSON text at all; the CLI never prints one.
        fc.pre(v !== undefined && typeof v !== 'function');
        const pieces = [...jsonPieces(v, space, piece, members)];
        expect(pieces.join('')).toBe(JSON.stringify(v, null, space));
        // Text is gathered up to a piece and cut there: a piece is never much longer (one member's separator and key).
        for (const p of pieces) expect(p.length).toBeLessThan(piece * 2 + 64);
      }),
      { numRuns: 300 },
    );
  });

  it('a big document comes in many pieces, none of them the whole', () => {
    const doc = { sections: Array.from({ length: 300 }, (_, i) => ({ id: `s${i}`, topics: Array.from({ length: 30 }, (_, j) => ({ id: `t${j}`, title: 'x'.repeat(40) })) })) };
    const pieces = [...jsonPieces(doc, 2)];
    const whole = JSON.stringify(doc, null, 2);
    expect(pieces.join('')).toBe(whole);
    // Runs of small neighbours share a piece of about 16K characters (indentation not counted), far below the whole.
    expect(pieces.length).toBeGreaterThan(whole.length / (64 * 1024));
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(32 * 1024);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(whole.length / 10);
  });

  it('a subtree few at its top and big below (a few topics over thousands of subtopics) is taken apart too', () => {
    const doc = { sections: [{ id: 's', topics: Array.from({ length: 3 }, (_, i) => ({ id: `t${i}`, children: [{ id: 'u', children: Array.from({ length: 3000 }, (_, j) => ({ id: `v${j}`, title: 'é'.repeat(20) })) }] })) }] };
    const pieces = [...jsonPieces(doc, 2)];
    expect(pieces.join('')).toBe(JSON.stringify(doc, null, 2));
    expect(pieces.length).toBeGreaterThan(10);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(32 * 1024);
  });

  it('one long string comes in slices', () => {
    const doc = { a: [{ text: 'x'.repeat(100_000) }] };
    const pieces = [...jsonPieces(doc, 2)];
    expect(pieces.join('')).toBe(JSON.stringify(doc, null, 2));
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(16 * 1024);
  });
});

describe('jsonPieces cut at every size', () => {
  const date = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
  const shapes: Array<[string, unknown]> = [
    ['empty containers', { a: [], b: {}, c: [[], {}, [[]]], d: [{}] }],
    ['what JSON drops or nulls', { u: undefined, f: () => 1, s: Symbol('x'), list: [undefined, () => 2, Symbol('y'), 1], keep: 'yes' }],
    ['toJSON', { when: date, list: [date, { toJSON: () => ({ x: [1, 2] }) }], nested: { at: date } }],
    ['escapes', { 'k"\\\n': 'line\nbreak\t"quote"\\ \u0001 \u2028 é 😀', list: ['\n', '\r\n', '\u007f'] }],
    ['deep nesting', Array.from({ length: 40 }).reduce<unknown>((inner, _, i) => ({ level: i, kids: [inner, 'x'.repeat(i)] }), 'leaf')],
    ['big and small neighbours', { items: [1, 'x'.repeat(300), { a: 'y'.repeat(500), b: [2, 3] }, null, true, [4, [5, 'z'.repeat(200)]], 'w'] }],
    ['integer-like keys', { 2: 'two', b: 'b', 1: 'one', a: ['x'.repeat(100)] }],
  ];
  it.each(shapes)('%s, as JSON.stringify writes it', (_, v) => {
    for (const space of [0, 2, 4]) {
      for (const piece of [1, 8, 20, 64, 200, 1000, 16 * 1024]) {
        expect([...jsonPieces(v, space, piece)].join('')).toBe(JSON.stringify(v, null, space));
      }
    }
  });
});

describe('writeSafeJson writes exactly what safeJson makes', () => {
  it('controls, C1, bidi and line separators escaped the same, across piece boundaries', () => {
    const hostile = ['\u001b[2J', '\u009b31m', '\u202etxt', '\u2028', '\u2029', '\u007f', 'é', '😀', '\u0000'];
    const doc = { items: Array.from({ length: 5000 }, (_, i) => ({ n: i, text: hostile[i % hostile.length] })) };
    const out = new Capture();
    writeSafeJson(out, doc);
    expect(out.text).toBe(`${safeJson(doc)}\n`);
    expect(out.text).not.toMatch(/[\u007f-\u009f\u2028\u2029\u202e]/);
  });

  it('any value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const out = new Capture();
        writeSafeJson(out, v);
        expect(out.text).toBe(`${safeJson(v)}\n`);
      }),
      { numRuns: 200 },
    );
  });
});
