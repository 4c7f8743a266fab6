import { describe, expect, it } from 'vitest';
import { longHash, longHashBytes, shortHash } from '../../src/core/text/hash.js';

const text = 'Go Backend Development Roadmap: net/http, Gin, GORM, goroutines, pprof. ';

describe('the one hash (FNV-1a)', () => {
  it('keeps the 32-bit values that ids are made of', () => {
    // Ids of untitled topics and roadmap files contain these digits: changing them would orphan stored progress.
    expect(shortHash('')).toBe('811c9dc5');
    expect(shortHash('a')).toBe('e40c292c');
    expect(shortHash('foobar')).toBe('bf9cf968');
  });

  it('longHash is 16 hex digits, the short hash then a second lane', () => {
    expect(longHash(text)).toMatch(/^[0-9a-f]{16}$/);
    expect(longHash(text).slice(0, 8)).toBe(shortHash(text));
  });

  it('changes with any single character, at any position, and with the length', () => {
    const base = text.repeat(2);
    const seen = new Set([longHash(base)]);
    for (let i = 0; i < base.length; i++) {
      seen.add(longHash(base.slice(0, i) + String.fromCharCode(base.charCodeAt(i) ^ 1) + base.slice(i + 1)));
    }
    for (let n = 0; n < 40; n++) seen.add(longHash(base.slice(0, n)));
    expect(seen.size).toBe(1 + base.length + 40);
  });

  it('longHashBytes is longHash of the bytes read as Latin-1, for every byte value and any length', () => {
    // Stored shelf entries and ids of roadmaps from standard input hold content hashes made by longHash.
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    let seed = 7;
    const random = Uint8Array.from({ length: 5000 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    for (const bytes of [new Uint8Array(0), all, random, random.subarray(13, 999)]) {
      expect(longHashBytes(bytes)).toBe(longHash(Buffer.from(bytes).toString('latin1')));
    }
    expect(longHashBytes(Buffer.from(text, 'latin1'))).toBe(longHash(text));
  });
});
