import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { checkSize } from '../core/parse/lex/limits.js';

const CHUNK = 1024 * 1024;
/** What is read after a short read, to see the end. */
const PROBE = 16 * 1024;

/** Throws (an InputError saying what to do) when `size` bytes of `shown` are over a limit. */
export type SizeCheck = (size: number, shown: string) => void;

/** Reads a whole file but never more than the size limit: a bigger file is an InputError before it is parsed. */
export function readFileLimited(path: string, shown: string, check: SizeCheck = checkSize): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    check(size, shown);
    // Devices and named pipes report size 0 and may never end, so the limit also holds while reading. A file is read
    // into one buffer of its size and a byte more (to see it end): filling fresh memory is most of what reading costs.
    const chunks: Buffer[] = [];
    let total = 0;
    let want = size > 0 ? size + 1 : CHUNK;
    for (;;) {
      const chunk = Buffer.allocUnsafe(want);
      const n = readSync(fd, chunk, 0, want, null);
      if (n === 0) break;
      total += n;
      check(total, shown);
      chunks.push(chunk.subarray(0, n));
      // A short read is the end of a file, most likely: a small buffer makes sure.
      want = n < want ? PROBE : CHUNK;
    }
    return chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Reads a stream to its end, stopping with an InputError as soon as it passes the size limit. */
export async function readStreamLimited(stream: NodeJS.ReadableStream, shown: string, check: SizeCheck = checkSize): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  // Throwing inside for-await destroys the stream, so the writer gets EPIPE instead of filling memory.
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    check(total, shown);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}
