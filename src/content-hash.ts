/**
 * A 128-bit hash of bytes or text, as 32 hex digits: four 32-bit lanes mixed with multiply-rotate steps (the
 * MurmurHash3 x86_128 scheme). Not cryptographic: it names cache files and keys from short inputs (a path, the parse
 * options) without loading node:crypto, which would add about 2 ms to every start-up.
 */
export function contentHash(data: Uint8Array | string): string {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const blocks = bytes.length >>> 4;
  // Whole 32-bit words need an aligned view; a buffer that starts mid-word (a Buffer from a pool) is copied once.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice(0, blocks * 16);
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, blocks * 4);
  let h1 = 0x9747b28c;
  let h2 = 0x2f4c1a93;
  let h3 = 0x6b1e5d07;
  let h4 = 0xc3d2e1f0;
  for (let i = 0; i < blocks * 4; i += 4) {
    h1 ^= mix(words[i] ?? 0, C1, 15, C2);
    h1 = (Math.imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
    h2 ^= mix(words[i + 1] ?? 0, C2, 16, C3);
    h2 = (Math.imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
    h3 ^= mix(words[i + 2] ?? 0, C3, 17, C4);
    h3 = (Math.imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
    h4 ^= mix(words[i + 3] ?? 0, C4, 18, C1);
    h4 = (Math.imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
  }
  // The last 0-15 bytes, little-endian into up to four words.
  const tail = [0, 0, 0, 0];
  for (let i = blocks * 16; i < bytes.length; i++) {
    const at = i - blocks * 16;
    tail[at >>> 2] = (tail[at >>> 2] ?? 0) | ((bytes[i] ?? 0) << ((at & 3) * 8));
  }
  h1 ^= mix(tail[0] ?? 0, C1, 15, C2);
  h2 ^= mix(tail[1] ?? 0, C2, 16, C3);
  h3 ^= mix(tail[2] ?? 0, C3, 17, C4);
  h4 ^= mix(tail[3] ?? 0, C4, 18, C1);
  h1 ^= bytes.length;
  h2 ^= bytes.length;
  h3 ^= bytes.length;
  h4 ^= bytes.length;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = avalanche(h1);
  h2 = avalanche(h2);
  h3 = avalanche(h3);
  h4 = avalanche(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  return [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function mix(k: number, a: number, r: number, b: number): number {
  return Math.imul(rotl(Math.imul(k, a), r), b);
}

function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
