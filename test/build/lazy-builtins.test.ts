import { transform } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { HEAVY_BUILTINS, lazyNamedImports } from '../../scripts/lazy-builtins.mjs';

const rewrite = lazyNamedImports as (code: string) => string;

/** What build.mjs does to each chunk: esbuild's ES module output turned into CommonJS, then the rewrite. */
async function asBuilt(source: string): Promise<string> {
  const cjs = await transform(source, { format: 'cjs', loader: 'js', target: 'node20', supported: { 'dynamic-import': false }, logLevel: 'silent' });
  return rewrite(cjs.code);
}

describe("build.mjs's lazy-builtin rewrite still matches esbuild's output", () => {
  it.each(HEAVY_BUILTINS as string[])('a named import of node:%s loads on first use, not at start-up', async (name) => {
    const code = await asBuilt(`import { something } from 'node:${name}';\nexport const use = () => something;\n`);
    expect(code).toContain(`__roadmapLazy("node:${name}")`);
    // The only require of it left is inside the lazy helper.
    expect(code).not.toMatch(new RegExp(`require\\("node:${name}"\\)`));
  });

  it('leaves light builtins and default imports alone', async () => {
    const code = await asBuilt(`import { readFileSync } from 'node:fs';\nimport os from 'node:os';\nexport const f = () => [readFileSync, os];\n`);
    expect(code).toMatch(/require\("node:fs"\)/);
    expect(code).toMatch(/__toESM\(require\("node:os"\)\)/);
  });
});
