import { BOILERPLATE_PREFIXES, BOILERPLATE_WORDS, TOC_WORDS } from './boilerplate-words.js';
import { collapseSpaces, decodeEntities } from './inline.js';

export interface CleanTitle {
  title: string;
  order?: string;
  icon?: string;
}

const LEADING_EMOJI =
  /^((?:[\p{Extended_Pictographic}\p{Regional_Indicator}](?:[\uFE0F\u20E3\p{Emoji_Modifier}]|\u200D\p{Extended_Pictographic})*)+|:[a-z0-9_+-]+:)\s*/u;
/** Words that number a step of a plan, in the languages roadmaps are written in (en, es, pt, fr, de, tr, vi, ru, fa). */
const STEP_WORDS = [
  'phase', 'step', 'part', 'stage', 'week', 'weeks', 'day', 'days', 'module', 'chapter', 'level', 'lesson', 'unit', 'section', 'milestone', 'sprint', 'month', 'months', 'session', 'class', 'lecture', 'topic',
  'fase', 'etapa', 'paso', 'passo', 'parte', 'semana', 'semanas', 'día', 'dia', 'dias', 'días', 'módulo', 'modulo', 'capítulo', 'capitulo', 'nivel', 'nível', 'lección', 'leccion', 'lição', 'licao', 'aula', 'clase', 'unidad', 'unidade', 'mes', 'mês', 'meses', 'tema', 'sesión', 'sessão',
  'étape', 'etape', 'semaine', 'jour', 'mois', 'chapitre', 'niveau', 'leçon', 'lecon', 'séance', 'partie', 'unité',
  'schritt', 'woche', 'wochen', 'tag', 'monat', 'kapitel', 'stufe', 'lektion', 'teil', 'einheit',
  'aşama', 'asama', 'adım', 'adim', 'hafta', 'gün', 'gun', 'ay', 'bölüm', 'bolum', 'seviye', 'ders', 'ünite',
  'giai đoạn', 'bước', 'tuần', 'ngày', 'tháng', 'chương', 'cấp độ', 'bài', 'phần', 'buổi',
  'этап', 'шаг', 'часть', 'неделя', 'недели', 'день', 'глава', 'модуль', 'урок', 'уровень', 'месяц', 'тема', 'раздел',
  'فصل', 'مرحله', 'گام', 'بخش', 'هفته', 'روز', 'درس', 'ماه', 'سطح',
];
const WORD_NUMBERING = new RegExp(
  `^((?:${STEP_WORDS.join('|')})\\s*#?\\p{Nd}+(?:\\.\\p{Nd}+)*[a-z]?(?:\\s*[-–~]\\s*\\p{Nd}+(?![.\\p{Nd}]))?)\\s*(?:[:.)\\-–—|：]\\s*|\\s+|$)`,
  'iu',
);
/** Korean and Japanese counters after the number: 1주차, 2단계, 3장, 1週目, ステップ1. */
const SUFFIX_NUMBERING = /^(\p{Nd}+\s*(?:주차|주|단계|장|일차|일|개월|월|강|과|부|週目|週間|日目|ヶ月目|か月目|章|段階|回)|ステップ\s*\p{Nd}+|스텝\s*\p{Nd}+)\s*[:.)\-–—|：]?\s*/u;
/** Chinese and Japanese numbering: 第一阶段：, 第3章, 第二周. */
const CJK_NUMBERING = /^(第[一二三四五六七八九十百零〇两\p{Nd}]+[阶階段章节節周週天步部课課讲講篇级級期回]+|[一二三四五六七八九十]{1,3}(?=[、．.]))\s*[：:、.．\s-]?\s*/u;
/** Status glyphs at the end of a title are metadata ("Docker ✅"), not words of it. */
const TRAILING_STATUS = /\s+((?:✅|✔️|✔|☑️|☑|✓|⏳|⌛|🟢|🟡|🟠|🔴|❌|✖️|🚧|⬜|🔲|🔳))$/u;
const BONUS_NUMBERING = /^((?:bonus|extra)(?:\s*#?\d+)?)\s*[:.)\-–—|]\s*/iu;
const DIGIT_NUMBERING = /^(\p{Nd}{1,3}(?:\.\p{Nd}{1,3})+[.)、:]?(?=\s)|\p{Nd}{1,3}(?:[.)](?=\s|\*|_)|[、:：])|[IVX]{1,5}\.(?=\s)|\(\p{Nd}{1,3}\))\s*/u;

/** Only a title starting with a non-ASCII character or ":" (`:rocket:`) can start with an emoji. */
function mayStartWithEmoji(title: string): boolean {
  const c = title.charCodeAt(0);
  return c >= 0x80 || c === 58;
}

/** Every numbering starts with a letter, a digit, "(" or a non-ASCII character (第, ステップ, digits of other scripts). */
function mayStartWithNumbering(title: string): boolean {
  const c = title.charCodeAt(0);
  return c >= 0x80 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 40;
}

/** Whether the last character other than whitespace is a colon. */
function endsWithColon(title: string): boolean {
  const end = title.trimEnd();
  const c = end.charCodeAt(end.length - 1);
  return c === 58 || c === 0xff1a;
}

/**
 * Splits a heading or item title into its display title, leading numbering (`order`) and leading emoji (`icon`).
 * Called for every heading and item, so each pattern runs only when the first or last character lets it match.
 */
export function cleanTitle(raw: string): CleanTitle {
  let title = collapseSpaces(raw).trim();
  const out: CleanTitle = { title };
  const emoji = mayStartWithEmoji(title) ? LEADING_EMOJI.exec(title) : null;
  if (emoji?.[1] && emoji[0].length < title.length) {
    out.icon = emoji[1];
    title = title.slice(emoji[0].length);
  }
  const numbering = mayStartWithNumbering(title)
    ? (WORD_NUMBERING.exec(title) ?? SUFFIX_NUMBERING.exec(title) ?? CJK_NUMBERING.exec(title) ?? BONUS_NUMBERING.exec(title) ?? DIGIT_NUMBERING.exec(title))
    : null;
  if (numbering?.[1] && numbering[0].length < title.length) {
    out.order = numbering[1].replace(/[.)、:]$/u, '').replace(/^\((.*)\)$/u, '$1');
    title = title.slice(numbering[0].length);
  }
  if (!out.icon && mayStartWithEmoji(title)) {
    const after = LEADING_EMOJI.exec(title);
    if (after?.[1] && after[0].length < title.length) {
      out.icon = after[1];
      title = title.slice(after[0].length);
    }
  }
  // Every status glyph is outside ASCII.
  const status = title.charCodeAt(title.length - 1) >= 0x80 ? TRAILING_STATUS.exec(title) : null;
  if (status?.[1] && status.index > 0) {
    out.icon ??= status[1];
    title = title.slice(0, status.index);
  }
  // "Month 3 (Deep Learning)": what is left is the title, not a parenthetical remark.
  if (out.order && /^\([^()]+\)$/u.test(title)) title = title.slice(1, -1);
  if (endsWithColon(title)) title = title.replace(/\s*[:：]\s*$/u, '');
  if (title.endsWith('.')) title = title.replace(/(?<![.\s]|\b(?:etc|vs|e\.g|i\.e|approx|incl))\.$/u, '');
  title = title.trim();
  out.title = title || raw.trim();
  return out;
}

/** Whether a text is nothing but a numbering ("Aula 1.1", "Week 3", "2.4"), so the words after it are the title. */
export function isNumberingOnly(text: string): boolean {
  const probe = cleanTitle(`${text.replace(/\s*[:：]\s*$/u, '')}: x`);
  return probe.order !== undefined && probe.title === 'x';
}

/** A numbering such as "1.", "Phase 2:", "Lesson 7A" or "Bonus:" in front of a title. */
export function isNumberedTitle(text: string): boolean {
  const order = cleanTitle(text).order;
  return order !== undefined && (/\p{Nd}|[一二三四五六七八九十]/u.test(order) || /^(?:bonus|extra)/iu.test(order));
}

const TOC_TITLES = new Set(TOC_WORDS);
const BOILERPLATE = new Set(BOILERPLATE_WORDS);
/** CJK titles have no spaces between words: a prefix there is any leading run of characters. */
const NO_SPACES = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;

/** A title reduced for comparison: emoji, numbering, punctuation and case removed. */
export function normalizeForMatch(title: string): string {
  const { title: clean } = cleanTitle(decodeEntities(title));
  return clean
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a heading names a table of contents, in several languages. */
export function isTocTitle(title: string): boolean {
  return TOC_TITLES.has(normalizeForMatch(title));
}

/**
 * The boilerplate prefixes as the starts a normalised title is matched against: "x*" and CJK prefixes match any title
 * starting with them, the others a title that is the prefix or starts with it and a space.
 */
const BOILERPLATE_STARTS = BOILERPLATE_PREFIXES.map((p) =>
  p.endsWith('*') || NO_SPACES.test(p) ? { start: p.replace(/\*$/u, ''), whole: undefined } : { start: `${p} `, whole: p },
);

/** Whether a heading is boilerplate around a roadmap (license, contributing, sponsors…), in several languages. */
export function isBoilerplateTitle(title: string): boolean {
  return boilerplateKind(title) !== undefined;
}

/** What kind of part around the roadmap a heading names: its table of contents, other boilerplate, or neither. */
export function boilerplateKind(title: string): 'toc' | 'boilerplate' | undefined {
  const norm = normalizeForMatch(title);
  if (TOC_TITLES.has(norm)) return 'toc';
  if (BOILERPLATE.has(norm)) return 'boilerplate';
  return BOILERPLATE_STARTS.some(({ start, whole }) => norm === whole || norm.startsWith(start)) ? 'boilerplate' : undefined;
}

const ROADMAP_WORDS =
  /\b(roadmap|road map|learning path|learning plan|curriculum|syllabus|study plan|study guide|checklist|check list|learning roadmap)\b|路线|路線|学习路径|學習路徑|نقشه راه|дорожная карта/iu;

/** Whether a part of a document is titled as the roadmap itself. */
export function isRoadmapTitle(title: string): boolean {
  return ROADMAP_WORDS.test(title);
}
