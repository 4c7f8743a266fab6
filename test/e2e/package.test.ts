import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/bin.js';

let temp: string;
let tarball: string;
let packed: string[];
let source: string;

/** npm as a user runs it: without the npm_* variables `npm test` passes down, or colour settings of the shell. */
function npm(args: string[], cwd: string): { status: number | null; out: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_|^(NO|FORCE)_COLOR$/i.test(k)));
  const r = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--no-update-notifier'], { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function roadmap(prefix: string, args: string[], home: string): SpawnSyncReturns<string> {
  // From a folder that has nothing to do with the project, as after any global install.
  return spawnSync(join(prefix, 'bin', 'roadmap'), args, { cwd: home, env: { PATH: process.env.PATH, HOME: home, ROADMAP_HOME: home, CI: 'true' }, encoding: 'utf8' });
}

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'roadmap-package-'));
  // `npm pack` builds dist/ again and rewrites package.json for a moment: done on a copy of the sources, so the
  // other tests keep their dist/ while this runs.
  source = join(temp, 'source');
  for (const part of ['bin', 'roadmap', 'scripts', 'src', 'package.json', 'README.md', 'LICENSE', 'tsconfig.json']) {
    cpSync(join(ROOT, part), join(source, part), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(source, 'node_modules'), 'dir');
  const pack = npm(['pack', '--json', '--pack-destination', temp], source);
  expect(pack.status, pack.out).toBe(0);
  const report = JSON.parse(pack.out.slice(pack.out.indexOf('['), pack.out.lastIndexOf(']') + 1)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = join(temp, report[0]!.filename);
  packed = report[0]!.files.map((f) => f.path);
}, 120_000);

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

describe('the package as npm publishes it', () => {
  it('holds LICENSE, README.md, package.json, bin, dist and roadmap, and nothing else', () => {
    expect([...new Set(packed.map((p) => p.split('/')[0]))].sort()).toEqual(['LICENSE', 'README.md', 'bin', 'dist', 'package.json', 'roadmap']);
    expect(packed).toContain('dist/cli.cjs');
    expect(packed).toContain('roadmap/go-backend.md');
    expect(packed).toContain('dist/THIRD-PARTY-LICENSES.txt');
    expect(packed).not.toContain('dist/bundle-meta.json');
  });

  it('declares no runtime dependency (the bundle holds them) and no install-time script; packing left package.json as it was', () => {
    const manifest = JSON.parse(spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }).stdout) as { dependencies?: object; scripts: Record<string, string> };
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(Object.keys(manifest.scripts)).not.toContain('prepare');
    expect(readFileSync(join(source, 'package.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  });

  it('installs globally from the tarball without a warning, and roadmap next and list --json work from another folder', () => {
    const prefix = join(temp, 'prefix');
    const elsewhere = mkdtempSync(join(temp, 'user-'));
    const install = npm(['install', '-g', '--prefix', prefix, tarball], elsewhere);
    expect(install.status, install.out).toBe(0);
    expect(install.out).toContain('added 1 package');
    expect(install.out).not.toMatch(/npm warn|allowScripts/i);
    // Nothing but the package itself: no node_modules beside the bundle.
    expect(existsSync(join(prefix, 'lib', 'node_modules', 'roadmap', 'node_modules'))).toBe(false);

    const next = roadmap(prefix, ['next'], elsewhere);
    expect(next.status, next.stderr).toBe(0);
    expect(next.stdout).toMatch(/^1\.1 {2}Learn net\/http package/);
    const list = roadmap(prefix, ['list', '--json'], elsewhere);
    expect(list.status, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject({ schemaVersion: 1, roadmap: { id: 'go-backend' }, progress: { done: 0, total: 53 } });
  });
});
