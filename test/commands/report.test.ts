import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planStatus, recordEvent } from '../../src/core/progress/history.js';
import { ConfStore } from '../../src/store/conf-store.js';
import { run, tempHome } from '../helpers/io.js';
import { corpusPath, describeWithSharedData } from '../helpers/shared-data.js';
import { smallRoadmap, type SmallRoadmap } from '../helpers/small-roadmap.js';

let t: SmallRoadmap;
beforeEach(() => {
  t = smallRoadmap();
});
afterEach(() => {
  t.cleanup();
});

const NOW = new Date('2025-03-12T15:00:00.000Z');
const noon = (daysAgo: number): string => new Date(Date.UTC(2025, 2, 12 - daysAgo, 12)).toISOString();

/** What the browser stand-in wrote: the shell creates the file before printf fills it, so wait for its text. */
async function waitFor(file: string): Promise<string> {
  for (let i = 0; i < 100 && !(existsSync(file) && readFileSync(file, 'utf8') !== ''); i++) await new Promise((r) => setTimeout(r, 50));
  return readFileSync(file, 'utf8');
}

describe('report: where the page goes', () => {
  it('piped without -o: the page on stdout, nothing on stderr, no file', async () => {
    const r = await t.rm(['report'], { cwd: t.home });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>\n/);
    expect(r.stdout).toContain('<h1 id="roadmap-title">Test Roadmap</h1>');
    expect(r.stderr).toBe('');
    expect(existsSync(join(t.home, 'roadmap-report.html'))).toBe(false);
  });

  it('on a terminal without -o: roadmap-report.html in the current folder, and its name on stderr', async () => {
    await t.rm(['done', '1.1']);
    const r = await t.rm(['report'], { cwd: t.home, tty: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('Wrote the report to roadmap-report.html (1/6 done, 17%)\n');
    expect(readFileSync(join(t.home, 'roadmap-report.html'), 'utf8')).toContain('<li class="topic" data-status="done" data-number="1.1">');
  });

  it('-o FILE writes there (replacing an older report); -o - prints it', async () => {
    writeFileSync(join(t.home, 'out.html'), 'old');
    const r = await t.rm(['report', '-o', 'out.html'], { cwd: t.home });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Wrote the report to out.html (0/6 done, 0%)\n');
    expect(readFileSync(join(t.home, 'out.html'), 'utf8')).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
    const dash = await t.rm(['report', '-o', '-'], { cwd: t.home, tty: true });
    expect(dash.stdout).toMatch(/^<!doctype html>/);
  });

  it('refuses to write over the roadmap itself or the progress file (exit 2), and says why it cannot write (exit 1)', async () => {
    const over = await t.rm(['report', '-o', t.file], { cwd: t.home });
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('is the roadmap the report is made from; writing over it would destroy it');
    expect(readFileSync(t.file, 'utf8')).toContain('# Test Roadmap');
    const store = new ConfStore(t.home).location;
    const progress = await t.rm(['report', '-o', store], { cwd: t.home });
    expect(progress.code).toBe(2);
    expect(progress.stderr).toContain('is the progress file itself');
    const missing = await t.rm(['report', '-o', 'no/such/folder/r.html'], { cwd: t.home });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('error: cannot write no/such/folder/r.html: no such folder\ncheck that the folder exists and that you may write there, or print the page with: roadmap report -o -\n');
    const folder = await t.rm(['report', '-o', t.home], { cwd: t.home });
    expect(folder.code).toBe(1);
    expect(folder.stderr).toMatch(/cannot write .*: (it is a folder|permission denied)/);
  });

  it('--open with -o - is a usage error', async () => {
    const r = await t.rm(['report', '-o', '-', '--open'], { cwd: t.home });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--open needs a file');
  });
});

describe('report --open', () => {
  it('opens the written file in $BROWSER as a file:// url', async () => {
    const browser = join(t.home, 'browser.sh');
    writeFileSync(browser, `#!/bin/sh\nprintf '%s' "$1" > '${join(t.home, 'opened.txt')}'\n`);
    chmodSync(browser, 0o755);
    const r = await t.rm(['report', '--open'], { cwd: t.home, env: { BROWSER: browser } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Wrote the report to roadmap-report.html (0/6 done, 0%)\nOpened it in your browser.\n');
    expect(await waitFor(join(t.home, 'opened.txt'))).toBe(pathToFileURL(join(t.home, 'roadmap-report.html')).href);
  });

  it('without a browser, prints where the report is', async () => {
    const r = await t.rm(['report', '-o', 'mine.html', '--open'], { cwd: t.home, env: { PATH: join(t.home, 'no-bin') } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`No browser to open it here; the report is at:\n  ${join(t.home, 'mine.html')}\n`);
  });
});

describe('report: the figures of stats', () => {
  it('weeks, streak, pace and finish date on the page are the ones stats --json gives at the same time', async () => {
    const id = (JSON.parse((await t.rm(['info', '--json'])).stdout) as { roadmap: { id: string } }).roadmap.id;
    let n = 0;
    await new ConfStore(t.home).update(id, (state) => {
      for (const [topic, daysAgo] of [['basics/alpha', 0], ['basics/beta/beta-one', 1], ['advanced/delta', 9]] as const) {
        recordEvent(state, { id: `e${++n}`, at: noon(daysAgo) }, { action: 'done', changes: planStatus(state, [topic], 'done') });
      }
    });
    const stats = JSON.parse((await t.rm(['stats', '--json'], { now: () => NOW })).stdout) as {
      weeks: Array<{ start: string; finished: number }>;
      streak: { current: number; longest: number };
      pace: { perWeek: number; windowDays: number; projectedFinish: string };
    };
    const html = (await t.rm(['report'], { now: () => NOW })).stdout;
    const weeks = [...html.matchAll(/data-week="([^"]+)" data-finished="(\d+)"/g)].map((m) => ({ start: m[1], finished: Number(m[2]) }));
    expect(weeks).toEqual(stats.weeks);
    expect(html).toContain(`data-stat="streak" data-current="${stats.streak.current}" data-longest="${stats.streak.longest}"`);
    expect(html).toContain(`data-stat="pace" data-per-week="${stats.pace.perWeek}" data-window-days="${stats.pace.windowDays}"`);
    expect(html).toContain(`<time datetime="${stats.pace.projectedFinish}">${stats.pace.projectedFinish}</time>`);
    expect(html).toContain(`<time datetime="${NOW.toISOString()}">`);
    // A parent shows the status its subtopics give it.
    expect(html).toContain('<li class="topic" data-status="in-progress" data-number="1.2">');
  });
});

/** The real roadmaps beside the project: a roadmap.sh page, a long README and a curriculum. */
const CORPUS_FILES = ['jwasham__coding-interview-university__README.md', 'ossu__computer-science__README.md', 'milanm__DevOps-Roadmap__README.md'];

describeWithSharedData('report on real roadmaps', () => {
  it.each(CORPUS_FILES)('%s: every section and topic is on the page', async (file) => {
    const home = tempHome();
    try {
      const path = corpusPath(file);
      const list = JSON.parse((await run(['list', '--json', '--roadmap', path], { home: home.dir })).stdout) as { sections: Array<{ title: string; topics: unknown[] }> };
      const topics = (JSON.stringify(list).match(/"status":/g) ?? []).length;
      const r = await run(['report', '-o', 'r.html', '--roadmap', path], { home: home.dir, cwd: home.dir });
      expect(r.code).toBe(0);
      const html = readFileSync(join(home.dir, 'r.html'), 'utf8');
      expect(html.match(/<article class="section/g)).toHaveLength(list.sections.length);
      expect(html.match(/<li class="topic"/g)).toHaveLength(topics);
      expect(html).not.toMatch(/<script\b/);
    } finally {
      home.cleanup();
    }
  });
});
