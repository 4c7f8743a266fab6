/**
 * The project's one hash: FNV-1a over UTF-16 code units, in hex. Not cryptographic. It makes ids for titles that
 * have no letters to slug and for a roadmap file's path, and names parse-cache files; none of those needs more, and
 * it costs no import (node:crypto adds about 2 ms to a start-up).
 */
function fnv1a(text: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** 32 bits as 8 hex digits: part of ids, so its values never change (progress is stored under them). */
export function shortHash(text: string): string {
  return fnv1a(text, 0x811c9dc5).toString(16).padStart(8, '0');
}

/** 64 bits as 16 hex digits (two FNV-1a lanes with different offset bases), for file names that must not collide. */
export function longHash(text: string): string {
  return shortHash(text) + fnv1a(text, 0x050c5d1f).toString(16).padStart(8, '0');
}

/**
 * longHash of the Latin-1 reading of `bytes` (each byte one character): the same 16 digits, from one pass over the
 * bytes with both lanes at once, and no string of them. A roadmap's content hash (a 10 MB one hashed twice as fast).
 */
export function longHashBytes(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i] as number;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
