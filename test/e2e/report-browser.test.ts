import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planStatus, recordEvent } from '../../src/core/progress/history.js';
import { ConfStore } from '../../src/store/conf-store.js';
import { ROOT, spawnBin } from '../helpers/bin.js';
import { CHROMIUM, pageRequests, runChromium } from '../helpers/chromium.js';
import { tempHome } from '../helpers/io.js';
import { brightnessVariance, decodePng, pngSize } from '../helpers/png.js';
import { requirementMet } from '../helpers/requirement.js';

/**
 * `roadmap report` in a real browser: Debian's headless Chromium loads the page the built bin wrote. Each launch
 * costs seconds, so there are few: the DOM of a report, the same page as pixels online and offline (with net logs),
 * a control page that does make a request, a hostile roadmap's DOM, and a phone-sized screenshot.
 * ROADMAP_UPDATE_SCREENSHOT=1 saves the desktop screenshot as docs/report.png for the README.
 */
const ready = requirementMet('the report tests in headless Chromium (test/e2e/report-browser.test.ts)', CHROMIUM ? undefined : 'chromium is not installed', 'apt-get install -y chromium (as root)');

const WIDTH = 1100;
const HEIGHT = 1400;
/** Brightness variance of a page with text, bars and cards is in the thousands; a blank page's is 0. */
const NOT_BLANK = 150;

type TopicJson = { id: string; number: string; title: string; status: string; children: TopicJson[] };
interface ListJson {
  roadmap: { title: string };
  sections: Array<{ number: string; title: string; topics: TopicJson[] }>;
}
interface StatsJson {
  at: string;
  progress: { done: number; total: number; percent: number };
  sections: Array<{ number: string; progress: { done: number; total: number; percent: number } }>;
  weeks: Array<{ start: string; finished: number }>;
  streak: { current: number; longest: number; lastDay: string | null };
  pace: { perWeek: number; windowDays: number; remaining: number; projectedFinish: string | null };
}

function flatten(topics: TopicJson[]): TopicJson[] {
  return topics.flatMap((t) => [t, ...flatten(t.children)]);
}

/** Text of serialised HTML as a person reads it: the entities the DOM serialiser writes, decoded. */
function text(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

function all(re: RegExp, html: string): RegExpExecArray[] {
  return [...html.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))];
}

/** What a reader sees as the page's figures, read from the DOM Chromium built. */
function figuresOf(dom: string) {
  const attr = (stat: string, name: string): string | undefined => new RegExp(`data-stat="${stat}"[^>]*data-${name}="([^"]*)"`).exec(dom)?.[1];
  return {
    weeks: all(/data-week="([^"]+)" data-finished="(\d+)"/, dom).map((m) => ({ start: m[1]!, finished: Number(m[2]) })),
    streak: { current: Number(attr('streak', 'current')), longest: Number(attr('streak', 'longest')) },
    pace: { perWeek: Number(attr('pace', 'per-week')), windowDays: Number(attr('pace', 'window-days')), projectedFinish: attr('finish', 'date') ?? null },
  };
}

describe.skipIf(!ready)('roadmap report in headless Chromium', () => {
  let home: { dir: string; cleanup: () => void };
  let reportFile = '';
  let list: ListJson;
  let statsBefore: StatsJson;
  let statsAfter: StatsJson;
  let madeBetween: [number, number];

  beforeAll(async () => {
    home = tempHome();
    const bin = (args: string[]) => spawnBin(args, { home: home.dir, cwd: home.dir });
    // A learner eight weeks in: finishes spread over the weeks (noon UTC, so any time zone keeps the day), one topic
    // started, one skipped, a note of two lines.
    const leaves = flatten((JSON.parse((await bin(['list', '--json'])).stdout) as ListJson).sections.flatMap((s) => s.topics)).filter((t) => t.children.length === 0);
    const daysAgo = [0, 1, 2, 4, 5, 9, 11, 12, 16, 19, 23, 26, 33, 38, 40, 47, 54];
    const now = Date.now();
    // Every third topic, so that sections are part done.
    const picked = leaves.filter((_, i) => i % 3 === 0).slice(0, daysAgo.length);
    let n = 0;
    await new ConfStore(home.dir).update('go-backend', (state) => {
      daysAgo.forEach((d, i) => {
        const at = new Date(now - d * 86_400_000);
        at.setUTCHours(12, 0, 0, 0);
        recordEvent(state, { id: `seed-${++n}`, at: new Date(Math.min(at.getTime(), now)).toISOString() }, { action: 'done', changes: planStatus(state, [picked[i]!.id], 'done') });
      });
    });
    const free = leaves.filter((t) => !picked.includes(t));
    expect((await bin(['start', free[0]!.number])).code).toBe(0);
    expect((await bin(['skip', free[3]!.number])).code).toBe(0);
    expect((await bin(['note', leaves[0]!.number, 'ServeMux patterns need Go 1.22\nand method matching'])).code).toBe(0);
    list = JSON.parse((await bin(['list', '--json'])).stdout) as ListJson;
    statsBefore = JSON.parse((await bin(['stats', '--json'])).stdout) as StatsJson;
    const started = Date.now();
    const r = await bin(['report', '-o', 'report.html']);
    madeBetween = [started, Date.now()];
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Wrote the report to report\.html \(\d+\/\d+ done, \d+%\)\n$/);
    statsAfter = JSON.parse((await bin(['stats', '--json'])).stdout) as StatsJson;
    reportFile = join(home.dir, 'report.html');
  }, 120_000);

  afterAll(() => {
    home.cleanup();
  });

  it('--dump-dom: section titles, counts and every topic status as list and stats give them', async () => {
    const r = await runChromium(pathToFileURL(reportFile).href, ['--dump-dom']);
    const dom = r.stdout;
    expect(dom, r.stderr).toContain('<h1 id="roadmap-title">');
    expect(text(/<h1[^>]*>(.*?)<\/h1>/.exec(dom)![1]!)).toBe(list.roadmap.title);

    // Sections: titles in order, and the count and percentage of each.
    const sections = all(/<article class="section[^"]*" data-section="([^"]+)">[\s\S]*?<span class="name">(.*?)<\/span>[\s\S]*?<span class="count[^"]*" data-done="(\d+)" data-total="(\d+)">(.*?)<\/span>/, dom);
    expect(sections.map((m) => [m[1], text(m[2]!)])).toEqual(list.sections.map((s) => [s.number, s.title]));
    const stats = statsAfter;
    expect(sections.map((m) => text(m[5]!))).toEqual(stats.sections.map((s) => `${s.progress.done}/${s.progress.total} · ${s.progress.percent}%`));

    // Every topic, at every depth, with the status list --json gives it; all four statuses are on the page.
    const statuses: Record<string, string> = Object.fromEntries(all(/<li class="topic" data-status="([a-z-]+)" data-number="([^"]+)"/, dom).map((m) => [m[2]!, m[1]!]));
    const expected = Object.fromEntries(list.sections.flatMap((s) => flatten(s.topics)).map((t) => [t.number, t.status]));
    expect(statuses).toEqual(expected);
    expect(new Set(Object.values(statuses))).toEqual(new Set(['done', 'in-progress', 'skipped', 'pending']));

    // Overall progress, the weekly chart, streak, pace and finish date: the figures of `roadmap stats`.
    expect(/data-percent="(\d+)"/.exec(dom)?.[1]).toBe(String(stats.progress.percent));
    expect(text(/<p class="summary"[^>]*>(.*?)<\/p>/.exec(dom)![1]!)).toBe(`${stats.progress.done} of ${stats.progress.total} topics done`);
    const chips = all(/<li class="chip" data-status="([a-z-]+)" data-count="(\d+)">/, dom).map((m) => [m[1], Number(m[2])]);
    const p = list.sections.flatMap((s) => flatten(s.topics)).filter((t) => t.children.length === 0);
    const count = (status: string) => p.filter((t) => t.status === status).length;
    expect(chips).toEqual([['done', stats.progress.done], ['in-progress', 1], ['skipped', 1], ['pending', count('pending')]]);
    const shown = figuresOf(dom);
    const of = (s: StatsJson) => ({ weeks: s.weeks, streak: { current: s.streak.current, longest: s.streak.longest }, pace: { perWeek: s.pace.perWeek, windowDays: s.pace.windowDays, projectedFinish: s.pace.projectedFinish } });
    // stats ran just before and just after the report: the page matches one of them (both, unless a day ended between).
    expect([of(statsBefore), of(statsAfter)]).toContainEqual(shown);
    expect(shown.weeks).toHaveLength(12);
    expect(shown.weeks.filter((w) => w.finished > 0).length).toBeGreaterThan(4);
    expect(text(/data-stat="finish"[\s\S]*?<span class="value">(.*?)<\/span>/.exec(dom)![1]!)).toBe(shown.pace.projectedFinish);

    // The note, folded under its topic; the date the page was made.
    const first = /<li class="topic" data-status="done" data-number="1\.1">([\s\S]*?)<\/li>/.exec(dom)![1]!;
    expect(first).toMatch(/<details class="has-notes"><summary><span class="sn">1 note<\/span>/);
    expect(text(/<blockquote class="note">[\s\S]*?<p>([\s\S]*?)<\/p>/.exec(first)![1]!)).toBe('ServeMux patterns need Go 1.22\nand method matching');
    const made = Date.parse(/<footer>Made <time datetime="([^"]+)"/.exec(dom)![1]!);
    expect(made).toBeGreaterThanOrEqual(madeBetween[0] - 1000);
    expect(made).toBeLessThanOrEqual(madeBetween[1]);

    // Self-contained: nothing on the page could load anything or run anything.
    expect(dom).not.toMatch(/<(script|link|img|iframe|object|embed|video|audio|source)\b/i);
    expect(dom).not.toMatch(/\ssrc=|url\(|@import|@font-face/i);
  }, 120_000);

  it('--screenshot: the expected size, not blank, the same pixels with the network off, and no request from the page', async () => {
    const url = pathToFileURL(reportFile).href;
    const shot = (name: string, offline: boolean) =>
      runChromium(url, [`--window-size=${WIDTH},${HEIGHT}`, `--screenshot=${join(home.dir, `${name}.png`)}`], { offline, netLog: join(home.dir, `${name}.netlog.json`) });
    await shot('online', false);
    await shot('offline', true);
    const online = readFileSync(join(home.dir, 'online.png'));
    expect(pngSize(online)).toEqual({ width: WIDTH, height: HEIGHT });
    const pixels = decodePng(online);
    expect(brightnessVariance(pixels)).toBeGreaterThan(NOT_BLANK);
    const offline = decodePng(readFileSync(join(home.dir, 'offline.png')));
    expect({ width: offline.width, height: offline.height }).toEqual({ width: WIDTH, height: HEIGHT });
    expect(offline.pixels.equals(pixels.pixels)).toBe(true);
    for (const name of ['online', 'offline']) expect(pageRequests(join(home.dir, `${name}.netlog.json`)).page).toEqual([]);
    if (process.env.ROADMAP_UPDATE_SCREENSHOT === '1') copyFileSync(join(home.dir, 'online.png'), join(ROOT, 'docs', 'report.png'));
  }, 180_000);

  it('the net log check sees a request when a page makes one (a control page with an image on 127.0.0.1)', async () => {
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const page = join(home.dir, 'control.html');
      writeFileSync(page, `<!doctype html><title>control</title><img src="http://127.0.0.1:${port}/pixel.png">`);
      await runChromium(pathToFileURL(page).href, ['--dump-dom'], { netLog: join(home.dir, 'control.netlog.json') });
      expect(hits).toEqual(['/pixel.png']);
      expect(pageRequests(join(home.dir, 'control.netlog.json')).page).toEqual([`http://127.0.0.1:${port}/pixel.png`]);
    } finally {
      server.close();
    }
  }, 120_000);

  it('hostile titles, a <script> note and javascript: links show as text: no script, no handler, no javascript: href', async () => {
    const dir = home.dir;
    const file = join(dir, 'hostile.md');
    writeFileSync(
      file,
      [
        '# `<script>alert("title")</script>` & "Roadmap"',
        '',
        '## `<img src=x onerror=alert(1)>` Basics',
        '',
        '- [Click me](javascript:alert(1))',
        '- Data topic',
        '  - [payload](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
        '- Safe topic: [docs](https://example.com/a?b=1&c=2)',
        '  - Resources: [evil](JavaScript:alert(5)), [good](https://example.org/)',
        '- `</li></ul><script>alert(2)</script>`',
        '',
        '## `"><svg onload=alert(3)>`',
        '',
        "- `' onmouseover='alert(4)`",
        '',
      ].join('\n'),
    );
    const bin = (args: string[]) => spawnBin([...args, '--roadmap', file], { home: dir, cwd: dir });
    expect((await bin(['note', '1.1', "<script>alert('note')</script> & <b>bold</b>"])).code).toBe(0);
    const hostile = JSON.parse((await bin(['list', '--json'])).stdout) as ListJson;
    expect((await bin(['report', '-o', 'hostile.html'])).code).toBe(0);
    const dom = (await runChromium(pathToFileURL(join(dir, 'hostile.html')).href, ['--dump-dom'])).stdout;

    expect(dom).toContain('<h1 id="roadmap-title">');
    expect(dom).not.toMatch(/<script\b/i);
    // The serialiser writes a text "<" as &lt;, so every "<" left in the DOM opens a real element.
    const tags = all(/<[a-z][^>]*>/i, dom).map((m) => m[0]);
    expect(tags.filter((t) => /^<(img|b|script)\b/i.test(t) || /\son[a-z]+=/i.test(t))).toEqual([]);
    expect(dom).not.toMatch(/href="\s*(javascript|data):/i);
    // Every title is on the page as the text it is, and the hostile ones did not break the structure.
    expect(text(/<h1[^>]*>(.*?)<\/h1>/.exec(dom)![1]!)).toBe(hostile.roadmap.title);
    expect(hostile.roadmap.title).toContain('<script>');
    const titles = all(/<span class="tt">(.*?)<\/span><\/div>/, dom).map((m) => text(m[1]!));
    const topics = hostile.sections.flatMap((s) => flatten(s.topics));
    expect(titles.map((t) => t.replace(/ (javascript|data):\S+$/i, ''))).toEqual(topics.map((t) => t.title));
    expect(titles).toContain('</li></ul><script>alert(2)</script>');
    expect(all(/<span class="name">(.*?)<\/span>/, dom).map((m) => text(m[1]!))).toEqual(hostile.sections.map((s) => s.title));
    // Links: only http(s) ones are links; the others are shown as inert text beside their title.
    expect(dom).toContain('<code class="inert-url">javascript:alert(1)</code>');
    expect(dom).toContain('<code class="inert-url">data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==</code>');
    expect(dom).toContain('<li class="inert">evil <code class="inert-url">JavaScript:alert(5)</code></li>');
    expect(dom).toContain('<a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer">Safe topic: docs</a>');
    expect(all(/<a href="([^"]+)"/, dom).map((m) => m[1])).toEqual(['https://example.com/a?b=1&amp;c=2', 'https://example.org/']);
    // The note is text in its quote.
    expect(text(/<blockquote class="note">[\s\S]*?<p>([\s\S]*?)<\/p>/.exec(dom)![1]!)).toBe("<script>alert('note')</script> & <b>bold</b>");
  }, 120_000);

  it('on a phone-sized screen: the expected size and not blank', async () => {
    const file = join(home.dir, 'phone.png');
    await runChromium(pathToFileURL(reportFile).href, ['--window-size=390,844', `--screenshot=${file}`]);
    const png = readFileSync(file);
    expect(pngSize(png)).toEqual({ width: 390, height: 844 });
    expect(brightnessVariance(decodePng(png))).toBeGreaterThan(NOT_BLANK);
  }, 120_000);
});
