import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/bin.js';

interface Meta {
  outputs: Record<string, { entryPoint?: string; imports: Array<{ path: string; kind: string }>; inputs: Record<string, unknown> }>;
}

const META = join(ROOT, 'dist', 'bundle-meta.json');

describe('the Markdown renderer is loaded only by the commands that draw topic content', () => {
  it('is in a chunk of its own, reached only through import(), never at start-up', () => {
    if (!existsSync(META)) throw new Error('dist/bundle-meta.json is missing: run `npm run build` first');
    const meta = JSON.parse(readFileSync(META, 'utf8')) as Meta;
    const outputs = Object.entries(meta.outputs);
    const renderer = outputs.filter(([, o]) => Object.keys(o.inputs).some((i) => i.startsWith('src/ui/render/markdown/') || i === 'src/ui/render/topic-page.ts'));
    expect(renderer.map(([, o]) => o.entryPoint)).toEqual(['src/ui/render/topic-page.ts']);
    const [chunk] = renderer[0] ?? [];
    // Whoever reaches it does so with a dynamic import (show, walk, next --long), never a static one.
    const importers = outputs.flatMap(([name, o]) => o.imports.filter((i) => i.path === chunk).map((i) => [name, i.kind]));
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.every(([, kind]) => kind === 'dynamic-import')).toBe(true);
    // Its own inputs are only the renderer: the lexer and the rest come from shared chunks.
    expect(Object.keys(renderer[0]?.[1].inputs ?? {}).filter((i) => i.startsWith('src/')).sort()).toEqual([
      'src/ui/render/markdown/blocks.ts',
      'src/ui/render/markdown/hyperlink.ts',
      'src/ui/render/markdown/inline.ts',
      'src/ui/render/markdown/wrap.ts',
      'src/ui/render/topic-page.ts',
    ]);
  });
});
