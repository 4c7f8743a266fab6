import { readdirSync, readFileSync } from 'node:fs';
import { Lexer, type Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { generateRoadmap } from '../../scripts/bench-roadmap.mjs';
import { normalizeText } from '../../src/core/parse/normalize.js';
import { ASCII_RULES, asciiClasses, RULES } from '../../src/core/parse/lex/fast-inline.js';
import { BLOCKQUOTE, DEF, HTML, LHEADING, LHEADING_NO_HTML, PARAGRAPH, PARAGRAPH_NO_HTML, TABLE, TABLE_NO_HTML } from '../../src/core/parse/lex/fast-lex.js';
import { LEX_WHOLE } from '../../src/core/parse/lex/lex-windows.js';
import { fastLexStats, lexFast, lexMarkdown } from '../../src/core/parse/lex/safe-lex.js';
import { CORPUS_DIR, corpusPath, describeWithSharedData } from '../helpers/shared-data.js';

/** marked's tokens of a text, lexed whole the way lexChecked lexes a piece (block pass, then each queued inline run). */
function markedTokens(text: string): Token[] {
  const lexer = new Lexer({ gfm: true });
  lexer.blockTokens(text, lexer.tokens);
  for (const run of lexer.inlineQueue) {
    lexer.state.inRawBlock = false;
    lexer.inlineTokens(run.src, run.tokens);
  }
  return [...lexer.tokens];
}

function markedThrows(text: string): boolean {
  try {
    markedTokens(text);
    return false;
  } catch {
    return true;
  }
}

/** Every field, in marked's order: what the parser reads is a subset. */
const json = (tokens: unknown): string => JSON.stringify(tokens, null, 1);

interface Outcome {
  /** The fast lexer took the text as one piece. */
  taken: boolean;
  /** Characters of a text it took in part (before a heading where marked took over). */
  partChars: number;
  /** Inline runs it took and gave to marked. */
  runs: number;
  declinedRuns: number;
}

/** Lexes `text` with the fast path, holds its tokens equal to marked's, and says what it took. */
function compare(text: string): Outcome {
  const before = { ...fastLexStats };
  const fast = lexFast(text);
  const outcome = { taken: fast.taken, partChars: fastLexStats.partChars - before.partChars, runs: fastLexStats.runs - before.runs, declinedRuns: fastLexStats.declinedRuns - before.declinedRuns };
  expect(json(fast.tokens)).toBe(json(markedTokens(text)));
  return outcome;
}

/** Lexes `text` as the parser does (windows, fast path first) and holds the tokens equal to marked's of the whole. */
function compareWindows(text: string): void {
  expect(json([...lexMarkdown(text)])).toBe(json(markedTokens(text)));
}

/** Markdown the fast lexer takes whole, block and inline; each is held equal to marked. */
const TAKEN: Record<string, string> = {
  headings: '# One\n\n## Two ##\n### Three#\n###### Six\n####### seven is text\n#tag is text\n  # indented\n#\n# trailing #   \n',
  'heading then text': '# H\ntext right under\n\n\n\ntext',
  breaks: '---\n***\n___\n- - -\n* * *\n\ntext\n\n---\n',
  'paragraph interrupted': 'para\n# head\npara\n- item\n\npara\n2. not an item\n1) item\n\npara\n    more of it\nend\n```\ncode\n```\n',
  'bullet lists': '- a\n- b\n  - c\n    - d\n  - e\n- f\n\n* star\n+ plus\n',
  'loose list': '- a\n\n- b\n- c\n',
  'ordered lists': '1. a\n2. b\n10. c\n\n3) x\n4) y\n',
  'list item paragraphs': '- a\n\n  second paragraph\n- b\n  - nested\n\n  after nested\n',
  'task items': '- [ ] todo\n- [x] done\n- [X] Done too\n- [ ]\n- [] not a box\n  - [ ] nested task\n',
  'loose task items': '- [ ] a\n\n- [x] b\n',
  'empty items': '-\n  foo\n-\n\n  bar\n\n- x\n-\n',
  'list ends': '- a\n---\n- b\n# h\n- c\n\ntext at the margin\n',
  'fenced code': '```js\nconst a = 1;\n```\n\n```\n```\n\n```\n\n```\n\n~~~\na\n~~~~\n\n```\na\n  ```\n\n```` x\n```\n````\n',
  'indented fences': ' ```\ncode\n  more\nless\n ```\n\n  ```js\n    a\n   b\n\n c\n  ```\n\n   ```\n      x\n   \n\n    ```\n   ```\n\n  ~~~\n    kept\n  ~~~\n\n ```\n ```\n\n   ````\n  \n   ````\n',
  'indented fences in list items': '1. Clone:\n\n    ```bash\n    git clone x\n      cd y\n    ```\n\n- a\n   ```\n    b\n   ```\n- c\n\n      ```\n      d\n      ```\n',
  'lazy continuation lines': '- a\nlazy\n- a\n  b\nlazy\nlazy2\n\nafter\n\n- a\n  - b\nlazy\n  - c\n  lazy\n\n  - a\n lazy\n- b\nc\n- [ ] d\nlazy\n\n  1. a\nb\n  2. c\n\n- a\nb  \nc\n',
  'lines that end a list item instead of continuing it': '- # h\nnot lazy\n\n- ---\nx\n\n- <div>\nlazy\n\n- a\n\nlazy\n\n* a\n*\nlazy\n\n- - \nlazy\n\n- a\n  -\nlazy\n\n- # h\n  x\nlazy\n\n- a\n#x\n',
  'lazy lines after nested markers and code': '- - a\nlazy\n\n- 1. a\nlazy\n\n- a\n    code\nlazy\n\n- a\n  ```\n  b\n  ```\nlazy\n\n- a\n- b\n  c\nd\n  e\nf\n',
  'lazy lines that look like setext underlines or breaks': '- a\n===\n\n- a\n  b\n  ---\n\n- a\n   lazy ===\n\n- a\nb\n===\n\n- a\n  b\n---\n\n- a\n-- -\n\n- a\n= =\n\n- a\n  b\n=\n\n- a\n    b\n=\n',
  'block quotes in list items': '- a\n  > q\n\n- b\n  > r\n  > s\n- c\n > at the margin of the item\n\n1. x\n   > y\n',
  'fence in a list': '- a\n  ```\n  code\n  ```\n- b\n',
  'indented code': 'text\n\n    code\n\n    more\n\nafter\n\n- item\n      indented under it\n',
  'blank lines': 'a\n\n\n\nb\n   \nc\n',
  emphasis: '**bold** and *em* and _em_ and __strong__ and ***both***\n\na*b*c snake_case_name __init__ _a_b foo_bar_\n\n**a*b*c** *a **b** c* ** not bold ** 2 * 3 * 4\n',
  links: '[link](http://x.com) then [`code()`](u) and [a *b*](u). [a](u)b) [a] (u) [a] [ ] [a and ]a[\n',
  'code spans': '`code` and ``co`de`` and ` a ` and `  ` and `a\nb`\n',
  escapes: '\\* not em \\_ \\[ \\# \\\\ done\n',
  'hard breaks': 'line  \nbreak\n\n- item  \n  more\n',
  bangs: '! bang and a!b and !\n',
  'bare URLs': 'see http://x.com/a_b, www.example.org. and (https://e.com/x) or HTTPS://E.COM/Y? or ftp://f.org\n\n[http://in.a/link](http://in.a/link) xhttp://a.b http:// www.\n',
  tables: '| a | b |\n|---|:-:|\n| 1 | 2 |\n| 3 \\| x |\n\nh1 | h2 | h3\n:-- | --: | ---\nx | y\n\n|one|\n|-|\n|row|extra|\n# after\n\n- item\n\n  | in | item |\n  |----|------|\n  | *a* | [b](u) |\n',
  'e-mail addresses': 'mail a@b.com or mailto:x@y.org or x_y@z.io, not a@b\n',
  'emphasis in text outside ASCII': '**粗體**和*斜體*，「**引號**」。_中文_ ~~刪除~~ é*a*é ©**b**© a\u0301*c* **✓** \u{1f680} **rocket**\n\n\u{1f680}**a**\u{1f680} *\u{1f680}*x **\u{1d400}** _\u{1f4da}_ ~~\u{1f680}~~ a\u{1f680}*b*\u{1d400}_c_\n',
  strikethrough: '~~del~~ and ~one~ and ~5 hours and a~~b~~c and ~~ not ~~ and ~~~x~~~\n',
  'images and parentheses': '![img](u) [![badge](i.svg)](h) [[Review] x (video)](u) [W](https://w.org/Cache_(computing)) [a](u(v)w) [a](u)b)\n',
  'html blocks': '<p align="center">\n  <img src="x.png">\n</p>\n\n# Title\n\n<details>\n<summary>More</summary>\n\n- item\n\n</details>\n\n<!-- a comment -->\ntext\n<div>\nends the paragraph\n</div>\n\n- item\n<div>\n\n<DIV>upper</DIV>\n\n<pre>\ncode\n</pre>\n',
  'inline html and autolinks': 'a <b>x</b> c <span class="k">y</span> <br/> <!-- c --> <http://x.y> <a@b.co> < b\ntext\n<span>\nmore\n\n<code>a *b* &amp; c</code> *d*\n',
  'block quotes': '> quote\n> more *em*\n\n> - a\n> - b\n>\n> para\n>\n> # Heading in it\n\ntext\n> interrupts it\n\n  > indented\n>\n\n> ```\n> code\n> ```\n',
  'setext headings': 'Title\n=====\n\nTwo lines\nof title\n---\n\n- a\n  b\n  ---\n- [ ] task:\n  - \n  - x\n\nbar\n- \n\ntext\n  ===  \nmore\n',
  'tables under paragraph lines': 'text\n| a | b |\n|---|---|\n\npara\nmore\n| a |\n|:-:|\n| 1 |\nafter\n\npara\n| a |\n|---|\n===\n\npara\n===\n| a |\n|---|\n\nx\n| a | b |\n| - | - |\n\n- i\n  text\n  | a |\n  |---|\n',
  'HTML lines below tables, setext underlines and paragraphs': '| a |\n|---|\n| b |\n<div>\nx\n</div>\n\n| a |\n|---|\n<span>row</span>\n  <!-- c -->\n\nTitle\n<div>\n---\n\npara\n<div>\n| a |\n|---|\n\ntext\n   <p>x</p>\n===\n\ntext\n<b>x</b>\n===\n\n- a\n<b>\n---\n',
  'delimiter rows no table takes': '| a | b |\n|---|\n\na | b\n|---|---|---|\n\nTitle\n---|---\n\n- a\n| x |\n|---|\n\ntext\n|---|\n- b\n',
  'link titles': '[a](u "title") and [b](v "") and [c](w  "t"  )\n',
  // links linkAt leaves to marked's link rule (linkByRule)
  'links with text after them in parentheses': '[a](u) (t) and [b](v) (w) x) and [c](d) (e\n\n[a](u)  ("t") [b](u) (t)(s)\n',
  'empty hrefs and white space before one': '[a]() [b]( ) [c]( http://x.y) [d](\n u) ![i]() ![j]( s) [e](  )\n',
  'titles in single quotes and parentheses': "[a](u 't') [b](u (t)) [c](u '') [d](u ()) [e](u\n't') [f](u\n\n't')\n",
  'hrefs with parentheses the rule cuts': '[a]( b)c) [a](b(c) [a](b(c) d) [a](b(c)) e) [a](u) (t) x)\n',
  definitions: '[x]: http://a\n\n[x] and [X] and [x][] and [text][x] and ![x] and ![alt][x] and [nope] and [t][nope]\n\n[y]: u "title"\n[z]:\n  v\n  \'t\'\n[w]: u (t)\n[Foo  Bar]: f\n[x]: second\n\n[foo bar] [FOO BAR][]\n',
  'definitions after their uses, in blocks, and lines that are none': '# [a] [b]\n\n- [h]: in-an-item\n- [a] in an item\n  [c]: in-item\n\n> [b]\n> [d]: quoted\n\npara\n[e]: continues it\n\n[a]: u(v)\n[b]: u(v\n[f]:\n\n[g]: u "t" x\n\n[c] [d] [e] [g]\n',
  'reference links with emphasis and links around them': '*a [b*][a] c* **[a] b** [`c`][a] [a](u)[a] _[a]_ [a]: not a def here\n\n[a]: http://x\n',
  'hrefs in angle brackets': '[a](<u>) [b](<u(v).w>) [c]( <u> "t") ![i](<s t>) [d](<u>x) [e](<>)\n',
  'brackets two deep in labels followed by parentheses': '[[a]](u) (x) [a [b] c](u) (t) [`c]`](u) (y)\n',
}

/** Markdown the fast lexer must not take as a whole piece (marked lexes it). */
const BLOCK_DECLINED: Record<string, string> = {
  'block quote with a lazy line': '> quote\nlazy\n',
  'a block quote with a lazy line in a list item': '- a\n  > b\nlazy\n',
  'a definition in angle brackets': '[x]: <http://a>\n\n[x]\n',
  tab: '-\ttab\n',
  'no-break space': 'a\u00a0b\n',
  'unclosed fence': '```\ncode\n',
  'spaces-only last line': 'text\n   ',
}

/** Inline runs the fast lexer gives to marked; the rest of the piece is still its own. */
const INLINE_DECLINED: Record<string, string> = {

  'character reference': '&#65;',
  'unclosed code': '`unclosed',
  'brackets two deep in a label': '[a [b [c]]](u)',
  'a link inside a link': '[a [b](c) d](e)',
  'an image whose href the rule cannot close': '![i](s(t) u)',
  'a reference link whose text holds a link': '*[x [a]][a]*\n\n[a]: u',
}

describe('the fast lexer gives exactly the tokens marked gives', () => {
  it.each(Object.entries(TAKEN))('takes %s', (_name, text) => {
    const outcome = compare(text);
    expect(outcome.taken).toBe(true);
    expect(outcome.declinedRuns).toBe(0);
  });

  it.each(Object.entries(BLOCK_DECLINED))('declines the piece: %s', (_name, text) => {
    expect(compare(text).taken).toBe(false);
    compareWindows(text);
  });

  it.each(Object.entries(INLINE_DECLINED))('gives the run to marked: %s', (_name, run) => {
    const outcome = compare(`# Title\n\nplain text\n\n${run}\n\n- item with *em*\n`);
    expect(outcome.taken).toBe(true);
    expect(outcome.declinedRuns).toBe(1);
    expect(outcome.runs).toBe(4);
  });

  // The lexer's loops stop at the end of the text instead of reading past it (codeAt): a text that ends right where a
  // rule looks one character further must still give what marked gives.
  it.each(['[a](u)', '[a](u "t")', '[a](u "t"', '[a](u ', '[a]', '[a', '[a][b]', '`code`', '``', '`', 'a  ', 'a  \nb', '~~del~~', '~', '!', '![i](s)', '- a\n-', '-', '1.', '- [ ]', '#', '# h #', '---', '```', '> q', '| a |\n|---|', 'a\n===', '<b>x</b>', 'http://x.y', '**b**', '*', 'x\n   ', '- a\n  ', '    code', '- a\n\n  ', '- a\n \n  b', '- a\n  b\n \nc', '- a\n  \n- b', '-\n \n  x'])('reads a text that ends right after a construct: %j', (text) => {
    compare(text);
    compareWindows(text);
  });

  it('carries an <a> tag left open from one inline run into the runs after it, as marked does', () => {
    const text = 'see <a href="x">this\n\nthen http://x.y and www.z.org\n\n# Later\n\nhttp://a.b\n';
    expect(compare(text)).toMatchObject({ taken: true, declinedRuns: 0 });
    // the same when the run that opens it is one marked lexes
    const declined = 'see <a href="x">this &#65;\n\nthen http://x.y\n\n# Later\n\nhttp://a.b </a> http://c.d\n';
    expect(compare(declined)).toMatchObject({ taken: true, declinedRuns: 1 });
  });

  it('keeps what it lexed before the last heading above a block it declines, and marked lexes the rest', () => {
    const head = '# Title\n\n- a\n- b\n\n## Next\n\ntext\n\n';
    const outcome = compare(`${head}## Third\n\n> a quote\nlazy\n\n## Fourth\n\n- c\n`);
    expect(outcome.taken).toBe(false);
    expect(outcome.partChars).toBe(head.length);
    // a declined block before any heading but the first leaves nothing to keep
    expect(compare('# Only\n\n> quote\nlazy\n\n## Two\n').partChars).toBe(0);
  });

  it('uses the GFM inline rules of the marked it is built with', () => {
    const rules = Lexer.rules.inline.gfm;
    for (const [name, re] of Object.entries(RULES)) expect(String(re), name).toBe(String(rules[name as keyof typeof rules]));
    // marked builds this one from a string holding a tab character, written \t here
    expect(String(TABLE)).toBe(String(Lexer.rules.block.gfm.table).replace('\t', '\\t'));
    // and this one with a backtick, written \x60 here
    expect(String(HTML).replace('\\x60', '`')).toBe(String(Lexer.rules.block.gfm.html));
    expect(String(LHEADING)).toBe(String(Lexer.rules.block.gfm.lheading));
    expect(String(BLOCKQUOTE)).toBe(String(Lexer.rules.block.gfm.blockquote));
    expect(String(DEF)).toBe(String(Lexer.rules.block.gfm.def));
    expect(String(PARAGRAPH)).toBe(String(Lexer.rules.block.gfm.paragraph).replace('\t', '\\t'));
    // and these three without the HTML that ends their blocks, tried first: all of it goes, and nothing else
    for (const [full, lite] of [[TABLE, TABLE_NO_HTML], [LHEADING, LHEADING_NO_HTML], [PARAGRAPH, PARAGRAPH_NO_HTML]] as const) {
      expect(lite.source).not.toContain('<');
      expect(lite.source.replaceAll('(?!)', '')).toBe(full.source.replace(/ \{0,3\}\(\?:<\\\/\?\(\?:address\|[^)]*\)[^<]*<\(\?:[^<]*<\\\?\|<!\[A-Za-z\]\|<!\\\[CDATA\\\[\)/g, ''));
    }
  });

  it('takes the bundled roadmap, all but a few of its inline runs too', () => {
    const text = normalizeText(readFileSync(new URL('../../roadmap/go-backend.md', import.meta.url), 'utf8')).text;
    const outcome = compare(text);
    expect(outcome.taken).toBe(true);
    expect(outcome.runs).toBeGreaterThan(100);
    expect(outcome.declinedRuns).toBeLessThan(outcome.runs / 10);
  });

  it('takes generated roadmaps whole, in windows too', () => {
    for (const [bytes, seed] of [[2_000, 1], [20_000, 2], [300_000, 3]] as const) {
      const text = generateRoadmap(bytes, seed);
      const outcome = compare(text);
      expect(outcome).toMatchObject({ taken: true, declinedRuns: 0 });
      const before = { ...fastLexStats };
      compareWindows(text);
      expect(fastLexStats.pieces - before.pieces).toBeGreaterThan(bytes > LEX_WHOLE ? 1 : 0);
      expect(fastLexStats.declinedPieces - before.declinedPieces).toBe(0);
    }
  });
});

/** Random Markdown-ish lines from pieces that matter to the lexer; seeded, so a failure repeats. */
function randomMarkdown(count: number, seed: number): string[] {
  let state = seed;
  const rnd = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const pick = (list: readonly string[]): string => list[Math.floor(rnd() * list.length)] ?? '';
  const atoms = ['a', 'word', ' ', '  ', '*', '**', '***', '_', '__', '`', '``', '[', ']', '(', ')', '[x](u)', '[`c`](http://e.com/a_b)', '\\*', '\\', '!', '#', '-', '1.', '+', '[ ]', '[x]', 'é', '.', ':', '"', '=', '|', '_a_', '*a*', ' *', '* ', '](', '**a**', '`a`', 'x_y', '*[', ']*', '_**', '**_', '  \n', '~', '<b>', '@', 'www.x', '&#1;', 'https://a.b/c_d', ' www.a', '(http://x.y)', 'http://x.y.', 'HTTP://X.Y', '[h](http://x.y "t")', '~', '~~', '~a~', 'a@b.co', 'mailto:a@b.co', '![i](s)', '[![b](i)](h)', '[[r] t](u)', '[a](u_(v))', '[a](u))', '[a](b(c)', '[a [b](c) d](e)', '<br>', '</div>', '<a href="x">', '</a>', '<code>', '</code>', '<http://x.y>', '<a@b.co>', '<kbd>x</kbd>', '[a](u) (t)', '[a]( u "t")', "[a](u 't')", '[a]()', ' (x)', '[[a]](u)', '[a](u (t))', '(', ')', '[a]', '[a][]', '[x][a]', '![a]', '[A]', '中文', '，', '。', '「', '✓', '\u0301', '*中*', '_文_', '~。~', '\u{1f680}', '*\u{1f680}*', '\u{1f680}**', '**\u{1d400}', '_\u{1f4da}_'];
   const starts = ['<div>', '<details>', '</details>', '<p align="center">', '<!-- c -->', '<b>x</b>', '', '', '', '| ', '|-|', '|:-|-:|', '-|-', '- ', '  - ', '    - ', '* ', '1. ', '2. ', '# ', '## ', '   ', '    ', '```', '~~~', '---', '- [ ] ', '- [x] ', '> ', '1) ', ' ```', '  ```', '   ~~~', '   ', '  > ', ' >', '=', '===', '[a]: u', '[A]: <v> "t"', ' [a]: w (t)', '- [a]: u', '- [x]:]'];
  const texts: string[] = [];
  for (let c = 0; c < count; c++) {
    const lines: string[] = [];
    for (let l = 0, n = 1 + Math.floor(rnd() * 8); l < n; l++) {
      let line = rnd() < 0.15 ? '' : pick(starts);
      for (let k = 0, m = line === '' ? 0 : Math.floor(rnd() * 8); k < m; k++) line += pick(atoms);
      lines.push(line);
    }
    texts.push(lines.join('\n') + (rnd() < 0.5 ? '\n' : ''));
  }
  return texts;
}

describe('the delimiter rules in ASCII classes', () => {
  it('find what the Unicode rules find, at the same indices, in any text of the BMP', () => {
    let state = 7;
    const rnd = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 4294967296;
    };
    // delimiters, ASCII, Latin with accents and a combining mark, CJK letters and punctuation, symbols, spaces
    const alphabet = ['*', '**', '_', '__', '~', '~~', 'a', 'Z', '0', ' ', '\n', '!', '.', '(', ')', '"', '[', 'é', '\u0301', '中', '文', '，', '。', '「', '」', '©', '✓', '€', '\u00a0', '\u3000', '—', '…', 'ß', '\u200b'];
    const shape = (m: RegExpExecArray | null): unknown => m && [m.index, m[0].length, ...(m.slice(1) as (string | undefined)[]).map((g) => (g === undefined ? -1 : g.length))];
    let compared = 0;
    for (let t = 0; t < 3000; t++) {
      let text = '';
      for (let k = 0, n = 1 + Math.floor(rnd() * 16); k < n; k++) text += alphabet[Math.floor(rnd() * alphabet.length)] ?? '';
      const ascii = asciiClasses(text);
      expect(ascii.length).toBe(text.length);
      for (const name of Object.keys(ASCII_RULES) as (keyof typeof ASCII_RULES)[]) {
        const [unicode, twin] = [RULES[name], ASCII_RULES[name]];
        if (unicode.global) {
          unicode.lastIndex = 0;
          twin.lastIndex = 0;
          for (;;) {
            const [u, a] = [unicode.exec(text), twin.exec(ascii)];
            expect(shape(a), `${name} ${JSON.stringify(text)}`).toEqual(shape(u));
            compared++;
            if (!u) break;
          }
        } else
          for (let at = 0; at < text.length; at++) {
            expect(shape(twin.exec(ascii.slice(at))), `${name} ${JSON.stringify(text)}`).toEqual(shape(unicode.exec(text.slice(at))));
            compared++;
          }
      }
    }
    expect(compared).toBeGreaterThan(10000);
    for (const twin of Object.values(ASCII_RULES)) expect(twin.source).not.toContain('\\p');
    expect(asciiClasses('plain ASCII *text*')).toBe('plain ASCII *text*');
    // outside the BMP a character is two code units, and two ASCII ones of its class (the rules' matches then start
    // a unit later, which emStrong and del make up for: the random texts below hold such characters)
    expect(asciiClasses('an emoji \u{1f680} *a* \u{1d400}')).toBe('an emoji !! *a* aa');
  });
});

describe('the fast lexer on random Markdown', () => {
  it('gives marked\'s tokens for every text it takes, and takes many', () => {
    let taken = 0;
    let lexedRuns = 0;
    for (const text of randomMarkdown(4000, 19)) {
      // marked 18.2.1 itself throws on a few texts (`- a\n  > *\n    b`): the fast lexer leaves those to it
      if (markedThrows(text)) {
        expect(() => lexFast(text)).toThrow();
        continue;
      }
      const outcome = compare(text);
      if (outcome.taken) taken++;
      lexedRuns += outcome.runs - outcome.declinedRuns;
    }
    expect(taken).toBeGreaterThan(1000);
    expect(lexedRuns).toBeGreaterThan(1000);
  });
});

describeWithSharedData('the fast lexer on the corpus', () => {
  it('gives marked\'s tokens for every corpus file, whole and in windows', () => {
    const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.md'));
    let taken = 0;
    for (const file of files) {
      const text = normalizeText(readFileSync(corpusPath(file), 'utf8')).text;
      if (compare(text).taken) taken++;
      compareWindows(text);
    }
    // 15 files when this was first written, all 34 since lazy lines, definitions and tables under text are taken
    expect(taken).toBe(files.length);
  });

  it('gives marked\'s tokens for the corpus files one after another, lexed in windows', () => {
    // Definitions make a text one piece; the rest, joined, is long enough to be lexed a window at a time.
    const texts = readdirSync(CORPUS_DIR)
      .filter((f) => f.endsWith('.md'))
      .map((f) => normalizeText(readFileSync(corpusPath(f), 'utf8')).text)
      .filter((t) => !t.includes(']:'));
    const joined = texts.join('\n\n# Next file\n\n');
    expect(joined.length).toBeGreaterThan(2 * LEX_WHOLE);
    const before = { ...fastLexStats };
    compareWindows(joined);
    expect(fastLexStats.pieces - before.pieces).toBeGreaterThan(10);
    expect(fastLexStats.declinedPieces - before.declinedPieces).toBe(0);
    expect(fastLexStats.declinedRuns - before.declinedRuns).toBe(0);
  });
});
