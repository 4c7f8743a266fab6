import type { Output } from './streams.js';
import { jsonPieces, WRITE_BATCH } from '../core/text/json-pieces.js';

/**
 * C1 controls (a terminal may read U+009B as CSI), bidi embeddings, overrides and isolates (they reorder what is
 * shown, "Trojan Source"), and the Unicode line and paragraph separators.
 */
const BIDI_AND_C1 = /[\u0080-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes untrusted text inert for a terminal: ESC shows as `^[`, other C0 controls in caret notation, DEL, C1
 * controls and bidi controls as `<U+XXXX>`. Newlines are kept only when `multiline` is set. Idempotent.
 */
export function inert(text: string, multiline = false): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (ch) => {
    if (multiline && ch === '\n') return ch;
    if (ch === '\t') return ' ';
    const code = ch.charCodeAt(0);
    return code === 0x7f ? '<U+007F>' : `^${String.fromCharCode(code + 64)}`;
  }).replace(BIDI_AND_C1, (ch) => `<U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON with every C0, C1 and bidi control escaped as \uXXXX (JSON.stringify already escapes C0), so piping it to a
 * terminal is safe too.
 */
export function safeJson(value: unknown): string {
  return escapeJsonControls(JSON.stringify(value, null, 2));
}

/** Escapes what JSON.stringify leaves raw (DEL, C1, bidi, line separators); works on any slice of JSON text. */
function escapeJsonControls(json: string): string {
  return json.replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Writes exactly `safeJson(value)` and a newline, in slices of about 32 KB: the JSON of a huge roadmap never exists as
 * one string (nor as one buffer in the stream), which keeps the memory of `list --json` on a 10 MB roadmap in bounds.
 */
export function writeSafeJson(out: Output, value: unknown): void {
  let batch = '';
  for (const piece of jsonPieces(value, 2)) {
    batch += piece;
    if (batch.length >= WRITE_BATCH) {
      out.write(escapeJsonControls(batch));
      batch = '';
    }
  }
  out.write(`${escapeJsonControls(batch)}\n`);
}
