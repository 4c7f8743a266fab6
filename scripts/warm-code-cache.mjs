// Run by scripts/build.mjs: loads the bundle the way bin/roadmap.js does, runs commands in-process against a temp
// ROADMAP_HOME (nothing printed, nothing outside the temp folder touched), then saves V8's code cache of the bundle
// files (packs, see build.mjs) that were loaded, next to them (dist/*.<V8 version>.v8cache: another Node's V8 would
// reject it, so it is not even read there). Functions that ran are in the cache as bytecode, so the next start-up
// neither parses nor compiles them.
//
// A cache holds only what ran in this process, and a chunk that two packs hold runs from the first pack loaded. So
// each group of commands runs in a fresh process, as a user's run would, and writes the caches of the packs it
// loaded that no earlier group wrote: `node warm-code-cache.mjs N` runs group N. The last group, the everyday
// commands, writes the cache of the start-up pack (cli.pack.cjs), which every run loads.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { generateRoadmap } from './bench-roadmap.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The groups, run in this order; `home` is the temp ROADMAP_HOME, `big` a generated 200 KB roadmap in it. */
export function warmGroups(home, big) {
  return [
    [['next', '--roadmap', big], ['list', '--json', '--roadmap', big]],
    [['validate', big]],
    [['add', big], ['update', 'big'], ['remove', 'big']],
    [['report', '--output', join(home, 'report.html')]],
    [['export', '--output', join(home, 'export.json')], ['import', join(home, 'export.json')]],
    [['doctor']],
    [['roadmaps'], ['use', 'go-backend']],
    [['completion', 'bash'], ['--help']],
    [['stats']],
    [['log']],
    [['note', '1.2', 'warm'], ['note', '1.2', '--list']],
    [['start', '1.2'], ['skip', '1.3'], ['done', '1.1'], ['reset', '1.1']],
    [['done', '1.1'], ['undo'], ['redo']],
    [['show', '1.2']],
    [['info']],
    [['list'], ['list', '--json']],
    [['__complete', '--', 'ne'], ['__complete', '--', 'done', '1.']],
    [['next'], ['next', '--json'], ['next', '--roadmap', big]],
    // The everyday commands, last: they write the start-up pack's cache. Not --help: it prints dist/help.txt where
    // output is not a terminal, so commander's help layout would only make the cache every run reads bigger.
    [['--version'], ['next'], ['done', '1.1'], ['reset', '1.1'], ['list'], ['__complete', '--', 'done', '1.'], ['next']],
  ];
}

async function runGroup(index) {
  const { codeCacheFile, loadBundle, scripts } = createRequire(import.meta.url)('../bin/roadmap.js');
  const { main } = loadBundle(join(root, 'dist', 'cli.cjs'));
  const home = mkdtempSync(join(tmpdir(), 'roadmap-warm-'));
  try {
    const big = join(home, 'big.md');
    writeFileSync(big, generateRoadmap(200 * 1024));
    const groups = warmGroups(home, big);
    const last = index === groups.length - 1;
    const printed = await runAll(main, groups[index], home);
    groups[index].forEach((args, i) => {
      // The program's help as commander renders it for output that is not a terminal: bin/roadmap.js prints this file then.
      if (args.length === 1 && args[0] === '--help') writeFileSync(join(root, 'dist', 'help.txt'), printed[i]);
    });
    for (const [file, script] of scripts) {
      const startup = file.endsWith(`${join('dist', 'cli.pack.cjs')}`) || file.endsWith(join('dist', 'cli.cjs'));
      if (startup ? last : !existsSync(codeCacheFile(file))) writeFileSync(codeCacheFile(file), script.createCachedData());
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/**
 * The everyday commands that get a start-up pack of their own (dist/start/<word>.pack.cjs, see build.mjs step 5), and
 * the runs that show what each loads. A word is what bin/roadmap.js finds as the command's name; an alias or a
 * command not here starts from cli.pack.cjs as before.
 */
export const START_RUNS = {
  next: [['next']],
  done: [['done', '1.1']],
  reset: [['reset', '1.1']],
  list: [['list']],
  __complete: [['__complete', '--', 'done', '1.']],
};

/**
 * A run with an option, after `next`'s start-up pack: a bare `next` or `list`, and `done`, `reset` with topic words
 * only, run without commander (src/cli.ts), so their packs lack it. This run loads commander from its own pack, whose
 * code cache `later` writes; the other commands' runs with options read the same pack and cache.
 */
export const LATER_RUNS = {
  next: [['next', '--json']],
};

/** Runs `runs` in this process against `home`, one after the other; fails on a non-zero exit. Returns what each printed. */
async function runAll(main, runs, home) {
  const printed = [];
  for (const args of runs) {
    let text = '';
    const sink = { write: (chunk) => ((text += chunk), true), isTTY: false };
    const stdin = Object.assign(new PassThrough(), { isTTY: false });
    stdin.end('');
    const code = await main(args, { io: { stdout: sink, stderr: sink, stdin }, env: { ROADMAP_HOME: home, PATH: process.env.PATH } });
    if (code !== 0) throw new Error(`roadmap ${args.join(' ')} exited ${code} while warming the code cache`);
    printed.push(text);
  }
  return printed;
}

/**
 * Step 5 of the build, one fresh process per mode: `prepare HOME` runs `list` so that HOME holds the bundled
 * roadmap's parse cache (a user's everyday run reads it from there); `trace WORD HOME` prints, as JSON, the bundle
 * files WORD's runs load (relative to dist/); `warm WORD HOME` loads the bundle through WORD's start-up pack, runs
 * them and saves that pack's code cache; `later WORD HOME` runs LATER_RUNS[WORD] the same way and saves the caches of
 * the other packs they loaded.
 */
async function startPackStep(mode, word, home) {
  const loader = createRequire(import.meta.url)('../bin/roadmap.js');
  const dist = join(root, 'dist');
  const pack = loader.startPackFile(dist, word);
  const { main } = loader.loadBundle(join(dist, 'cli.cjs'), mode === 'warm' || mode === 'later' ? pack : undefined);
  await runAll(main, mode === 'prepare' ? [['list']] : mode === 'later' ? LATER_RUNS[word] : START_RUNS[word], home);
  if (mode === 'trace') process.stdout.write(JSON.stringify(loader.loadedFiles().map((f) => f.slice(dist.length + 1))));
  if (mode === 'warm') {
    const script = loader.scripts.get(pack);
    if (!script) throw new Error(`${word}: its start-up pack was not read`);
    writeFileSync(loader.codeCacheFile(pack), script.createCachedData());
  }
  if (mode === 'later') {
    // The packs these runs loaded beyond the start-up pack, that no earlier step left a cache for.
    for (const [file, script] of loader.scripts) if (file !== pack && !existsSync(loader.codeCacheFile(file))) writeFileSync(loader.codeCacheFile(file), script.createCachedData());
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === 'prepare') await startPackStep('prepare', undefined, rest[0]);
  else if (mode === 'trace' || mode === 'warm' || mode === 'later') await startPackStep(mode, rest[0], rest[1]);
  else await runGroup(Number(mode ?? 0));
}
