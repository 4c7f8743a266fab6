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
