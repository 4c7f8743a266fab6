import { RoadmapInputError } from '../errors.js';
import { isAscii } from '../text/lazy-pattern.js';

export interface NormalizedText {
  text: string;
  /** How many runs of double-encoded UTF-8 were repaired. */
  repaired: number;
  /** Line of the first repair, in the file as given. */
  repairedLine?: number;
  frontMatter: Record<string, string>;
  /** Lines taken off the top by front matter, so reported lines match the file. */
  lineOffset: number;
}

/** Windows-1252 bytes 0x80-0x9F, the usual second encoding in mojibake. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const CP1252_TO_BYTE = new Map<string, number>(Array.from(CP1252_HIGH, (ch) => ch).map((ch, i) => [ch, 0x80 + i]));
const MOJIBAKE_RUN = new RegExp(`[\\u00C2-\\u00F4][${CP1252_HIGH}\\u0080-\\u00BF]+`, 'gu');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes file bytes as UTF-8 or throws an RoadmapInputError that says what the bytes are instead. */
export function decodeBytes(bytes: Uint8Array, name: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new RoadmapInputError(`${name} is UTF-16 text, not UTF-8`, 'convert it first, for example: iconv -f UTF-16 -t UTF-8 FILE > roadmap.md');
  }
  const probe = bytes.subarray(0, 8000);
  const wide = utf16WithoutBom(probe);
  if (wide) {
    throw new RoadmapInputError(`${name} looks like UTF-16 text (${wide}, no byte-order mark), not UTF-8`, `convert it first, for example: iconv -f UTF-16${wide === 'little-endian' ? 'LE' : 'BE'} -t UTF-8 FILE > roadmap.md`);
  }
  if (probe.includes(0)) {
    throw new RoadmapInputError(`${name} looks like a binary file, not Markdown text`, 'pass a Markdown (.md) file');
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new RoadmapInputError(
      `${name} is not UTF-8 text (invalid byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at})`,
      'it may be Latin-1 or Windows-1252; convert it with: iconv -f WINDOWS-1252 -t UTF-8 FILE > roadmap.md',
    );
  }
}

/** UTF-16 without a byte-order mark: ASCII text then has a zero in every other byte. */
function utf16WithoutBom(probe: Uint8Array): 'little-endian' | 'big-endian' | undefined {
  const pairs = Math.floor(probe.length / 2);
  if (pairs < 2) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i + 1 < probe.length; i += 2) {
    if (probe[i] === 0) evenZero++;
    if (probe[i + 1] === 0) oddZero++;
  }
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'little-endian';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'big-endian';
  return undefined;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search on the longest valid prefix; a prefix cut inside a character is invalid too, hence the slack.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      strictUtf8.decode(bytes.subarray(0, mid));
      lo = mid;
    } catch {
      const fixed = [1, 2, 3].some((extra) => {
        try {
          strictUtf8.decode(bytes.subarray(0, Math.min(bytes.length, mid + extra)));
          return true;
        } catch {
          return false;
        }
      });
      if (fixed) lo = mid;
      else hi = mid - 1;
    }
  }
  return Math.min(lo, bytes.length - 1);
}

/** Repairs UTF-8 that was decoded as Windows-1252 and encoded again ("hereâ€™s" -> "here’s"); `line` is the first repaired line. */
export function repairMojibake(text: string): { text: string; repaired: number; line?: number } {
  let repaired = 0;
  let first: number | undefined;
  const out = text.replace(MOJIBAKE_RUN, (run, offset: number) => {
    const bytes: number[] = [];
    for (const ch of run) {
      const code = ch.codePointAt(0) ?? 0;
      // Windows-1252 punctuation maps back to its byte; C1 controls are the same bytes read as ISO-8859-1.
      const b = code <= 0xff ? code : CP1252_TO_BYTE.get(ch);
      if (b === undefined) return run;
      bytes.push(b);
    }
    try {
      const fixed = strictUtf8.decode(Uint8Array.from(bytes));
      repaired++;
      first ??= offset;
      return fixed;
    } catch {
      return run;
    }
  });
  if (first === undefined) return { text: out, repaired };
  let line = 1;
  for (let i = 0; i < first; i++) if (text.charCodeAt(i) === 10) line++;
  return { text: out, repaired, line };
}

function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) {
    if (ch === '\t') out += ' '.repeat(4 - (out.length % 4));
    else out += ch;
  }
  return out;
}

const FRONT_MATTER = /^(---|\+\+\+)\n([\s\S]*?)\n\1[ \t]*(?:\n|$)/;

function parseFrontMatter(body: string, toml: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = body.split('\n');
  lines.forEach((line, i) => {
    const m = toml ? /^([A-Za-z_][\w-]*)\s*=\s*(.*)$/.exec(line) : /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!m?.[1] || m[2] === undefined) return;
    let value = m[2].trim();
    if (!toml && /^[|>][-+]?$/.test(value)) {
      // A YAML block scalar: the indented lines below are the value.
      const block: string[] = [];
      for (const next of lines.slice(i + 1)) {
        if (next.trim() && !/^\s/.test(next)) break;
        block.push(next.trim());
      }
      value = block.join(value.startsWith('|') ? '\n' : ' ').trim();
    }
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    if (value) out[m[1].toLowerCase()] = value;
  });
  return out;
}

/** Turns decoded text into the canonical form the parser reads: no BOM, LF, no tabs, NFC, front matter split off. */
export function normalizeText(raw: string): NormalizedText {
  let text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  text = text.replace(/\r\n?/g, '\n');
  const { text: fixed, repaired, line: repairedLine } = repairMojibake(text);
  // ASCII is in NFC already, and most roadmaps are ASCII: normalising 10 MB costs tens of milliseconds.
  text = isAscii(fixed) ? fixed : fixed.normalize('NFC');
  // Rebuilt only when there are tabs: a copy of a large text would be kept alive by every slice of it in the tree.
  if (text.includes('\t')) text = text.split('\n').map(expandTabs).join('\n');
  let frontMatter: Record<string, string> = {};
  let lineOffset = 0;
  const fm = FRONT_MATTER.exec(text);
  if (fm?.[2] !== undefined) {
    frontMatter = parseFrontMatter(fm[2], fm[1] === '+++');
    lineOffset = fm[0].split('\n').length - (fm[0].endsWith('\n') ? 1 : 0);
    text = text.slice(fm[0].length);
  }
  return { text, repaired, frontMatter, lineOffset, ...(repairedLine === undefined ? {} : { repairedLine }) };
}
