import { appendAll, maxOf } from '../../append.js';
/**
 * Raw HTML read as the Markdown it stands for, so lists, tables and link lines written in HTML reach the same rules
 * as their Markdown twins: `<ul><li>` becomes `- ` lines (nested by depth), `<table>` rows a GFM table, `<a href>`
 * a link, `<b>` bold, `<br>` a line break. Headings inside such a block become bold label lines: they name the list
 * below them without changing the document's heading levels. Other tags are dropped, their text kept.
 */

const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;

interface Cell {
  text: string;
}

interface ListLevel {
  ordered: boolean;
  count: number;
}

/** An attribute's value from a tag's attribute text. */
function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'iu').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Whether a block of HTML holds structure worth reading as Markdown: a list or a table. */
export function hasHtmlStructure(html: string): boolean {
  return /<(?:li|tr)\b/iu.test(html);
}

/** Converts an HTML fragment to Markdown text (see the module comment for what is kept). */
export function htmlToMarkdown(html: string): string {
  const out: string[] = [];
  const lists: ListLevel[] = [];
  let line = '';
  let table: Cell[][] | undefined;
  let row: Cell[] | undefined;
  let cell: Cell | undefined;
  const hrefs: string[] = [];
  let pre = 0;

  const write = (text: string): void => {
    if (cell) cell.text += text;
    else line += text;
  };
  const flush = (): void => {
    if (line.trim()) out.push(line.replace(/\s+$/u, ''));
    line = '';
  };
  const blank = (): void => {
    flush();
    if (out.length && out[out.length - 1] !== '') out.push('');
  };
  const indent = (): string => '  '.repeat(Math.max(0, lists.length - 1));

  let last = 0;
  const text = (s: string): void => {
    if (!s) return;
    if (pre > 0) {
      write(s);
      return;
    }
    const collapsed = s.replace(/\s+/gu, ' ');
    // Text right after a line break or an item marker starts without the space the source put there.
    write(/(?:^|\n|- |\d\. )$/u.test(cell ? cell.text : line) || (!cell && line.trim() === '') ? collapsed.replace(/^ /u, '') : collapsed);
  };

  for (const m of html.matchAll(TAG)) {
    text(html.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[0].startsWith('<!--')) continue;
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    const attrs = m[3] ?? '';
    switch (name) {
      case 'ul':
      case 'ol':
        if (cell) break;
        if (closing) {
          lists.pop();
          if (lists.length === 0) blank();
        } else {
          if (lists.length === 0) blank();
          else flush();
          lists.push({ ordered: name === 'ol', count: 0 });
        }
        break;
      case 'li': {
        if (closing) break;
        if (cell) {
          if (cell.text.trim()) cell.text += '; ';
          break;
        }
        flush();
        const level = lists[lists.length - 1];
        if (level) level.count++;
        line = `${indent()}${level?.ordered ? `${level.count}. ` : '- '}`;
        break;
      }
      case 'table':
        if (closing) {
          if (table) emitTable(table, out);
          table = undefined;
          row = undefined;
          cell = undefined;
        } else {
          blank();
          table = [];
        }
        break;
      case 'tr':
        if (!table) break;
        if (!closing) {
          row = [];
          table.push(row);
        }
        cell = undefined;
        break;
      case 'td':
      case 'th':
        if (!row) break;
        if (closing) cell = undefined;
        else {
          cell = { text: '' };
          row.push(cell);
        }
        break;
      case 'a':
        if (closing) {
          const href = hrefs.pop();
          if (href !== undefined) write(`](${href.replace(/[()\s]/gu, (c) => encodeURIComponent(c))})`);
        } else {
          const href = attr(attrs, 'href');
          if (href !== undefined && !/^\s*javascript:/iu.test(href)) {
            hrefs.push(href);
            write('[');
          }
        }
        break;
      case 'b':
      case 'strong':
        write('**');
        break;
      case 'i':
      case 'em':
        write('_');
        break;
      case 'code':
        if (pre === 0) write('`');
        break;
      case 'pre':
        pre += closing ? -1 : 1;
        break;
      case 'br':
        if (cell) cell.text += ' ';
        else flush();
        break;
      case 'img': {
        const alt = attr(attrs, 'alt') ?? '';
        const src = attr(attrs, 'src');
        if (src) write(`![${alt}](${src.replace(/[()\s]/gu, (c) => encodeURIComponent(c))})`);
        break;
      }
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        if (cell) break;
        if (closing) {
          write('**');
          blank();
        } else {
          blank();
          write('**');
        }
        break;
      case 'p':
      case 'div':
      case 'section':
      case 'center':
      case 'details':
      case 'summary':
        if (!cell && lists.length === 0) blank();
        break;
      default:
        break;
    }
  }
  text(html.slice(last));
  if (table) emitTable(table, out);
  flush();
  return out.join('\n').replace(/\*\*\s*\*\*/gu, '').trim();
}

/** A GFM table for the rows read; the first row is the header. */
function emitTable(rows: Cell[][], out: string[]): void {
  const width = maxOf(rows.map((r) => r.length), 0);
  if (width === 0 || rows.length === 0) return;
  const cellText = (c: Cell | undefined): string =>
    (c?.text ?? '')
      .replace(/\s+/gu, ' ')
      .replace(/;\s*$/u, '')
      .replace(/\|/gu, '\\|')
      .trim();
  const line = (r: Cell[]): string => `| ${Array.from({ length: width }, (_, i) => cellText(r[i])).join(' | ')} |`;
  const [head, ...body] = rows;
  if (!head) return;
  if (out.length && out[out.length - 1] !== '') out.push('');
  appendAll(out, [line(head), `|${' --- |'.repeat(width)}`, ...body.map(line), '']);
}
