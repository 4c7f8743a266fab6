import { Lexer } from 'marked';
import { describe, expect, it } from 'vitest';
import { lexMarkdown } from '../../src/core/parse/lex/safe-lex.js';

/**
 * safe-lex.ts runs marked's lexer in its two inner steps (blockTokens, then inlineTokens over inlineQueue, resetting
 * state.inRawBlock) so it can measure inline work before the slow pass. Those are marked internals, not its
 * documented API: marked is pinned to a tilde range, and this contract fails first when an update changes them.
 */
const DOCUMENTS: Array<[string, string]> = [
  ['headings and a nested list', '# Roadmap\n\n## Basics\n\n- Variables\n  - `var` and `:=`\n- Functions\n\n### Deeper\n\n1. one\n2. two\n'],
  ['emphasis, links and code', 'Learn **bold** and _italic_, [a link](https://go.dev "t"), <https://pkg.go.dev>, `code` and ~~gone~~.\n'],
  ['raw HTML blocks and inline HTML', '<details><summary>More</summary>\n\n- inside\n\n</details>\n\n<pre>\n*not emphasis*\n</pre>\n\nText with <b>html</b> and <br> tags.\n'],
  ['a table and task items', '| Day | Topic |\n|---|---|\n| 1 | [Go](https://go.dev) |\n\n- [ ] todo\n- [x] done\n'],
  ['reference links', 'See [the tour][tour] and [docs].\n\n[tour]: https://go.dev/tour\n[docs]: https://go.dev/doc\n'],
  ['block quotes, code fences and setext headings', 'Title\n=====\n\n> quoted *text*\n> - item\n\n```go\nfunc main() {}\n```\n\n    indented code\n'],
];

describe('the marked internals safe-lex relies on', () => {
  it('exist with the shapes used', () => {
    const lexer = new Lexer({ gfm: true });
    expect(typeof lexer.blockTokens).toBe('function');
    expect(typeof lexer.inlineTokens).toBe('function');
    expect(Array.isArray(lexer.inlineQueue)).toBe(true);
    expect(Array.isArray(lexer.tokens)).toBe(true);
    expect(lexer.state).toHaveProperty('inRawBlock');
    lexer.blockTokens('Some *inline* text\n', lexer.tokens);
    expect(lexer.inlineQueue.length).toBeGreaterThan(0);
    expect(lexer.inlineQueue[0]).toEqual(expect.objectContaining({ src: expect.any(String) as string, tokens: expect.any(Array) as unknown[] }));
  });

  it.each(DOCUMENTS)('lexing in two steps gives exactly what Lexer.lex gives: %s', (_name, text) => {
    // Spread: Lexer.lex also hangs the reference links on the array, which the parser reads from the tokens instead.
    expect([...lexMarkdown(text)]).toEqual([...Lexer.lex(text, { gfm: true })]);
  });
});
