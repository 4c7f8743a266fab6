// Fails when src/ has an import cycle (type-only imports count: they couple files as much as value imports), or
// when a folder outgrows the layout (more than 15 source files, anything at the top besides the entry files).
// The direction of each arrow between layers is checked by eslint (import-x/no-restricted-paths in eslint.config.js).
//   node scripts/check-imports.mjs [DIR]     (DIR defaults to src)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const MAX_FILES_PER_FOLDER = 15;
const ENTRY_FILES = new Set(['cli.ts', 'context.ts']);

/** Every relative import of a file (static, type-only, re-export or dynamic), resolved to a .ts path. */
export function importsOf(file) {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => resolve(dirname(file), spec).replace(/\.js$/, '.ts'));
}

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Strongly connected components with more than one file (or a file importing itself): the cycles. */
export function findCycles(graph) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const cycles = [];
  const strong = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const c = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1 || graph.get(v)?.has(v)) cycles.push(c.reverse());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) strong(v);
  return cycles;
}

/** The problems found under `root`, as lines for a person. */
export function checkTree(dir) {
  // Absolute, as importsOf resolves imports to absolute paths: a relative root would match no import at all.
  const root = resolve(dir);
  const files = sourceFiles(root);
  const known = new Set(files);
  const graph = new Map(files.map((f) => [f, new Set(importsOf(f).filter((t) => known.has(t)))]));
  const problems = findCycles(graph).map((c) => `import cycle: ${[...c, c[0]].map((f) => relative(root, f)).join(' -> ')}`);
  const perFolder = new Map();
  for (const f of files) perFolder.set(dirname(f), (perFolder.get(dirname(f)) ?? 0) + 1);
  for (const [folder, n] of perFolder) {
    if (n > MAX_FILES_PER_FOLDER) problems.push(`${relative(root, folder) || '.'} holds ${n} source files (at most ${MAX_FILES_PER_FOLDER}): split it into folders named for what they hold`);
  }
  for (const f of files) {
    if (dirname(f) === resolve(root) && !ENTRY_FILES.has(relative(root, f))) problems.push(`${relative(root, f)} sits at the top of ${dir}/: only ${[...ENTRY_FILES].join(' and ')} belong there`);
  }
  return { files: files.length, problems };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? 'src';
  const { files, problems } = checkTree(root);
  for (const p of problems) console.error(p);
  console.log(`${root}: ${files} files, ${problems.length} import-layout problems`);
  process.exitCode = problems.length ? 1 : 0;
}
