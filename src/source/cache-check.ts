/**
 * The check of a parse-cache entry's tree: 32 bits mixed from its bytes taken as 32-bit words (MurmurHash3's body and
 * finish), written when the entry is made and compared before any of it is used. Any change to the bytes is found
 * (bar a 1 in 4 billion chance), so a damaged entry is a miss up front, never a failure when a part of the tree is
 * first touched. Not cryptographic: it guards against damage, not against someone who can write the cache folder.
 *
 * Words rather than bytes, and typed arrays rather than Buffer reads: a cached `next` checks 3 MB for a 1 MB roadmap,
 * and this way it costs about a millisecond per MB in a cold process. Words are in the machine's byte order, which is
 * the only machine that reads the entry (another order makes a miss, never a wrong tree).
 */
const SEED = 0x9747b28c;

function mixWords(hash: number, words: Int32Array): number {
  let h = hash;
  for (let i = 0; i < words.length; i++) {
    let k = Math.imul(words[i] ?? 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return h;
}

/** The last 0 to 3 bytes, the length, and MurmurHash3's final avalanche, as 8 hex digits. */
function finish(hash: number, tail: Uint8Array, length: number): string {
  let h = hash;
  if (tail.length > 0) {
    let k = 0;
    for (let i = tail.length - 1; i >= 0; i--) k = (k << 8) | (tail[i] ?? 0);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
  }
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The words of `bytes` whole, as an Int32Array over the same memory when it is aligned to 4, else over a copy. */
function wordsOf(bytes: Uint8Array): Int32Array {
  const count = bytes.length >>> 2;
  if ((bytes.byteOffset & 3) === 0) return new Int32Array(bytes.buffer, bytes.byteOffset, count);
  const copy = new Uint8Array(count * 4);
  copy.set(bytes.subarray(0, count * 4));
  return new Int32Array(copy.buffer, 0, count);
}

/** The check of bytes held whole (the reader has the entry in one buffer). */
export function cacheCheck(bytes: Uint8Array): string {
  const whole = bytes.length & ~3;
  return finish(mixWords(SEED, wordsOf(bytes)), bytes.subarray(whole), bytes.length);
}

/** The same check, of bytes given a part at a time (the writer writes the tree in batches). */
export class CacheCheck {
  private hash = SEED;
  private length = 0;
  /** The 0 to 3 bytes of the last part that did not make a whole word. */
  private rest: Uint8Array = new Uint8Array(0);

  update(part: Uint8Array): void {
    this.length += part.length;
    const joined = new Uint8Array(this.rest.length + part.length);
    joined.set(this.rest);
    joined.set(part, this.rest.length);
    const whole = joined.length & ~3;
    this.hash = mixWords(this.hash, new Int32Array(joined.buffer, 0, whole >>> 2));
    this.rest = joined.slice(whole);
  }

  digest(): string {
    return finish(this.hash, this.rest, this.length);
  }
}
