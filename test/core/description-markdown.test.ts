import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/core/parse/inline.js';
import { lexMarkdown } from '../../src/core/parse/lex/safe-lex.js';
import { parseRoadmap } from '../../src/core/parse/parse.js';
import type { Topic } from '../../src/core/types.js';

/** The first topic of a one-section roadmap whose topic lines are `body`. */
function first(body: string): Topic {
  const topic = parseRoadmap(`# R\n\n## S\n\n${body}\n`).sections[0]?.topics[0];
  if (!topic) throw new Error('no topic');
  return topic;
}

describe('a topic keeps its description as Markdown beside the plain text', () => {
  it.each([
    ['a paragraph under an item', '- Routing\n\n  Use `ServeMux`, **not** a *framework*.', 'Use ServeMux, not a framework.', 'Use `ServeMux`, **not** a *framework*.'],
    ['two paragraphs', '- Routing\n\n  One [doc](https://go.dev/doc).\n\n  Two.', 'One doc.\n\nTwo.', 'One [doc](https://go.dev/doc).\n\nTwo.'],
    ['a link title with a description', '- [Gin](https://gin-gonic.com) - a **fast** framework', 'a fast framework', 'a **fast** framework'],
    ['a bold term with a description', '- **Gin:** a `net/http` router', 'a net/http router', 'a `net/http` router'],
    ['a code block under an item (Markdown only)', '- Hello\n\n  Print it:\n\n  ```go\n  fmt.Println("hi")\n  ```', 'Print it:', 'Print it:\n\n```go\nfmt.Println("hi")\n```'],
    ['inline HTML kept as written', '- Title\n\n  A <kbd>Ctrl</kbd> key', 'A Ctrl key', 'A <kbd>Ctrl</kbd> key'],
    ['plain text from an HTML block, escaped', '- Title\n\n  <div>2 * 3 = 6</div>', '2 * 3 = 6', '2 \\* 3 = 6'],
  ])('%s', (_what, body, text, markdown) => {
    const t = first(body);
    expect(t.description).toBe(text);
    expect(t.descriptionMarkdown).toBe(markdown);
  });

  it('a heading that teaches one thing keeps its code blocks in order with its prose', () => {
    const md = ['# R', '', '## Reliability', '', '### Availability', '', 'How often it answers.', '', '#### In sequence', '', 'Availability drops when two parts are chained.', '', '```', 'A = B * C', '```', '', 'So it goes.', '', '### Latency', '', '- p99', '', '## Scale', '', '- Sharding', ''].join('\n');
    const t = parseRoadmap(md).sections[0]?.topics[0];
    expect(t?.title).toBe('In sequence');
    expect(t?.description).toBe('Availability drops when two parts are chained.\n\nSo it goes.');
    expect(t?.descriptionMarkdown).toBe('Availability drops when two parts are chained.\n\n```\nA = B * C\n```\n\nSo it goes.');
  });

  it('a list that explains a heading stays a list in the Markdown, flattened in the plain text', () => {
    const md = ['# R', '', '## Caching', '', '### Where a cache lives', '', 'It can live in several places, each with its own trade-offs:', '', '- In the client', '  - the browser', '- In a CDN', '', '### Eviction', '', '- LRU', '', '## Other', '', '- Thing', ''].join('\n');
    const t = parseRoadmap(md).sections[0]?.topics[0];
    expect(t?.title).toBe('Where a cache lives');
    expect(t?.description).toBe('It can live in several places, each with its own trade-offs:\n\nIn the client — the browser\n\nIn a CDN');
    expect(t?.descriptionMarkdown).toBe('It can live in several places, each with its own trade-offs:\n\n- In the client\n  - the browser\n\n- In a CDN');
  });
});

describe('escapeMarkdown: plain text that reads back as itself', () => {
  it.each([
    ['2 * 3 = 6'],
    ['- not a list'],
    ['1. not a list either'],
    ['# not a heading'],
    ['[not](a link) <b>no html</b> `no code` _no em_'],
    ['a & b &amp; c'],
    ['back\\slash'],
  ])('%s', (text) => {
    const tokens = [...lexMarkdown(escapeMarkdown(text))];
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.type).toBe('paragraph');
    const inline = (tokens[0] as { tokens?: Array<{ type: string; text?: string }> }).tokens ?? [];
    expect(inline.every((t) => t.type === 'text' || t.type === 'escape')).toBe(true);
  });
});
