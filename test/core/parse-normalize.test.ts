import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseSpaces } from '../../src/core/parse/inline.js';
import { decodeBytes, normalizeText, repairMojibake } from '../../src/core/parse/normalize.js';
import { parseRoadmap } from '../../src/core/parse/parse.js';
import { RoadmapInputError } from '../../src/core/errors.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** UTF-8 bytes read as Windows-1252 (or, with `latin1`, ISO-8859-1) and written back as UTF-8: a wrong editor setting. */
function doubleEncode(s: string, latin1 = false): string {
  return Array.from(utf8(s), (b) => (b >= 0x80 && b <= 0x9f && !latin1 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b))).join('');
}

describe('input normalisation', () => {
  it('drops a byte-order mark and turns CRLF and lone CR into LF, keeping line numbers', () => {
    const r = parseRoadmap('\uFEFF# Go\r\n\r\n## Web\r\n\r\n- HTTP\r- Routing\r\n\r\n## Data\r\n\r\n- SQL\r\n');
    expect(r.title).toBe('Go');
    expect(r.sections[0]!.topics.map((t) => [t.title, t.line])).toEqual([['HTTP', 5], ['Routing', 6]]);
    expect(r.sections[1]!.topics[0]!.line).toBe(10);
  });

  it('expands tabs to 4-column stops, so tab-indented lists nest', () => {
    expect(normalizeText('a\tb\n\t- x\n  \t- y').text).toBe('a   b\n    - x\n    - y');
    const r = parseRoadmap('# R\n\n## A\n\n- one\n\t- one.a\n\t\t- one.a.i\n- two\n\n## B\n\n- three\n');
    expect(r.sections[0]!.topics[0]!.children[0]!.children[0]!.title).toBe('one.a.i');
  });

  it('applies NFC, so composed and decomposed letters give one title and one id', () => {
    const composed = parseRoadmap('# R\n\n## Café\n\n- Crème\n');
    const decomposed = parseRoadmap('# R\n\n## Cafe\u0301\n\n- Cre\u0300me\n');
    expect(decomposed.sections[0]!.title).toBe('Café');
    expect(decomposed.sections[0]!.topics[0]!.id).toBe(composed.sections[0]!.topics[0]!.id);
  });

  it('keeps U+200C and U+200D inside words (Persian), in titles and ids', () => {
    const r = parseRoadmap('# R\n\n## برنامه‌نویسی\n\n- می‌خواهم\n');
    expect(r.sections[0]!.title).toBe('برنامه‌نویسی');
    expect(r.sections[0]!.topics[0]!.id).toBe('برنامه‌نویسی/می‌خواهم');
  });

  it('takes title and description from YAML or TOML front matter, and keeps line numbers of the file', () => {
    const yaml = parseRoadmap('---\ntitle: "Rust Roadmap"\ndescription: \'From zero to async\'\ntags: [a, b]\n---\n\n## Basics\n\n- Ownership\n');
    expect(yaml).toMatchObject({ title: 'Rust Roadmap', description: 'From zero to async' });
    expect(yaml.sections[0]!.topics[0]!.line).toBe(9);
    const toml = parseRoadmap('+++\ntitle = "Zig"\n+++\n# Ignored as title\n\n- a\n- b\n');
    expect(toml.title).toBe('Zig');
  });

  it('reads a YAML block scalar as the description, and ignores nested keys', () => {
    const r = parseRoadmap('---\ntitle: Go\ndescription: >\n  Learn Go\n  from scratch\nseo:\n  title: Not this\n---\n## A\n- a\n## B\n- b\n');
    expect(r).toMatchObject({ title: 'Go', description: 'Learn Go from scratch' });
  });

  it('front matter only counts at the very start of the file', () => {
    const r = parseRoadmap('# Real title\n\n---\ntitle: no\n---\n\n## A\n\n- a\n');
    expect(r.title).toBe('Real title');
  });

  it('repairs double-encoded UTF-8 and says so in a warning', () => {
    const damaged = doubleEncode('# Go → Rust\n\nHere’s the plan — 🚀 go.\n\n## Café\n\n- naïve\n');
    expect(damaged).toContain('â€™');
    const r = parseRoadmap(damaged);
    expect(r.title).toBe('Go → Rust');
    expect(r.description).toBe('Here’s the plan — 🚀 go.');
    expect(r.sections[0]!.title).toBe('Café');
    expect(r.warnings[0]).toMatchObject({ kind: 'encoding-repaired', line: 1, message: expect.stringContaining('in 6 places (first at line 1)') as string });
    expect(repairMojibake('plain ASCII and ünïcödé stay').repaired).toBe(0);
    expect(parseRoadmap(doubleEncode('# Naïve — “quoted” → ok\n\n- a\n- b\n', true)).title).toBe('Naïve — “quoted” → ok');
  });
});

describe('bytes that are not UTF-8 are refused with the file named and what is wrong', () => {
  const refuse = (bytes: Uint8Array): RoadmapInputError => {
    try {
      decodeBytes(bytes, 'notes.md');
    } catch (error) {
      if (error instanceof RoadmapInputError) return error;
      throw error;
    }
    throw new Error('decodeBytes accepted the bytes');
  };

  it.each([
    ['UTF-16 with a byte-order mark (LE)', Uint8Array.from([0xff, 0xfe, ...Array.from(utf8('# Go')).flatMap((b) => [b, 0])]), /notes\.md is UTF-16 text, not UTF-8/],
    ['UTF-16 with a byte-order mark (BE)', Uint8Array.from([0xfe, 0xff, ...Array.from(utf8('# Go')).flatMap((b) => [0, b])]), /notes\.md is UTF-16 text/],
    ['UTF-16 LE without a byte-order mark', Uint8Array.from(Array.from(utf8('# Go roadmap\n\n- a\n')).flatMap((b) => [b, 0])), /notes\.md looks like UTF-16 text \(little-endian/],
    ['Latin-1', Uint8Array.from([...utf8('# Caf'), 0xe9, ...utf8('\n- cr'), 0xe8, ...utf8('me\n')]), /notes\.md is not UTF-8 text \(invalid byte 0xe9 at offset 5\)/],
    ['a binary file (PNG)', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /notes\.md looks like a binary file/],
  ])('%s', (_name, bytes, message) => {
    const error = refuse(bytes);
    expect(error.message).toMatch(message);
    expect(error).toBeInstanceOf(RoadmapInputError); // cli.ts maps it to exit 1 (test/e2e covers the exit code)
    expect(error.hint).toBeTruthy();
  });

  it('accepts UTF-8 with a byte-order mark and never produces replacement characters', () => {
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('# Go')]), 'x.md')).toBe('\uFEFF# Go');
    expect(decodeBytes(utf8('é 中文 🚀'), 'x.md')).not.toContain('\uFFFD');
  });
});

describe('collapseSpaces', () => {
  it('makes every run of whitespace one space, as replace(/\\s+/g, " ") does', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\t', '\n', '\u00a0', '\u3000', '\u2003', '\r'), maxLength: 40 });
    fc.assert(
      fc.property(text, (s) => {
        expect(collapseSpaces(s)).toBe(s.replace(/\s+/g, ' '));
      }),
      { numRuns: 1000 },
    );
  });
});
