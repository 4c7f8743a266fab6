import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { checkTree } from '../../scripts/check-imports.mjs';

const check = checkTree as (root: string) => { files: number; problems: string[] };
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'roadmap-imports-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('scripts/check-imports.mjs (run by npm test on src/)', () => {
  it('finds a cycle made only of type imports', () => {
    const root = tree({
      'cli.ts': "import type { A } from './core/a.js';\nexport type X = A;\n",
      'core/a.ts': "import type { B } from './b.js';\nexport type A = B;\n",
      'core/b.ts': "import type { A } from './a.js';\nexport type B = A | 1;\n",
    });
    expect(check(root).problems).toEqual(['import cycle: core/a.ts -> core/b.ts -> core/a.ts']);
  });

  it('finds the cycle when given a relative path too (as npm test passes src)', () => {
    const root = tree({
      'a.ts': "import type { B } from './b.js';\nexport type A = B;\n",
      'b.ts': "import { type A } from './a.js';\nexport type B = A | 1;\n",
    });
    const problems = check(relative(process.cwd(), root)).problems.filter((p) => p.startsWith('import cycle'));
    expect(problems).toEqual(['import cycle: a.ts -> b.ts -> a.ts']);
  });

  it('finds a folder over 15 files and a loose file at the top', () => {
    const files: Record<string, string> = { 'cli.ts': '', 'helpers.ts': '' };
    for (let i = 0; i < 16; i++) files[`core/f${i}.ts`] = '';
    const root = tree(files);
    expect(check(root).problems.sort()).toEqual([
      'core holds 16 source files (at most 15): split it into folders named for what they hold',
      `helpers.ts sits at the top of ${root}/: only cli.ts and context.ts belong there`,
    ]);
  });

  it('passes a tree whose arrows point one way, and passes src/', () => {
    const root = tree({ 'cli.ts': "import { a } from './core/a.js';\nexport const x = a;\n", 'core/a.ts': 'export const a = 1;\n' });
    expect(check(root)).toEqual({ files: 2, problems: [] });
    expect(check('src').problems).toEqual([]);
  });
});
