import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { RoadmapInputError } from '../../src/core/errors.js';
import { LIMITS } from '../../src/core/parse/lex/limits.js';
import { readFileLimited, readStreamLimited } from '../../src/source/read-capped.js';

const CHUNK = 64 * 1024;

describe('reading never takes more than the size limit', () => {
  it('stops pulling from an endless stream soon after the limit, with a RoadmapInputError', async () => {
    let pulled = 0;
    const piece = Buffer.alloc(CHUNK, '- a topic\n');
    const endless = Readable.from(
      (function* () {
        for (;;) {
          pulled += piece.length;
          yield piece;
        }
      })(),
      { objectMode: false, highWaterMark: CHUNK },
    );
    await expect(readStreamLimited(endless, 'standard input')).rejects.toThrow(RoadmapInputError);
    // The limit, the chunk that passed it, and what the stream had buffered ahead.
    expect(pulled).toBeGreaterThan(LIMITS.size);
    expect(pulled).toBeLessThanOrEqual(LIMITS.size + 4 * CHUNK);
  });

  it.skipIf(!existsSync('/dev/zero'))('stops reading a device that never ends (its size says 0)', () => {
    expect(() => readFileLimited('/dev/zero', '/dev/zero')).toThrow(/\/dev\/zero is too large to be a roadmap/);
  });
});
