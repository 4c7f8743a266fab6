// Runs npm scripts at the same time and prints each one's output whole when it ends, so they do not interleave.
// `npm test` uses it for the checks that do not depend on each other (tsc, eslint, the import check, the build):
// one waits on the disk while another computes, and on 2 cores two run at once. Exits 1 if any of them failed.
// Usage: node scripts/run-parallel.mjs SCRIPT...
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const results = await Promise.all(
  scripts.map(
    (name) =>
      new Promise((resolve) => {
        const started = Date.now();
        const child = spawn(npm, ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
        const output = [];
        child.stdout.on('data', (d) => output.push(d));
        child.stderr.on('data', (d) => output.push(d));
        child.on('close', (code) => {
          const text = Buffer.concat(output).toString();
          process.stdout.write(`> ${name}: ${code === 0 ? 'ok' : `failed (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s\n${text}`);
          resolve(code === 0);
        });
      }),
  ),
);
process.exitCode = results.every(Boolean) ? 0 : 1;
