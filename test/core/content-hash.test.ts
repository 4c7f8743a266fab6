import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/content-hash.js';

const text = 'Go Backend Development Roadmap: net/http, Gin, GORM, goroutines, pprof. ';

describe('contentHash', () => {
  it('is 32 hex digits and the same for the same bytes', () => {
    expect(contentHash(text)).toMatch(/^[0-9a-f]{32}$/);
    expect(contentHash(text)).toBe(contentHash(Buffer.from(text)));
  });

  it('does not depend on where the bytes sit in their buffer (pooled Buffers start mid-word)', () => {
    const bytes = Buffer.from(text.repeat(3));
    for (let shift = 1; shift < 8; shift++) {
      const host = new Uint8Array(bytes.length + 8);
      host.set(bytes, shift);
      expect(contentHash(host.subarray(shift, shift + bytes.length))).toBe(contentHash(bytes));
    }
  });

  it('changes with any single byte, at any position, and with the length', () => {
    const base = Buffer.from(text.repeat(2));
    const seen = new Set([contentHash(base)]);
    for (let i = 0; i < base.length; i++) {
      const changed = Buffer.from(base);
      changed[i] = (changed[i] ?? 0) ^ 1;
      seen.add(contentHash(changed));
    }
    for (let n = 0; n < 40; n++) seen.add(contentHash(base.subarray(0, n)));
    expect(seen.size).toBe(1 + base.length + 40);
  });
});
