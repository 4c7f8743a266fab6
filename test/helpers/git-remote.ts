import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { describe } from 'vitest';
import { spawnBin, type SpawnResult } from './bin.js';

/**
 * Real git for the sync tests: a bare repository on disk is the remote, each ROADMAP_HOME is a machine. git runs with
 * a test identity and HOME set to the machine's temp folder, so the machine's own git config is neither needed nor
 * touched. Without git on PATH the sync tests are skipped with one line, unless ROADMAP_REQUIRE_SHARED=1 (CI) says
 * to fail.
 */
export const GIT_ENV: NodeJS.ProcessEnv = {
  GIT_AUTHOR_NAME: 'Test Learner',
  GIT_AUTHOR_EMAIL: 'learner@example.invalid',
  GIT_COMMITTER_NAME: 'Test Learner',
  GIT_COMMITTER_EMAIL: 'learner@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
};

const probe = spawnSync('git', ['--version'], { encoding: 'utf8' });
/** Why the sync tests cannot run, or undefined when git is there. */
export const gitMissing: string | undefined = probe.status === 0 ? undefined : 'git is not on PATH';
if (gitMissing) {
  if (process.env.ROADMAP_REQUIRE_SHARED === '1') throw new Error(`the sync tests need git, and ${gitMissing} (ROADMAP_REQUIRE_SHARED=1 asks to fail instead of skipping)`);
  process.stderr.write(`Skipping the sync tests: ${gitMissing}. Install git to run them.\n`);
}

/** `describe` for tests that run real git: skipped, with the line above, when git is missing. */
export const describeWithGit = describe.skipIf(gitMissing !== undefined);

/** Runs git for the test itself (making remotes, damaging them, reading their log), with the test identity. */
export function gitIn(cwd: string, args: string[], home: string): string {
  return execFileSync('git', args, { cwd, env: { PATH: process.env.PATH, HOME: home, ...GIT_ENV }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A new bare repository at `path`, its HEAD on main: the remote a learner would create. */
export function bareRemote(path: string, home: string): string {
  execFileSync('git', ['init', '--quiet', '--bare', path], { env: { PATH: process.env.PATH, HOME: home, ...GIT_ENV } });
  gitIn(path, ['symbolic-ref', 'HEAD', 'refs/heads/main'], home);
  return path;
}

/** One machine: its own ROADMAP_HOME (and HOME), running the built bin on the bundled roadmap. */
export class Machine {
  constructor(
    readonly home: string,
    readonly env: NodeJS.ProcessEnv = {},
  ) {}

  run(args: string[], extra: NodeJS.ProcessEnv = {}): Promise<SpawnResult> {
    return spawnBin(args, { home: this.home, env: { ...GIT_ENV, ...this.env, ...extra }, timeoutMs: 60_000 });
  }

  /** Runs and expects exit 0, showing stderr when not. */
  async ok(args: string[], extra: NodeJS.ProcessEnv = {}): Promise<SpawnResult> {
    const r = await this.run(args, extra);
    if (r.code !== 0) throw new Error(`roadmap ${args.join(' ')} exited ${String(r.code)}:\n${r.stderr}${r.stdout}`);
    return r;
  }

  /** Topic number -> status, for every topic that is not pending. */
  async statuses(): Promise<Record<string, string>> {
    const r = await this.ok(['list', '--json']);
    const out: Record<string, string> = {};
    type T = { number: string; status: string; children: T[] };
    const walk = (topics: T[]): void => {
      for (const t of topics) {
        if (t.status !== 'pending') out[t.number] = t.status;
        walk(t.children);
      }
    };
    for (const s of (JSON.parse(r.stdout) as { sections: Array<{ topics: T[] }> }).sections) walk(s.topics);
    return out;
  }

  /** The texts of every note, sorted. */
  async notes(): Promise<string[]> {
    const r = await this.ok(['export']);
    return (JSON.parse(r.stdout) as { notes: Array<{ text: string }> }).notes.map((n) => n.text).sort();
  }

  /** The progress file's bytes, to show a failed sync left it alone. */
  progressFile(): string {
    return readFileSync(join(this.home, 'progress.json'), 'utf8');
  }

  /** Installs a git hook in this machine's sync repository (a shell script, as git runs hooks). */
  hook(name: string, script: string): void {
    const path = join(this.home, 'sync', '.git', 'hooks', name);
    writeFileSync(path, `#!/bin/sh\n${script}\n`);
    chmodSync(path, 0o755);
  }
}

/**
 * A real git server over HTTP on 127.0.0.1: git's own http-backend behind Basic authentication, so a URL with a
 * token in it (http://user:token@127.0.0.1:port/x.git) is really used to clone, fetch and push.
 */
export async function startGitHttpServer(root: string, user: string, token: string, home: string): Promise<{ port: number; server: Server }> {
  const expected = `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`;
  const server = createServer((req, res) => {
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const cgi = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        HOME: home,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        REMOTE_USER: user,
        REMOTE_ADDR: '127.0.0.1',
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        GIT_PROTOCOL: typeof req.headers['git-protocol'] === 'string' ? req.headers['git-protocol'] : '',
      },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    req.pipe(cgi.stdin);
    let head = Buffer.alloc(0);
    let started = false;
    cgi.stdout.on('data', (chunk: Buffer) => {
      if (started) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      started = true;
      let status = 200;
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number(value.split(' ')[0]);
        else res.setHeader(name, value);
      }
      res.writeHead(status);
      res.write(head.subarray(end + 4));
    });
    cgi.on('close', () => res.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the test git server has no port');
  return { port: address.port, server };
}
