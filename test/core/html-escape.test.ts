import { describe, expect, it } from 'vitest';
import { escapeHtml, safeHref } from '../../src/ui/html-escape.js';
import { renderReportHtml, type ReportView } from '../../src/ui/render/report-html.js';

describe('escapeHtml: the one way untrusted text enters the report', () => {
  it.each([
    ['plain', 'plain'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['a & b', 'a &amp; b'],
    ['&amp;', '&amp;amp;'],
    ['" onmouseover="x', '&quot; onmouseover=&quot;x'],
    ["' onfocus='x", '&#39; onfocus=&#39;x'],
    ['</textarea><img src=x onerror=alert(1)>', '&lt;/textarea&gt;&lt;img src=x onerror=alert(1)&gt;'],
    ['line one\nline two', 'line one\nline two'],
    ['bell\u0007 and esc\u001b[31m', 'bell^G and esc^[[31m'],
    ['abc\u202edcba', 'abc&lt;U+202E&gt;dcba'],
    ['café 日本語 🎉', 'café 日本語 🎉'],
  ])('%j -> %j', (input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });

  it('leaves none of the characters that open markup or end an attribute', () => {
    const all = Array.from({ length: 0x250 }, (_, i) => String.fromCharCode(i)).join('');
    expect(escapeHtml(all)).not.toMatch(/[<>"']/);
    expect(escapeHtml(all).replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
  });
});

describe('safeHref: only web links become links', () => {
  it.each([
    ['https://go.dev/doc/', 'https://go.dev/doc/'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://Example.com/a?b=1&c=2', 'https://example.com/a?b=1&amp;c=2'],
    ['https://example.com/"onmouseover="alert(1)', 'https://example.com/%22onmouseover=%22alert(1)'],
  ])('%s is a link: %s', (url, href) => {
    expect(safeHref(url)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    '/relative/path',
    'https://user:secret@evil.example/',
    'https://',
    'mailto:a@b.c',
  ])('%j is not a link', (url) => {
    expect(safeHref(url)).toBeUndefined();
  });
});

const hostile = '<script>alert(1)</script>"\'&';

function view(over: Partial<ReportView> = {}): ReportView {
  const progress = { done: 1, skipped: 0, inProgress: 0, pending: 1, total: 2, percent: 50 };
  return {
    title: hostile,
    source: hostile,
    madeAt: '2025-03-12T15:00:00.000Z',
    progress,
    sections: [
      {
        number: '1',
        title: hostile,
        progress,
        topics: [
          { number: '1.1', title: hostile, status: 'done', url: 'javascript:alert(2)', links: [{ title: hostile, url: 'data:text/html,<script>alert(3)</script>' }], notes: [{ at: hostile, text: `${hostile}\n</p></details>` }], children: [] },
          { number: '1.2', title: 'Go', status: 'pending', url: 'https://go.dev/', links: [{ title: 'Tour', url: 'https://go.dev/tour/' }], notes: [], children: [] },
        ],
      },
    ],
    rhythm: { weeks: [{ start: '2025-03-10', finished: 1 }], streak: { current: 1, longest: 1, lastDay: '2025-03-12' }, pace: { perWeek: 1, windowDays: 7, remaining: 1, projectedFinish: '2025-03-19' } },
    ...over,
  };
}

describe('renderReportHtml', () => {
  it('hostile text from every field reaches the page only escaped, and only http(s) urls are links', () => {
    const html = renderReportHtml(view());
    expect(html).not.toContain('<script');
    expect(html).not.toContain(hostile);
    // <title>, h1, section, topic, link, the note's datetime and shown date, the note, the footer's source
    expect(html.split(escapeHtml(hostile)).length - 1).toBe(9);
    expect(html).not.toMatch(/href="(javascript|data):/i);
    expect(html).toContain('<code class="inert-url">javascript:alert(2)</code>');
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(['https://go.dev/', 'https://go.dev/tour/']);
  });

  it('is one self-contained page: inline style, no script, a policy that forbids loading anything', () => {
    const html = renderReportHtml(view());
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'`);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b|\ssrc=|url\(|@import|@font-face/i);
    expect(html).toContain('@media (max-width:640px)');
    expect(html).toContain('@media print');
  });

  it('says plainly when there is nothing to show', () => {
    const none = { done: 0, skipped: 0, inProgress: 0, pending: 0, total: 0, percent: 0 };
    const html = renderReportHtml(view({ progress: none, sections: [], rhythm: { weeks: [], streak: { current: 0, longest: 0, lastDay: null }, pace: { perWeek: 0, windowDays: 28, remaining: 0, projectedFinish: null } } }));
    expect(html).toContain('This roadmap has no sections with topics yet.');
    expect(html).toContain('nothing to do');
  });
});
