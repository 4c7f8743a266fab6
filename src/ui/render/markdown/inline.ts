import type { Token, Tokens } from 'marked';
import { decodeEntities, htmlText } from '../../../core/parse/inline.js';
import { inert } from '../../sanitize.js';
import type { Theme } from '../../theme.js';
import { clickableUrl, hyperlinkStyle } from './hyperlink.js';
import type { Piece, Style } from './wrap.js';
import { appendAll } from '../../../core/append.js';

/** Untrusted text as it may reach the terminal: soft line breaks become spaces, controls are made visible. */
export function clean(text: string): string {
  return inert(text.replace(/\r?\n/g, ' '));
}

/** Applies `inner` then `outer`; either may be absent. */
export function compose(outer: Style | undefined, inner: Style): Style {
  return outer ? (text) => outer(inner(text)) : inner;
}

/**
 * A link as the terminal can show it. Where hyperlinks work, its text is clickable (an http(s) url only); elsewhere
 * `text (url)`, or the url alone when it is the text. In-page anchors (`#part`) lead nowhere here: text only.
 */
export function linkPieces(text: Piece[], href: string, theme: Theme, style: Style | undefined): Piece[] {
  const url = clickableUrl(href);
  const shown = text.map((p) => p.text).join('').trim();
  if (url && theme.hyperlinks) {
    const link = hyperlinkStyle(url, compose(style, theme.c.underline));
    return (shown ? text : [{ text: clean(href) }]).map((p) => ({ ...p, style: p.br ? undefined : compose(link, p.style ?? ((s) => s)) }));
  }
  if (href.startsWith('#') || href === '') return text;
  if (!shown || shown === href) return [{ text: clean(href), style: compose(style, theme.c.underline) }];
  return [...text, { text: ` (${clean(href)})`, style: compose(style, theme.c.dim) }];
}

/** Inline tokens as styled pieces of inert text: bold, italic, struck, code, links, hard breaks. */
export function inlinePieces(tokens: readonly Token[], theme: Theme, style?: Style): Piece[] {
  const out: Piece[] = [];
  const { c } = theme;
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'escape': {
        const t = token as Tokens.Text;
        if (t.tokens) appendAll(out, inlinePieces(t.tokens, theme, style));
        else out.push({ text: clean(decodeEntities(t.text)), style });
        break;
      }
      case 'strong':
        appendAll(out, inlinePieces((token as Tokens.Strong).tokens, theme, compose(style, c.bold)));
        break;
      case 'em':
        appendAll(out, inlinePieces((token as Tokens.Em).tokens, theme, compose(style, c.italic)));
        break;
      case 'del':
        appendAll(out, inlinePieces((token as Tokens.Del).tokens, theme, compose(style, c.strikethrough)));
        break;
      case 'codespan':
        out.push({ text: clean((token as Tokens.Codespan).text), style: compose(style, c.cyan) });
        break;
      case 'link': {
        const t = token as Tokens.Link;
        appendAll(out, linkPieces(inlinePieces(t.tokens, theme, style), t.href, theme, style));
        break;
      }
      case 'br':
        out.push({ text: '', br: true });
        break;
      case 'html': {
        const html = (token as Tokens.HTML).text;
        if (/^<br\s*\/?>$/iu.test(html.trim())) out.push({ text: '', br: true });
        else out.push({ text: clean(htmlText(html, [])), style });
        break;
      }
      case 'image':
      case 'checkbox':
        // Pictures cannot be shown in text, as in the plain description; a task box is drawn by its list item.
        break;
      default:
        if ('text' in token && typeof token.text === 'string') out.push({ text: clean(decodeEntities(token.text)), style });
    }
  }
  return out;
}
