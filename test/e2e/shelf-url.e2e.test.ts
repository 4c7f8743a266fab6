import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { spawnBin } from '../helpers/bin.js';
import { tempHome } from '../helpers/io.js';
import { PtySession } from '../helpers/pty.js';

const ROADMAP = '# Served Roadmap\n\n## Basics\n\n- First topic\n- Second topic\n\n## More\n\n- Third topic\n';

/** A real HTTP server on 127.0.0.1 with one route per case the fetcher must handle. */
let server: Server;
let base = '';
let changing = ROADMAP;
const routes: Record<string, (res: import('node:http').ServerResponse) => void> = {
  '/ok.md': (res) => res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' }).end(ROADMAP),
  '/owner/repo/HEAD/README.md': (res) => res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(ROADMAP.replace('Served', 'GitHub')),
  '/owner/repo/v2/docs/plan.md': (res) => res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(ROADMAP.replace('Served', 'Tagged')),
  '/changing.md': (res) => res.writeHead(200, { 'content-type': 'text/markdown' }).end(changing),
  '/missing.md': (res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found'),
  '/r1': (res) => res.writeHead(302, { location: '/r2' }).end(),
  '/r2': (res) => res.writeHead(301, { location: `${base}/r3` }).end(),
  '/r3': (res) => res.writeHead(307, { location: 'ok.md' }).end(),
  '/loop-a': (res) => res.writeHead(302, { location: '/loop-b' }).end(),
  '/loop-b': (res) => res.writeHead(302, { location: '/loop-a' }).end(),
  '/slow.md': () => {
    // Never answers: the idle timeout must end the wait.
  },
  '/huge.md': (res) => {
    res.writeHead(200, { 'content-type': 'text/markdown' });
    const chunk = Buffer.alloc(1024 * 1024, '- item\n');
    let sent = 0;
    const more = (): void => {
      while (sent < 20 && res.write(chunk)) sent++;
      if (sent >= 20) res.end();
      else res.once('drain', more);
    };
    res.on('error', () => undefined);
    more();
  },
  '/latin1.md': (res) => res.writeHead(200, { 'content-type': 'text/markdown' }).end(Buffer.from('# Caf\xe9 roadmap\n\n## S\n\n- Cr\xe8me\n', 'latin1')),
  '/trickle.md': (res) => {
    // A 40 KB roadmap in pieces with pauses, so a terminal sees the bytes arrive.
    const body = Buffer.from(`# Trickled Roadmap\n\n## Only\n\n${Array.from({ length: 4000 }, (_, i) => `- Topic ${i}`).join('\n')}\n`);
    res.writeHead(200, { 'content-type': 'text/markdown', 'content-length': String(body.length) });
    const pieces = 8;
    const size = Math.ceil(body.length / pieces);
    let i = 0;
    const timer = setInterval(() => {
      res.write(body.subarray(i * size, (i + 1) * size));
      if (++i >= pieces) {
        clearInterval(timer);
        res.end();
      }
    }, 150);
  },
  '/page.html': (res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><html><body><h1>Roadmap</h1></body></html>'),
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes[req.url ?? ''];
    if (route) route(res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('roadmap add URL, against a local HTTP server', () => {
  let home: ReturnType<typeof tempHome>;
  beforeEach(() => {
    home = tempHome();
  });
  afterEach(() => {
    home.cleanup();
  });
  const add = (url: string, ...rest: string[]) => spawnBin(['add', url, ...rest], { home: home.dir, env: { ROADMAP_FETCH_TIMEOUT_MS: '400', ROADMAP_GITHUB_RAW_BASE: base } });
  const nothingAdded = async (): Promise<void> => {
    const r = await spawnBin(['roadmaps', '--json'], { home: home.dir });
    expect((JSON.parse(r.stdout) as { roadmaps: unknown[] }).roadmaps).toHaveLength(1);
    expect(existsSync(join(home.dir, 'roadmaps')) ? readdirSync(join(home.dir, 'roadmaps')) : []).toEqual([]);
  };

  it('adds a 200 answer, keeps a copy and makes it current', async () => {
    const r = await add(`${base}/ok.md`);
    expect(r.stderr).toContain('It is your current roadmap');
    expect(r.stdout).toBe(`Added "Served Roadmap" as ok (2 sections, 3 topics) from ${base}/ok.md.\n`);
    expect(r.code).toBe(0);
    const list = await spawnBin(['list', '--json'], { home: home.dir });
    const doc = JSON.parse(list.stdout) as { roadmap: unknown; sections: Array<{ topics: Array<{ title: string }> }> };
    expect(doc.roadmap).toEqual({ id: 'ok', name: 'ok', title: 'Served Roadmap', source: `${base}/ok.md` });
    expect(doc.sections.flatMap((s) => s.topics.map((t) => t.title))).toEqual(['First topic', 'Second topic', 'Third topic']);
    expect(readdirSync(join(home.dir, 'roadmaps'))).toEqual(['ok.md']);
  });

  it('follows a chain of 3 redirects', async () => {
    const r = await add(`${base}/r1`, '--name', 'chained');
    expect(r.stdout).toContain('Added "Served Roadmap" as chained');
    expect(r.code).toBe(0);
  });

  it('maps github: to the raw file URL (README.md and HEAD by default, a path and @ref when given)', async () => {
    const a = await add('github:owner/repo');
    expect(a.stdout).toBe('Added "GitHub Roadmap" as repo (2 sections, 3 topics) from github:owner/repo/README.md.\n');
    const b = await add('github:owner/repo/docs/plan.md@v2');
    expect(b.stdout).toBe('Added "Tagged Roadmap" as plan (2 sections, 3 topics) from github:owner/repo/docs/plan.md@v2.\n');
  });

  it.each([
    ['a 404', '/missing.md', /error: http:\/\/127\.0\.0\.1:\d+\/missing\.md was not found \(HTTP 404\)/],
    ['a redirect loop', '/loop-a', /error: http:\/\/127\.0\.0\.1:\d+\/loop-a redirects in a loop/],
    ['slow headers', '/slow.md', /error: 127\.0\.0\.1:\d+ stopped answering: nothing arrived for 0\.4 s \(timeout\)/],
    ['a 20 MB body', '/huge.md', /error: http:\/\/127\.0\.0\.1:\d+\/huge\.md is too big for a roadmap: more than 16 MiB \(at most 16 MiB\); nothing was added/],
    ['a body that is not UTF-8', '/latin1.md', /error: http:\/\/127\.0\.0\.1:\d+\/latin1\.md did not send UTF-8 text \(byte 0xe9 at offset 5 is not UTF-8\)/],
    ['an HTML page', '/page.html', /error: http:\/\/127\.0\.0\.1:\d+\/page\.html sent an HTML page, not a Markdown file\n.*Raw/],
  ])('refuses %s with one clear error and adds nothing', async (_what, path, message) => {
    const r = await add(`${base}${path}`);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(1);
    await nothingAdded();
  });

  it('says the connection was refused when nothing listens on the port', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const r = await add(`http://127.0.0.1:${port}/x.md`);
    expect(r.stderr).toBe(`error: 127.0.0.1:${port} refused the connection\ncheck the address and port: nothing is answering there\n`);
    expect(r.code).toBe(1);
  });

  it('names a host that does not exist (DNS)', async () => {
    // .invalid never resolves (RFC 6761): the answer is "no such host", or "try again" without a resolver.
    const r = await add('http://no-such-host.invalid/roadmap.md');
    expect(r.stderr).toBe('error: cannot find the host no-such-host.invalid (DNS lookup failed)\ncheck the address for typos, and your network connection\n');
    expect(r.code).toBe(1);
  });

  it('on a terminal, shows a spinner with the bytes received', async () => {
    const session = new PtySession(['add', `${base}/trickle.md`], { home: home.dir });
    try {
      await session.waitFor(/Fetching http:\/\/127\.0\.0\.1:\d+\/trickle\.md: [\d.]+ KB of [\d.]+ KB received/);
      const { exitCode } = await session.exited;
      expect(session.text).toContain('Added "Trickled Roadmap" as trickle (1 section, 4000 topics)');
      expect(exitCode).toBe(0);
    } finally {
      session.kill();
    }
  });

  it('roadmap update fetches the URL again and says what changed', async () => {
    changing = ROADMAP;
    expect((await add(`${base}/changing.md`)).code).toBe(0);
    changing = ROADMAP.replace('- Third topic\n', '- Third topic\n- Fourth topic\n');
    const r = await spawnBin(['update'], { home: home.dir });
    expect(r.stdout).toBe(`Updated changing from ${base}/changing.md: 1 topic added, 0 removed, 0 renamed.\n  + 2.2 Fourth topic\n`);
    expect(r.code).toBe(0);
  });

  it('reads only http and https', async () => {
    const r = await add('ftp://127.0.0.1/x.md');
    expect(r.stderr).toContain('error: ftp://127.0.0.1/x.md: only http and https addresses can be read, not ftp');
    expect(r.code).toBe(1);
  });
});
