import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FdOutput, outputSettled } from '../../src/ui/streams.js';

// bin/roadmap.js exits as soon as main() returns when outputSettled() says nothing is left to write; otherwise Node
// ends the run once the output is out. A stream written asynchronously (a terminal on Windows) must hold that back.
describe('outputSettled', () => {
  it('is true while no Node stream was made, false while a made stream still holds output, true once it is out', async () => {
    expect(outputSettled()).toBe(true);
    let finish: (() => void) | undefined;
    const slow = new Writable({
      write(_chunk, _encoding, callback) {
        finish = callback;
      },
    });
    const out = new FdOutput(2, () => slow as unknown as NodeJS.WriteStream);
    expect(outputSettled()).toBe(true);
    out.nodeStream.write('a spinner frame');
    expect(outputSettled()).toBe(false);
    finish?.();
    await new Promise((resolve) => setImmediate(resolve));
    expect(outputSettled()).toBe(true);
  });
});
