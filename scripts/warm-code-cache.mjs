// Run by scripts/build.mjs in a fresh Node process: loads the bundle the way bin/roadmap.js does, runs the common
// commands in-process against a temp ROADMAP_HOME (nothing printed, nothing outside the temp folder touched), then
// saves V8's code cache of every bundle file that was loaded, next to it (dist/*.cjs.<V8 version>.v8cache: another
// Node's V8 would reject it, so it is not even read there). Functions that ran are in the cache as bytecode, so the
// next start-up neither parses nor compiles them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { generateRoadmap } from './bench-roadmap.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { codeCacheFile, loadBundle, scripts } = createRequire(import.meta.url)('../bin/load-bundle.js');
const { main } = loadBundle(join(root, 'dist', 'cli.cjs'));

const home = mkdtempSync(join(tmpdir(), 'roadmap-warm-'));
try {
  const big = join(home, 'big.md');
  writeFileSync(big, generateRoadmap(200 * 1024));
  // V8 drops the bytecode of functions that have not run for a few full garbage collections, and a cache holds only
  // what is compiled when it is made: so the runs that collect the most (big roadmaps, rare commands) come first and
  // the everyday commands last, where their code is fresh when the caches are written.
  const runs = [
    ['next', '--roadmap', big], ['list', '--json', '--roadmap', big], ['validate', big], ['add', big], ['update', 'big'], ['remove', 'big'],
    // Every command that runs without a terminal, so that its pack (see build.mjs) has a code cache too.
    ['report', '--output', join(home, 'report.html')], ['export', '--output', join(home, 'export.json')], ['import', join(home, 'export.json')],
    ['doctor'], ['roadmaps'], ['use', 'go-backend'], ['completion', 'bash'], ['stats'], ['log'], ['note', '1.2', 'warm'], ['note', '1.2', '--list'],
    ['start', '1.2'], ['skip', '1.3'], ['undo'], ['redo'], ['show', '1.2'], ['info'], ['list'], ['list', '--json'], ['next', '--json'],
    ['next', '--roadmap', big], ['done', '1.1'], ['reset', '1.1'], ['done', '1.1'], ['__complete', '--', 'ne'], ['__complete', '--', 'done', '1.'],
    ['--version'], ['--help'], ['next'], ['next'],
  ];
  for (const args of runs) {
    let printed = '';
    const sink = { write: (text) => ((printed += text), true), isTTY: false };
    const stdin = Object.assign(new PassThrough(), { isTTY: false });
    stdin.end('');
    const code = await main(args, { io: { stdout: sink, stderr: sink, stdin }, env: { ROADMAP_HOME: home, PATH: process.env.PATH } });
    if (code !== 0) throw new Error(`roadmap ${args.join(' ')} exited ${code} while warming the code cache`);
    // The program's help as commander renders it for output that is not a terminal: src/cli.ts prints this file then.
    if (args.length === 1 && args[0] === '--help') writeFileSync(join(root, 'dist', 'help.txt'), printed);
  }
  for (const [file, script] of scripts) writeFileSync(codeCacheFile(file), script.createCachedData());
} finally {
  rmSync(home, { recursive: true, force: true });
}
