import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = new URL('../../src/', import.meta.url);
const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

describe('nothing costly runs while the CLI loads', () => {
  // Each Intl object loads ICU data when built: about 10 to 20 ms of start-up for every command, --help included.
  // Build them on first use instead (see formatCount in core/limits.ts, graphemes in ui/theme.ts).
  it.each(files)('%s builds no Intl object at module level', (file) => {
    const text = readFileSync(join(src.pathname, file), 'utf8');
    const topLevel = text.split('\n').filter((line) => /^(export )?(const|let|var) [^=]+= new Intl\./.test(line));
    expect(topLevel).toEqual([]);
  });
});
