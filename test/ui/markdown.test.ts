import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRoadmap } from '../../src/core/parse/parse.js';
import { displayWidth } from '../../src/core/text/width.js';
import type { Topic } from '../../src/core/types.js';
import { renderMarkdown } from '../../src/ui/render/markdown/blocks.js';
import { clickableUrl } from '../../src/ui/render/markdown/hyperlink.js';
import { createTheme, prepareColor, type Theme } from '../../src/ui/theme.js';

const ESC = '\u001b';
// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b\[[0-9;]*m|\u001b\]8;;[^\u0007]*\u0007/g;
const visible = (line: string): string => line.replace(ESCAPES, '');

/** A terminal of `columns` without colour (NO_COLOR), as a person with NO_COLOR set sees it. */
function plain(columns: number): Theme {
  return createTheme({ write: () => true, isTTY: true, columns }, { NO_COLOR: '1', TERM: 'xterm-256color' }, false);
}
/** A colour terminal of `columns` that shows OSC 8 hyperlinks. */
function colour(columns: number): Theme {
  return createTheme({ write: () => true, isTTY: true, columns }, { TERM: 'xterm-256color', FORCE_COLOR: '1' }, false);
}
/** Piped output: no width, no colour. */
const piped = createTheme({ write: () => true, isTTY: false }, {}, false);

// As main() does before any command runs: chalk is loaded only when something may be drawn in colour.
beforeAll(() => prepareColor([{ write: () => true, isTTY: true }], { TERM: 'xterm-256color', FORCE_COLOR: '1' }));

const draw = (markdown: string, theme: Theme): string[] => renderMarkdown(markdown, theme, { width: theme.width });

describe('wrapping at word boundaries by display width', () => {
  it('wraps a CJK description by columns, two per character, never starting a line with closing punctuation', () => {
    const text = 'Go语言是一种开源编程语言，它能让构造简单、可靠且高效的软件变得容易。并发是它的核心特性之一。';
    const lines = draw(text, plain(20));
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) {
      expect(displayWidth(line)).toBeLessThanOrEqual(20);
      expect(line).not.toMatch(/^[，、。]/u);
    }
    // Filled by columns, not by characters: a full line holds about 10 ideographs, not 20.
    expect(lines.slice(0, -1).every((l) => displayWidth(l) >= 18)).toBe(true);
    expect(lines.join('')).toBe(text);
  });

  it('keeps Latin words whole between CJK characters', () => {
    const lines = draw('使用标准库的 net/http 包和 context 包编写服务器', plain(12));
    expect(lines.some((l) => l.includes('net/http'))).toBe(true);
    expect(lines.some((l) => l.includes('context'))).toBe(true);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(12);
  });

  it('counts combining marks as nothing and wide emoji as two', () => {
    const word = 'cafe\u0301';
    const lines = draw(Array.from({ length: 6 }, () => word).join(' '), plain(14));
    // "café café café" is 14 columns although it is 17 code points.
    expect(lines[0]).toBe([word, word, word].join(' '));
    expect(draw('🚀🚀🚀 go', plain(7))).toEqual(['🚀🚀🚀', 'go']);
  });

  it('does not wrap when piped', () => {
    const long = 'word '.repeat(60).trim();
    expect(draw(long, piped)).toEqual([long]);
  });

  it('cuts only a word wider than the whole line, after a hyphen or slash when it can', () => {
    const lines = draw('see web-development-apis/learn-net-http-package-for-handling', plain(20));
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(20);
    expect(lines.join('')).toBe('seeweb-development-apis/learn-net-http-package-for-handling');
    expect(lines[1]).toMatch(/[-/]$/);
  });
});

describe('Markdown shapes', () => {
  it('shows lists as lists, nested and numbered, continuation lines under the text', () => {
    const md = '- one\n- two is a longer item that wraps\n  - nested\n- [x] ticked\n\n1. first\n2. second';
    expect(draw(md, plain(24))).toEqual(['- one', '- two is a longer item', '  that wraps', '  - nested', '- [x] ticked', '', '1. first', '2. second']);
  });

  it('sets code blocks apart: indented, tabs expanded, spaces kept, never re-flowed', () => {
    const md = 'Run it:\n\n```go\nfunc main() {\n\tfmt.Println("a  b")\n}\n```';
    expect(draw(md, plain(80))).toEqual(['Run it:', '', '    func main() {', '        fmt.Println("a  b")', '    }']);
  });

  it('draws emphasis as bold and italic, and code in its own colour', () => {
    const [line] = draw('**bold** and *italic* and `code`', colour(80));
    expect(line).toBe(`${ESC}[1mbold${ESC}[22m and ${ESC}[3mitalic${ESC}[23m and ${ESC}[36mcode${ESC}[39m`);
    expect(draw('**bold** and *italic*', plain(80))).toEqual(['bold and italic']);
  });

  it('quotes, headings and rules', () => {
    expect(draw('# Title\n\n> quoted text\n\n---\n\nafter', plain(20))).toEqual(['Title', '', '> quoted text', '', '--------------------', '', 'after']);
  });
});

describe('links', () => {
  it('are OSC 8 hyperlinks on a colour terminal: the text is clickable, the url is not printed', () => {
    const [line] = draw('Read [the docs](https://go.dev/doc/) today', colour(80));
    // One hyperlink over both words: the space between them is part of the link.
    expect(line).toBe(`Read ${ESC}]8;;https://go.dev/doc/\u0007${ESC}[4mthe docs${ESC}[24m${ESC}]8;;\u0007 today`);
    expect(visible(line ?? '')).toBe('Read the docs today');
    expect(line).toContain(`${ESC}]8;;https://go.dev/doc/\u0007`);
  });

  it('are `text (url)` without colour and when piped; a bare url is shown once', () => {
    expect(draw('Read [the docs](https://go.dev/doc/) or <https://pkg.go.dev>', plain(80))).toEqual(['Read the docs (https://go.dev/doc/) or https://pkg.go.dev']);
    expect(draw('Read [the docs](https://go.dev/doc/)', piped)).toEqual(['Read the docs (https://go.dev/doc/)']);
  });

  it('only http(s) urls are made clickable, and only when nothing in them can end the sequence', () => {
    expect(clickableUrl('https://go.dev/doc/')).toBe('https://go.dev/doc/');
    expect(clickableUrl('https://例え.jp/パス')).toBe('https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9');
    expect(clickableUrl('javascript:alert(1)')).toBeUndefined();
    expect(clickableUrl('file:///etc/passwd')).toBeUndefined();
    expect(clickableUrl(`https://evil.example/${ESC}]8;;https://other\u0007`)).toBeUndefined();
    expect(clickableUrl('https://evil.example/\u0007x')).toBeUndefined();
    expect(clickableUrl('https://evil.example/\u009b31m')).toBeUndefined();
    const [line] = draw('[click](javascript:alert(1))', colour(80));
    expect(line).not.toContain(`${ESC}]8`);
    expect(visible(line ?? '')).toBe('click (javascript:alert(1))');
  });
});

describe('everything is inert', () => {
  it('escape sequences in text, code and urls are shown, not obeyed', () => {
    const md = `Clear ${ESC}[2J here \`${ESC}]8;;x\u0007\`\n\n\`\`\`\n${ESC}[31mred\n\`\`\``;
    for (const theme of [plain(80), colour(80), piped]) {
      const out = draw(md, theme).join('\n');
      expect(visible(out)).not.toContain(ESC);
      expect(visible(out)).not.toContain('\u0007');
      expect(visible(out)).toContain('^[[2J');
      expect(visible(out)).toContain('^[[31mred');
    }
  });

  it('bidi controls are shown as code points', () => {
    expect(draw('a\u202eb', plain(80))).toEqual(['a<U+202E>b']);
  });
});

describe('every bundled description at every width', () => {
  const bundled = parseRoadmap(readFileSync(new URL('../../roadmap/go-backend.md', import.meta.url), 'utf8'));
  const topics: Topic[] = bundled.sections.flatMap((s) => s.topics);

  it.each([20, 33, 40, 57, 80, 120])('%i columns: no line wider, no word split, nothing lost', (width) => {
    for (const t of topics) {
      const lines = renderMarkdown(t.descriptionMarkdown ?? '', colour(width), { width });
      for (const line of lines) expect(displayWidth(visible(line)), `${t.number}: ${line}`).toBeLessThanOrEqual(width);
      // With hyperlinks the words are exactly those of the plain description: none dropped, and none cut in two unless
      // it is wider than a whole line (golang.org/x/crypto/bcrypt at 20 columns), which is then cut and nothing else.
      const shown = lines.map(visible).join(' ').split(/\s+/).filter(Boolean);
      const words = (t.description ?? '').split(/\s+/).filter(Boolean);
      const rejoined: string[] = [];
      for (const word of words) {
        let got = shown.shift() ?? '';
        while (displayWidth(word) > width && got !== word && word.startsWith(got) && shown.length) got += shown.shift() ?? '';
        rejoined.push(got);
      }
      expect(rejoined, t.number).toEqual(words);
      expect(shown, t.number).toEqual([]);
    }
  });
});
