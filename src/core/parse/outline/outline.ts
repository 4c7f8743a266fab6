import type { Token, Tokens } from 'marked';
import { lexMarkdown, newLexBudget } from '../lex/safe-lex.js';
import { escapeMarkdown, inlineText } from '../inline.js';
import { codeChecklist, htmlBlock, htmlLinkItems, type DetailsStep, type HtmlState } from './html.js';
import { countNewlines, lineOf, listItems, nestQuotedLists, numberedLines, tableRows, tocListsMarked } from './items.js';
import { outlineNode, type OutlineNode } from './node.js';
import { EAST_ASIAN_WIDE } from '../../text/width.js';
import { RESOURCE_WORDS } from '../vocabulary.js';
import { appendAll } from '../../append.js';
import { once } from '../../text/lazy-pattern.js';

export { ITEM_LEVEL, outlineNode, type OutlineNode } from './node.js';

/** What a document is made of besides its tree: a title shown in leading HTML, and the headings links may target. */
export interface Outline {
  root: OutlineNode;
  /** Text of a heading in HTML at the top of the file, before any Markdown heading. */
  htmlTitle?: string;
  /** Alt text of a logo image at the top of the file. */
  logo?: string;
  /**
   * A bold line opening the file that does not name a list below it ("**Math for games**"), or a bold line of its own
   * in the HTML above the first Markdown block (`<p align=center><b>Title</b></p>`).
   */
  boldTitle?: string;
  /** Some list was read as a table of contents (its items have `toc` set): without one, nothing needs looking for them. */
  toc: boolean;
}

const BOLD_LABEL = /^(?:\*\*|__)[^\n]{1,80}?(?:\*\*|__)\s*[:：]?\s*$/u;
const COLON_END = /[:：]\s*(?:\*\*|__)?$/u;
/** A bold label after emoji: made on first use, as few paragraphs start outside ASCII. */
const ICON_BOLD_LABEL = once(() => /^(?:[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u200D]+\s*)+(?:\*\*|__)[^\n]{1,80}?(?:\*\*|__)\s*[:：]?\s*$/u);
/** A paragraph that is one bold run, not ending in a colon. */
const BOLD_LINE = /^(?:\*\*|__)[^\n]{1,120}?(?:\*\*|__)$/u;

/**
 * Whether a paragraph names what follows ("**Resources:**", "Python:", "Visit the following resources:") rather than
 * being prose, and how: "icon" for a bold line after an icon ("🟢 **Level 1 – Beginner**"), "label" for the others.
 */
function labelKind(raw: string, plain: string): 'label' | 'icon' | undefined {
  if (plain.length > 80) return undefined;
  if (BOLD_LABEL.test(raw)) return 'label';
  if (raw.charCodeAt(0) >= 0x80 && ICON_BOLD_LABEL().test(raw)) return 'icon';
  if (!COLON_END.test(raw)) return undefined;
  return plain.split(/\s+/u).length <= 5 || RESOURCE_WORDS.test(plain) ? 'label' : undefined;
}
const IMAGE = /!\[[^\]]*\]|<img\s/iu;

/** Reads Markdown into an outline; `lineOffset` is how many lines front matter took off the top. */
export function buildOutline(text: string, lineOffset: number): Outline {
  const budget = newLexBudget();
  const tokens = lexMarkdown(text, lineOffset, budget);
  const root = outlineNode('root', 0, '', 1);
  const stack: OutlineNode[] = [root];
  const out: Outline = { root, toc: false };
  const tocBefore = tocListsMarked();
  const html: HtmlState = { seenHeading: false };
  let lastItem: OutlineNode | undefined;
  let label: string | undefined;
  let colonIntro = false;
  let quoteDepth = 0;
  let tables = 0;
  /** The last item of an ordered list that was the block just before: unindented bullets after it are its sub-items. */
  let orderedBefore: OutlineNode | undefined;
  const top = (): OutlineNode => stack[stack.length - 1] ?? root;

  /** A label written after an icon, kept in its node's description until a list shows that it names the list. */
  let iconLabel: { node: OutlineNode; entry: OutlineNode['description'][number]; text: string } | undefined;
  /** The file's first block, when it is a bold line of its own: the title, unless a list follows it (then a label). */
  let boldFirst: string | undefined;
  /** A bold line of its own in HTML before the first block of Markdown. */
  let boldHtml: string | undefined;
  let opened = false;

  const visit = (token: Token, at: number): void => {
    const keepIntro = token.type === 'space';
    if (!opened && token.type !== 'space' && token.type !== 'html') {
      opened = true;
      if (token.type === 'paragraph' && BOLD_LINE.test((token as Tokens.Paragraph).text.trim())) boldFirst = inlineText((token as Tokens.Paragraph).tokens, (token as Tokens.Paragraph).text).text;
    } else if (boldFirst !== undefined && token.type === 'list' && label === boldFirst) boldFirst = undefined;
    if (token.type !== 'space' && token.type !== 'list') orderedBefore = undefined;
    if (!keepIntro && token.type !== 'list' && token.type !== 'paragraph') {
      label = undefined;
      colonIntro = false;
    }
    switch (token.type) {
      case 'heading': {
        const h = token as Tokens.Heading;
        while (stack.length > 1 && top().level >= h.depth) stack.pop();
        const inline = inlineText(h.tokens, h.text);
        const heading = outlineNode('heading', h.depth, inline.text, at);
        heading.links = inline.links;
        top().children.push(heading);
        stack.push(heading);
        html.seenHeading = true;
        lastItem = undefined;
        return;
      }
      case 'list': {
        const list = token as Tokens.List;
        if (iconLabel && label === iconLabel.text) {
          // The icon label names this list: it is not part of the description after all.
          const index = iconLabel.node.description.indexOf(iconLabel.entry);
          if (index >= 0) iconLabel.node.description.splice(index, 1);
        }
        iconLabel = undefined;
        const items = listItems(list, at, { label, prose: colonIntro });
        const owner = orderedBefore;
        orderedBefore = list.ordered ? items[items.length - 1] : undefined;
        if (!list.ordered && owner && owner.children.length === 0) {
          // "1. Linux" then "- Bash" at the margin: bullets right under a numbered item are its sub-items.
          appendAll(owner.children, items);
          lastItem = items[items.length - 1];
          label = undefined;
          colonIntro = false;
          return;
        }
        appendAll(top().children, items);
        lastItem = items[items.length - 1];
        label = undefined;
        colonIntro = false;
        return;
      }
      case 'paragraph': {
        paragraph(token as Tokens.Paragraph, at);
        return;
      }
      case 'blockquote': {
        const q = token as Tokens.Blockquote;
        if (lastItem && q.tokens.some((t) => t.type === 'list')) {
          nestQuotedLists(q, lastItem, at);
          return;
        }
        // A quote is an aside (a note, a credit): its text describes the part, but is not the part's body prose.
        quoteDepth++;
        for (const t of q.tokens) visit(t, lineOf(q.raw, t.raw, at));
        quoteDepth--;
        return;
      }
      case 'table': {
        const rows = tableRows(token as Tokens.Table, at);
        tables++;
        for (const r of rows) r.table = tables;
        appendAll(top().children, rows);
        lastItem = undefined;
        return;
      }
      case 'code': {
        const rows = codeChecklist(token as Tokens.Code, at);
        appendAll(top().children, rows);
        // Code that is not a drawn checklist belongs to what it sits under, in its Markdown (it has no plain text).
        if (rows.length === 0) top().description.push({ text: '', markdown: token.raw.trim() });
        return;
      }
      case 'html': {
        const result = htmlBlock((token as Tokens.HTML).text, at, top(), html);
        if (result.markdown) {
          readMarkdown(result.markdown.text, at + result.markdown.lineOffset);
          return;
        }
        if (result.details) {
          for (const step of result.details) details(step, at);
          return;
        }
        if (result.title !== undefined) out.htmlTitle ??= result.title;
        if (result.logo !== undefined) out.logo ??= result.logo;
        if (result.bold !== undefined && !opened) boldHtml ??= result.bold;
        return;
      }
      default:
        return;
    }
  };

  /** Markdown found inside HTML, read in place; `at` is the line it starts on. */
  const readMarkdown = (text: string, at: number): void => {
    let inner = at;
    for (const t of lexMarkdown(text, inner - 1, budget)) {
      visit(t, inner);
      inner += countNewlines(t.raw);
    }
  };

  /** A `<details>` block is a group named by its `<summary>`, holding what comes until `</details>`. */
  const details = (step: DetailsStep, at: number): void => {
    switch (step.kind) {
      case 'open': {
        const group = outlineNode('group', top().level + 0.5, '', step.line);
        top().children.push(group);
        stack.push(group);
        lastItem = undefined;
        return;
      }
      case 'summary': {
        const group = top();
        if (group.kind === 'group' && !group.text) {
          group.text = step.text;
          appendAll(group.links, step.links);
        } else if (step.text) top().description.push({ text: step.text, markdown: escapeMarkdown(step.text) });
        return;
      }
      case 'close':
        // A stray `</details>` closes nothing: the headings above stay open.
        if (!stack.some((n) => n.kind === 'group')) return;
        while (stack.length > 1 && top().kind !== 'group') stack.pop();
        stack.pop();
        lastItem = undefined;
        return;
      case 'markdown':
        readMarkdown(step.text, at + step.lineOffset);
        return;
    }
  };

  const paragraph = (p: Tokens.Paragraph, at: number): void => {
    const node = top();
    if (p.text.includes('<a')) {
      const items = htmlLinkItems(p.text, at);
      if (items.length) {
        appendAll(node.children, items);
        return;
      }
    }
    const numbered = numberedLines(p, at);
    if (numbered.length) {
      appendAll(node.children, numbered);
      label = undefined;
      return;
    }
    const inline = inlineText(p.tokens, p.text);
    if (IMAGE.test(p.text)) node.images++;
    if (!inline.text) return;
    const raw = p.text.trim();
    const kind = labelKind(raw, inline.text);
    if (kind) {
      label = inline.text;
      colonIntro = false;
      if (kind === 'icon') {
        // "🕒 **Estimated time: 2 weeks**" before a heading describes the part; before a list, it names the list.
        const entry = { text: inline.text, markdown: raw };
        node.description.push(entry);
        iconLabel = { node, entry, text: inline.text };
      }
    } else {
      node.description.push({ text: inline.text, markdown: raw });
      const linkText = inline.links.reduce((n, l) => n + l.title.length, 0);
      if (quoteDepth === 0) node.proseChars += Math.max(0, proseLength(inline.text) - linkText);
      label = undefined;
      colonIntro = COLON_END.test(raw);
    }
    appendAll(node.links, inline.links);
  };

  let line = 1 + lineOffset;
  for (const token of tokens) {
    visit(token, line);
    line += countNewlines(token.raw);
  }
  out.toc = tocListsMarked() !== tocBefore;
  const boldTitle = boldFirst ?? boldHtml;
  if (boldTitle) out.boldTitle = boldTitle;
  return out;
}

/** Length of prose with wide (CJK) characters counted twice, as they carry about twice the meaning per character. */
function proseLength(text: string): number {
  // One native scan for the wide characters (none in most text), not a test per character.
  const wide = text.match(EAST_ASIAN_WIDE_ALL);
  return text.length + (wide ? wide.length : 0);
}
const EAST_ASIAN_WIDE_ALL = new RegExp(EAST_ASIAN_WIDE.source, 'gu');
