import type { Progress } from '../../core/progress/status.js';
import type { Stats } from '../../core/progress/stats.js';
import type { Link, Status } from '../../core/types.js';
import { formatTime } from '../format-time.js';
import { escapeHtml as h, safeHref } from '../html-escape.js';
import { plural } from './history.js';
import { REPORT_CSS } from './report-css.js';
import { shortDay } from './stats.js';
import { maxOf } from '../../core/append.js';

/** One topic as the report shows it: its effective status, its links and notes, its subtopics. */
export interface ReportTopic {
  number: string;
  title: string;
  status: Status;
  url?: string;
  links: readonly Link[];
  notes: ReadonlyArray<{ at: string; text: string }>;
  children: readonly ReportTopic[];
}

export interface ReportSection {
  number: string;
  title: string;
  progress: Progress;
  topics: readonly ReportTopic[];
}

/** Everything `roadmap report` puts on the page; the command builds it from the session and computeStats. */
export interface ReportView {
  title: string;
  /** Where the roadmap was read from, as the footer names it ("the bundled roadmap", a file name). */
  source: string;
  /** When the report was made, ISO. */
  madeAt: string;
  progress: Progress;
  sections: readonly ReportSection[];
  rhythm: Pick<Stats, 'weeks' | 'streak' | 'pace'>;
}

const STATUS_TEXT: Record<Status, string> = { done: 'done', 'in-progress': 'in progress', skipped: 'skipped', pending: 'to do' };

/**
 * `roadmap report`: one self-contained HTML page. Every piece of text from the roadmap or the notes goes through
 * escapeHtml, every href through safeHref; the page has no script, and its Content-Security-Policy forbids any
 * script, font, image or connection, so even a mistake here could not make it run code or reach the network.
 */
export function renderReportHtml(view: ReportView): string {
  const title = h(view.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="roadmap report">
<title>${title} · progress</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${hero(view)}
${rhythm(view)}
<section class="sections" aria-label="Sections">
${view.sections.length ? view.sections.map(section).join('\n') : '<p class="empty">This roadmap has no sections with topics yet.</p>'}
</section>
<footer>Made <time datetime="${h(view.madeAt)}">${h(formatTime(view.madeAt))}</time> from ${h(view.source)} with <code>roadmap report</code>.</footer>
</main>
</body>
</html>
`;
}

function countsLine(p: Progress): string {
  return `<strong>${p.done}</strong> of ${plural(p.total, 'topic')} done`;
}

function hero(view: ReportView): string {
  const p = view.progress;
  const r = 52;
  const length = 2 * Math.PI * r;
  const filled = p.total === 0 ? (p.skipped > 0 ? length : 0) : (p.done / p.total) * length;
  return `<header class="hero">
<svg class="ring" viewBox="0 0 128 128" role="img" aria-label="${p.percent}% done">
<circle class="track" cx="64" cy="64" r="${r}"/>
${filled > 0 ? `<circle class="fill" cx="64" cy="64" r="${r}" stroke-dasharray="${filled.toFixed(2)} ${length.toFixed(2)}" transform="rotate(-90 64 64)"/>` : ''}
<text x="64" y="64" class="pct" data-percent="${p.percent}">${p.percent}%</text>
</svg>
<div class="headline">
<p class="kicker">Progress report · <time datetime="${h(view.madeAt)}">${h(formatTime(view.madeAt))}</time></p>
<h1 id="roadmap-title">${h(view.title)}</h1>
<p class="summary" data-done="${p.done}" data-total="${p.total}">${countsLine(p)}</p>
<ul class="chips">${chips(p)}</ul>
</div>
</header>`;
}

function rhythm(view: ReportView): string {
  const { weeks, streak, pace } = view.rhythm;
  const max = maxOf(weeks.map((w) => w.finished), 1);
  const bars = weeks
    .map((w, i) => {
      const height = w.finished === 0 ? 0 : Math.max(4, Math.round((w.finished / max) * 100));
      const current = i === weeks.length - 1 ? ' current' : '';
      return `<li class="week${current}" data-week="${h(w.start)}" data-finished="${w.finished}" title="week of ${h(w.start)}: ${plural(w.finished, 'topic')}"><span class="n">${w.finished}</span><span class="col"><span class="b" style="height:${height}%"></span></span><span class="d">${h(shortDay(w.start))}</span></li>`;
    })
    .join('');
  const left = plural(pace.remaining, 'topic');
  const finish =
    pace.remaining === 0
      ? card('finish', view.progress.total > 0 ? 'Done' : '—', 'projected finish', view.progress.total > 0 ? 'everything is done' : 'nothing to do')
      : pace.projectedFinish
        ? card('finish', `<time datetime="${h(pace.projectedFinish)}">${h(pace.projectedFinish)}</time>`, 'projected finish', `${left} left at this pace`, { date: pace.projectedFinish, remaining: pace.remaining })
        : card('finish', '—', 'projected finish', `no pace yet: finish a topic to see a date (${left} left)`, { remaining: pace.remaining });
  const last = streak.lastDay ? ` · last finish ${h(streak.lastDay)}` : '';
  return `<section class="rhythm" aria-label="Rhythm">
<div class="cards">
${card('streak', plural(streak.current, 'day'), 'current streak', `longest ${plural(streak.longest, 'day')}${last}`, { current: streak.current, longest: streak.longest })}
${card('pace', `${pace.perWeek}<small> / week</small>`, 'pace', `topics finished a week over the last ${pace.windowDays} days`, { perWeek: pace.perWeek, windowDays: pace.windowDays })}
${finish}
</div>
<figure class="chart">
<figcaption>Topics finished per week <span>(the last ${weeks.length} weeks, Monday first)</span></figcaption>
<ol class="weeks">${bars}</ol>
</figure>
</section>`;
}

/** A figure card; `data` repeats its numbers as data-* attributes, for scripts and tests that read the page. */
function card(name: string, value: string, label: string, sub: string, data: Record<string, string | number> = {}): string {
  const attrs = Object.entries(data).map(([k, v]) => ` data-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}="${h(String(v))}"`).join('');
  return `<div class="card" data-stat="${name}"${attrs}><span class="label">${label}</span><span class="value">${value}</span><span class="sub">${sub}</span></div>`;
}

function section(s: ReportSection): string {
  const p = s.progress;
  const head = `<h2><span class="num">${h(s.number)}</span> <span class="name">${h(s.title)}</span></h2>`;
  // A section with nothing to study (an introduction, a list of books) takes one line, not a card with an empty bar.
  if (s.topics.length === 0) return `<article class="section quiet" data-section="${h(s.number)}"><header>${head}<span class="count" data-done="0" data-total="0">no topics</span></header></article>`;
  return `<article class="section" data-section="${h(s.number)}">
<header>${head}<span class="count${p.total > 0 && p.done === p.total ? ' complete' : ''}" data-done="${p.done}" data-total="${p.total}">${p.done}/${p.total} · ${p.percent}%</span></header>
<div class="bar" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${p.percent}"><span style="width:${p.percent}%"></span></div>
<ul class="topics">${s.topics.map(topic).join('')}</ul>
</article>`;
}

function topic(t: ReportTopic): string {
  const href = t.url === undefined ? undefined : safeHref(t.url);
  const name = href ? `<a href="${href}" rel="noopener noreferrer">${h(t.title)}</a>` : h(t.title);
  const inertUrl = t.url !== undefined && !href ? ` <code class="inert-url">${h(t.url)}</code>` : '';
  const pill = t.status === 'in-progress' || t.status === 'skipped' ? `<span class="pill">${STATUS_TEXT[t.status]}</span>` : '';
  const row = `<div class="row"><span class="mark" role="img" aria-label="${STATUS_TEXT[t.status]}"></span><span class="tn">${h(t.number)}</span><span class="tt">${name}${inertUrl}</span>${pill}</div>`;
  const kids = t.children.length ? `<ul>${t.children.map(topic).join('')}</ul>` : '';
  return `<li class="topic" data-status="${t.status}" data-number="${h(t.number)}">${row}${more(t)}${kids}</li>`;
}

/** Notes and links, folded under the topic: a summary line says how many there are. */
function more(t: ReportTopic): string {
  if (t.notes.length === 0 && t.links.length === 0) return '';
  // Paper shows the notes but not the links (an unclickable title is of no use there): print CSS hides .sl and .links.
  const noteCount = t.notes.length ? `<span class="sn">${plural(t.notes.length, 'note')}</span>` : '';
  const linkCount = t.links.length ? `<span class="sl">${noteCount ? ' · ' : ''}${plural(t.links.length, 'link')}</span>` : '';
  const what = noteCount + linkCount;
  const notes = t.notes.map((n) => `<blockquote class="note"><time datetime="${h(n.at)}">${h(formatTime(n.at))}</time><p>${h(n.text)}</p></blockquote>`).join('');
  const links = t.links.length ? `<ul class="links">${t.links.map(link).join('')}</ul>` : '';
  return `<details${t.notes.length ? ' class="has-notes"' : ''}><summary>${what}</summary>${notes}${links}</details>`;
}

function link(l: Link): string {
  const href = safeHref(l.url);
  const label = h(l.title || l.url);
  if (!href) return `<li class="inert">${label} <code class="inert-url">${h(l.url)}</code></li>`;
  return `<li><a href="${href}" rel="noopener noreferrer">${label}</a></li>`;
}

/** How many topics have each status: the legend of the marks, with counts. */
function chips(p: Progress): string {
  const counts: Record<Status, number> = { done: p.done, 'in-progress': p.inProgress, skipped: p.skipped, pending: p.pending };
  return (['done', 'in-progress', 'skipped', 'pending'] as const).map((s) => `<li class="chip" data-status="${s}" data-count="${counts[s]}"><span class="mark"></span>${counts[s]} ${STATUS_TEXT[s]}</li>`).join('');
}
