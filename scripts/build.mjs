// Bundles the CLI and its packages into dist/: one file starts much faster than a tree of node_modules imports.
// Code behind a dynamic import() (prompts, spinner, the Markdown parser) goes into its own chunk, so a command
// loads only what it uses. Run by `npm run build` and `prepare`.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, transform } from 'esbuild';
import { HEAVY_BUILTINS, LAZY_HELPER, lazyNamedImports } from './lazy-builtins.mjs';
import { LATER_RUNS, START_RUNS, warmGroups } from './warm-code-cache.mjs';

const heavy = new RegExp(`^(node:)?(${HEAVY_BUILTINS.join('|')})$`);

const root = new URL('..', import.meta.url).pathname;

/**
 * Builtins that cost milliseconds to load (child_process brings net and dgram; crypto a dozen modules) but that most
 * runs never call: commander's executable subcommands, opening a browser, an id for an undo record. They are loaded
 * on first use instead of at start-up, wherever they are imported.
 */
/**
 * Work that packages do when imported although roadmap never needs it, left out of start-up:
 * - chalk's default instance measures the terminal (node:tty and node:os) at import; roadmap only makes instances
 *   with an explicit level (src/ui/theme.ts) and asks ora for an uncoloured spinner, so the default stays colourless.
 * - require() of a heavy builtin from a CommonJS package (commander's node:child_process) returns a lazy module.
 */
const lighterStartup = {
  name: 'lighter-startup',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'chalk')}`) ? { path: args.path, namespace: 'no-color-probe' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'no-color-probe' }, () => ({
      contents: 'export function createSupportsColor() { return false; }\nexport default { stdout: false, stderr: false };',
      loader: 'js',
    }));
    b.onResolve({ filter: heavy }, (args) => (args.kind === 'require-call' && args.namespace !== 'lazy-builtin' ? { path: args.path, namespace: 'lazy-builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({ contents: `${LAZY_HELPER}module.exports = __roadmapLazy(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

/** Files whose change can change a parse result: every source file and the Markdown lexer's version. */
function parserFingerprint() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) hash.update(path.slice(root.length)).update(readFileSync(path));
    }
  };
  walk(join(root, 'src'));
  hash.update(readFileSync(join(root, 'node_modules', 'marked', 'package.json')));
  return hash.digest('hex').slice(0, 16);
}

// Chunk names carry a hash, so old ones would pile up.
rmSync(join(root, 'dist'), { recursive: true, force: true });

// Step 1: esbuild bundles and splits. Every dynamic import() becomes its own chunk, loaded only when reached, and
// code shared by several chunks is in exactly one chunk (so classes such as CliError have one identity).
const result = await build({
  absWorkingDir: root,
  // The spinner's worker thread is a file of its own (src/ui/spinner.ts), beside the CLI.
  entryPoints: ['src/cli.ts', 'src/ui/spinner-worker.ts'],
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  // Chunks sit beside cli.cjs: code that finds files relative to its own file (the bundled roadmap, package.json)
  // works from any of them.
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  minifySyntax: true,
  legalComments: 'linked',
  plugins: [lighterStartup],
  define: { __ROADMAP_PARSER_FINGERPRINT__: JSON.stringify(parserFingerprint()), __ROADMAP_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) },
  metafile: true,
  write: false,
  logLevel: 'warning',
});

// Step 2: each chunk becomes CommonJS. Node starts a CommonJS program about 6 ms sooner than the same code as ES
// modules (no ESM loader, no module facades over builtins), which is a third of the tool's whole start-up cost.
// import() between chunks becomes a require() inside a promise, still loaded only when reached.
mkdirSync(join(root, 'dist'), { recursive: true });
for (const file of result.outputFiles) {
  if (!file.path.endsWith('.cjs')) {
    writeFileSync(file.path, file.contents);
    continue;
  }
  // import.meta.url becomes a getter, worked out on first use: a URL costs a few tenths of a ms the first time in a
  // process, and most chunks that mention it never need it on a given run. import.meta.dirname is CommonJS's own.
  const usesMetaUrl = file.text.includes('import.meta.url');
  const cjs = await transform(file.text, {
    format: 'cjs',
    loader: 'js',
    target: 'node20',
    supported: { 'dynamic-import': false },
    define: { 'import.meta.dirname': '__dirname', ...(usesMetaUrl ? { 'import.meta.url': '__roadmapMeta.url' } : {}) },
    banner: usesMetaUrl ? 'var __roadmapMeta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };' : '',
    logLevel: 'warning',
  });
  // test/build/lazy-builtins.test.ts fails if esbuild stops writing the shape this rewrite matches.
  writeFileSync(file.path, lazyNamedImports(cjs.code));
}
// Step 3: packs. A run loads the entry (cli.cjs) and every chunk it requires, then the chunk of the command it
// names and the chunks that requires: some 20 files of a few hundred bytes to 100 KB each, and each file costs a
// read, a stat and a compile of its own. A pack holds, as functions not yet run, all the chunks one of those steps
// loads (cli.pack.cjs: everything cli.cjs requires; next-X.pack.cjs: what next-X.cjs requires beyond that), so each
// step is one file and one code cache. The loader in bin/roadmap.js runs a chunk from a pack when one holds it; a
// chunk in two packs still runs once. The chunk files stay: a chunk no pack holds is loaded from its own file.
writePacks(result.metafile);

// Step 4: V8 code caches for the loader in bin/roadmap.js, made by warm-up runs: one fresh process per group of
// commands, as a user's runs are (see warm-code-cache.mjs for why).
const groups = warmGroups('', '').length;
for (let group = 0; group < groups; group++) warmCodeCache(String(group));

// Step 5: a start-up pack for each everyday command (dist/start/<word>.pack.cjs): the entry, every chunk that command
// loads on an everyday run (progress stored, the roadmap's parse cache warm) and their code cache, in one file. It
// replaces reading cli.pack.cjs and then the command's own pack: one file and one code cache fewer, and a code cache
// of only what that command runs (V8 reads a cache in time proportional to its size). bin/roadmap.js picks the pack
// by the command's name; any other command, or a chunk the pack lacks, is loaded as in step 3.
writeStartPacks();

// Which chunks load which, statically or lazily: test/e2e/bundle.test.ts checks that heavy packages stay lazy.
writeFileSync(join(root, 'dist', 'bundle-meta.json'), JSON.stringify(result.metafile));

/**
 * The licence of every package inside the bundle, in one file beside it. The published package declares no
 * dependencies (the bundle holds them), so this is where their copyright notices travel, as their licences ask.
 */
function thirdPartyLicenses(inputs) {
  const packages = new Set();
  for (const input of Object.keys(inputs)) {
    const dir = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
    if (dir) packages.add(dir);
  }
  const parts = [...packages].sort().map((dir) => {
    const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    const file = readdirSync(join(root, dir)).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = file ? readFileSync(join(root, dir, file), 'utf8').trim() : `License: ${pkg.license ?? 'see the package'}`;
    return `${pkg.name}@${pkg.version}\n\n${text}\n`;
  });
  return `roadmap's dist/ bundles these packages. Their licences follow.\n\n${parts.join(`\n${'-'.repeat(80)}\n\n`)}`;
}
writeFileSync(join(root, 'dist', 'THIRD-PARTY-LICENSES.txt'), thirdPartyLicenses(result.metafile.inputs));

/** The text of a pack: the chunks of dist/ named in `members`, as functions not yet run (see step 3). */
function packText(members) {
  const body = members.map((f) => {
    const name = f.slice('dist/'.length);
    return `define(${JSON.stringify(name)}, function (exports, require, module, __filename, __dirname) {\n${readFileSync(join(root, f), 'utf8')}\n});\n`;
  });
  // All ASCII (esbuild escapes everything else but comments), so the loader reads it without decoding UTF-8.
  return `module.exports = function (define) {\n${body.join('')}};\n`.replace(/[^\0-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Runs scripts/warm-code-cache.mjs with `args` in a fresh Node; returns what it printed. */
function warmCodeCache(...args) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'warm-code-cache.mjs'), ...args], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`warming the code cache failed: ${args.slice(0, 2).join(' ')}`);
  return r.stdout;
}

/** Step 5: what each everyday command loads, traced in a fresh process, written as one pack and warmed in another. */
function writeStartPacks() {
  const home = mkdtempSync(join(tmpdir(), 'roadmap-start-packs-'));
  try {
    mkdirSync(join(root, 'dist', 'start'), { recursive: true });
    warmCodeCache('prepare', home);
    for (const word of Object.keys(START_RUNS)) {
      const files = JSON.parse(warmCodeCache('trace', word, home));
      writeFileSync(join(root, 'dist', 'start', `${word}.pack.cjs`), packText(files.map((f) => `dist/${f}`)));
      warmCodeCache('warm', word, home);
      if (LATER_RUNS[word]) warmCodeCache('later', word, home);
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** Writes a pack beside the entry and beside each chunk a dynamic import() loads; see step 3. */
function writePacks(meta) {
  const chunk = (path) => path.startsWith('dist/') && path.endsWith('.cjs');
  const closure = (start) => {
    const seen = new Set();
    const visit = (out) => {
      if (seen.has(out)) return;
      seen.add(out);
      for (const i of meta.outputs[out].imports) if (i.kind === 'import-statement' && chunk(i.path)) visit(i.path);
    };
    visit(start);
    return seen;
  };
  const entryPack = closure('dist/cli.cjs');
  // commander is imported lazily (a pre-rendered --help needs none of it) but every other run needs it: its chunks go
  // into the start-up pack as well, as functions that only run when required, so a command reads one file fewer.
  for (const [out, o] of Object.entries(meta.outputs)) {
    if (chunk(out) && Object.keys(o.inputs).some((i) => i.startsWith('node_modules/commander/'))) for (const f of closure(out)) entryPack.add(f);
  }
  // Each chunk an import() loads, with the chunks that import it: what those import statically has run already.
  const importers = new Map();
  for (const [out, o] of Object.entries(meta.outputs)) {
    for (const i of o.imports) if (i.kind === 'dynamic-import' && chunk(i.path)) importers.set(i.path, [...(importers.get(i.path) ?? []), out]);
  }
  // An entry that only re-exports what the start-up pack holds (import('commander') gives one) goes into that pack
  // too: on its own it would cost a file, a stat and a code cache for a few hundred bytes. It also gets a pack of its
  // own, with what it re-exports: a run that starts from a command's start-up pack without commander (a bare
  // `roadmap next`, see step 5) loads commander from there when a later run of that command has options.
  const reexports = [];
  for (const entry of importers.keys()) {
    const members = [...closure(entry)];
    if (members.every((f) => f === entry || entryPack.has(f))) {
      entryPack.add(entry);
      reexports.push([entry, members]);
    }
  }
  const loadedBefore = (entry) => {
    const sets = importers.get(entry).map(closure);
    return new Set([...sets[0]].filter((f) => sets.every((s) => s.has(f))));
  };
  const packs = [
    ['dist/cli.cjs', [...entryPack]],
    ...reexports,
    ...[...importers.keys()].map((entry) => {
      const before = loadedBefore(entry);
      return [entry, [...closure(entry)].filter((f) => !entryPack.has(f) && !before.has(f))];
    }),
  ];
  for (const [entry, members] of packs) {
    if (members.length < 2) continue;
    writeFileSync(join(root, entry.replace(/\.cjs$/, '.pack.cjs')), packText(members));
  }
}
