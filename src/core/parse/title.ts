import { BOILERPLATE_PREFIXES, BOILERPLATE_WORDS, TOC_WORDS } from './boilerplate-words.js';
import { collapseSpaces, decodeEntities } from './inline.js';
import { isAscii, lazyTest, mayFoldTo, mayHoldAny, once } from '../text/lazy-pattern.js';

export interface CleanTitle {
  title: string;
  order?: string;
  icon?: string;
}

// The patterns are made on first use (see lazy-pattern.ts) and each runs only when a cheap check of the title's
// characters says it can match, so a title such as "Basics" compiles none of them.
const LEADING_EMOJI = once(
  () => /^((?:[\p{Extended_Pictographic}\p{Regional_Indicator}](?:[\uFE0F\u20E3\p{Emoji_Modifier}]|\u200D\p{Extended_Pictographic})*)+|:[a-z0-9_+-]+:)\s*/u,
);
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
const WORD_NUMBERING = once(
  () =>
    new RegExp(
      `^((?:${STEP_WORDS.join('|')})\\s*#?\\p{Nd}+(?:\\.\\p{Nd}+)*[a-z]?(?:\\s*[-–~]\\s*\\p{Nd}+(?![.\\p{Nd}]))?)\\s*(?:[:.)\\-–—|：]\\s*|\\s+|$)`,
      'iu',
    ),
);
/** Korean and Japanese counters after the number: 1주차, 2단계, 3장, 1週目, ステップ1. */
const SUFFIX_NUMBERING = once(() => /^(\p{Nd}+\s*(?:주차|주|단계|장|일차|일|개월|월|강|과|부|週目|週間|日目|ヶ月目|か月目|章|段階|回)|ステップ\s*\p{Nd}+|스텝\s*\p{Nd}+)\s*[:.)\-–—|：]?\s*/u);
/** Chinese and Japanese numbering: 第一阶段：, 第3章, 第二周. */
const CJK_NUMBERING = once(() => /^(第[一二三四五六七八九十百零〇两\p{Nd}]+[阶階段章节節周週天步部课課讲講篇级級期回]+|[一二三四五六七八九十]{1,3}(?=[、．.]))\s*[：:、.．\s-]?\s*/u);
/** Status glyphs at the end of a title are metadata ("Docker ✅"), not words of it. */
const TRAILING_STATUS = once(() => /\s+((?:✅|✔️|✔|☑️|☑|✓|⏳|⌛|🟢|🟡|🟠|🔴|❌|✖️|🚧|⬜|🔲|🔳))$/u);
const BONUS_NUMBERING = once(() => /^((?:bonus|extra)(?:\s*#?\d+)?)\s*[:.)\-–—|]\s*/iu);
/** Digits ("1.", "1.2", "(3)", "IV."), or keycap emoji ("1️⃣", "1️⃣0️⃣"): a digit, maybe U+FE0F, then U+20E3. */
const DIGIT_NUMBERING = once(() => /^(\p{Nd}{1,3}(?:\.\p{Nd}{1,3})+[.)、:]?(?=\s)|\p{Nd}{1,3}(?:[.)](?=\s|\*|_)|[、:：])|[IVX]{1,5}\.(?=\s)|\(\p{Nd}{1,3}\)|(?:[0-9]\uFE0F?\u20E3){1,2})\s*/u);

/** Only a title starting with a non-ASCII character or ":" (`:rocket:`) can start with an emoji. */
function mayStartWithEmoji(title: string): boolean {
  const c = title.charCodeAt(0);
  return c >= 0x80 || c === 58;
}

/**
 * Whether a UTF-16 code unit may belong to a decimal digit (\p{Nd}): ASCII digits; every other one is at U+0660 or
 * above, and none is in the CJK, kana or Hangul blocks (test/core/title-precheck.test.ts checks every code point).
 */
function mayBeDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0x660 && !(c >= 0x3000 && c <= 0x9fff) && !(c >= 0xac00 && c <= 0xd7af));
}

/** The code units mayBeDigit lets through, as a pattern: it scans natively. */
const MAY_BE_DIGIT = /[0-9\u0660-\u2fff\ua000-\uabff\ud7b0-\uffff]/;

function mayHoldDigit(text: string): boolean {
  return MAY_BE_DIGIT.test(text);
}

/** ASCII letters (lower case) that start a step word: under /iu an ASCII character matches only ASCII letters. */
const STEP_STARTS = once(() => new Set(STEP_WORDS.map((w) => w.charCodeAt(0)).filter((c) => c < 0x80)));
/** The first characters of the step words. */
const STEP_FIRSTS = once(() => new Set(STEP_WORDS.map((w) => w.charAt(0))));

/** Lower-cases an ASCII letter's code. */
function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * Whether a title may start with a step word under /iu: its first character is one of theirs in some case (what
 * case folding makes equal, lower and upper case make equal too; the test checks every code point).
 */
function mayStartWithStepWord(title: string): boolean {
  const c = title.charCodeAt(0);
  if (c < 0x80) return STEP_STARTS().has(lowerAscii(c));
  return mayFoldTo(title.charAt(0), STEP_FIRSTS());
}

/** 第 and the numerals CJK_NUMBERING starts with (no i flag: exactly these). */
const CJK_FIRSTS = '第一二三四五六七八九十';

/** A step word, then digits. */
function mayBeWordNumbering(t: string): boolean {
  return mayStartWithStepWord(t) && mayHoldDigit(t);
}

/** A digit, ステップ or 스텝 first. */
function mayBeSuffixNumbering(t: string): boolean {
  const c = t.charCodeAt(0);
  return mayBeDigit(c) || c === 0x30b9 || c === 0xc2a4;
}

/** 第 or a CJK numeral first. */
function mayBeCjkNumbering(t: string): boolean {
  return t.length > 0 && CJK_FIRSTS.includes(t.charAt(0));
}

/** "bonus" or "extra", in any case (only B and E fold to b and e). */
function mayBeBonusNumbering(t: string): boolean {
  const c = lowerAscii(t.charCodeAt(0));
  return c === 98 || c === 101;
}

/** A digit, a Roman numeral (upper case: no i flag) or "(" first. */
function mayBeDigitNumbering(t: string): boolean {
  const c = t.charCodeAt(0);
  return mayBeDigit(c) || c === 73 || c === 86 || c === 88 || c === 40;
}

/**
 * A letter or a character outside ASCII first: what every step word starts with, under /iu (mayBeWordNumbering
 * implies it, so it is a necessary condition too).
 */
function mayStartWithLetter(t: string): boolean {
  const c = t.charCodeAt(0);
  return c >= 0x80 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A numbering pattern with the necessary conditions on a title that numberingOf checks before running it. */
interface Numbering {
  pattern: () => RegExp;
  /** Never says no when the pattern matches, so skipping the pattern changes nothing. */
  mayMatch: (title: string) => boolean;
  /** A cheaper, looser necessary condition used instead after TITLES_BEFORE_MAKING titles (see there). */
  afterMaking?: (title: string) => boolean;
}

/** The numbering patterns in the order they are tried; test/core/title-precheck.test.ts holds every check necessary. */
export const NUMBERINGS: readonly Numbering[] = [
  { pattern: WORD_NUMBERING, mayMatch: mayBeWordNumbering, afterMaking: mayStartWithLetter },
  { pattern: SUFFIX_NUMBERING, mayMatch: mayBeSuffixNumbering },
  { pattern: CJK_NUMBERING, mayMatch: mayBeCjkNumbering },
  { pattern: BONUS_NUMBERING, mayMatch: mayBeBonusNumbering },
  { pattern: DIGIT_NUMBERING, mayMatch: mayBeDigitNumbering },
];

let numberingCalls = 0;

/**
 * How many titles the step-word pattern stays behind its full check for: a small roadmap's. In a large one that
 * check (a set lookup and a scan for digits per title, run cold) costs more than compiling the pattern once and
 * running it natively on every title that starts with a letter. The other four checks are a comparison or two on the
 * first character, cheaper than any call into a pattern, and stay in front of theirs on every title.
 */
const TITLES_BEFORE_MAKING = 500;

/** The first numbering pattern's match at the start of `title`, or null. */
function numberingOf(t: string): RegExpExecArray | null {
  const made = ++numberingCalls > TITLES_BEFORE_MAKING;
  // By index: for-of makes an iterator result per pattern in code not yet optimised (it runs per title).
  for (let i = 0; i < NUMBERINGS.length; i++) {
    const { pattern, mayMatch, afterMaking } = NUMBERINGS[i] as Numbering;
    if (!(made && afterMaking ? afterMaking(t) : mayMatch(t))) continue;
    const m = pattern().exec(t);
    if (m) return m;
  }
  return null;
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
  const emoji = mayStartWithEmoji(title) ? LEADING_EMOJI().exec(title) : null;
  if (emoji?.[1] && emoji[0].length < title.length) {
    out.icon = emoji[1];
    title = title.slice(emoji[0].length);
  }
  const numbering = numberingOf(title);
  if (numbering?.[1] && numbering[0].length < title.length) {
    out.order = numbering[1].replace(/[.)、:]$/u, '').replace(/^\((.*)\)$/u, '$1').replace(/\uFE0F?\u20E3/gu, '');
    title = title.slice(numbering[0].length);
  }
  if (!out.icon && mayStartWithEmoji(title)) {
    const after = LEADING_EMOJI().exec(title);
    if (after?.[1] && after[0].length < title.length) {
      out.icon = after[1];
      title = title.slice(after[0].length);
    }
  }
  // Every status glyph is outside ASCII.
  const status = title.charCodeAt(title.length - 1) >= 0x80 ? TRAILING_STATUS().exec(title) : null;
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
/**
 * CJK titles have no spaces between words: a prefix there is any leading run of characters. Whether a prefix of
 * BOILERPLATE_PREFIXES is written in Han, Hiragana, Katakana or Hangul, by the blocks those prefixes use
 * (test/core/title-precheck.test.ts holds this equal to `\p{sc=…}` on every prefix of the list).
 */
export function startsWithoutSpaces(prefix: string): boolean {
  const c = prefix.charCodeAt(0);
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af);
}

/** Characters other than letters, marks, numbers and whitespace; for ASCII text, the same set written without \p. */
const NOT_WORD = once(() => /[^\p{L}\p{M}\p{N}\s]/gu);
const NOT_WORD_ASCII = /[^A-Za-z0-9\s]/g;

/** A title reduced for comparison: emoji, numbering, punctuation and case removed. */
export function normalizeForMatch(title: string): string {
  const { title: clean } = cleanTitle(decodeEntities(title));
  const lower = clean.toLowerCase();
  // In ASCII, \p{L} is A-Z and a-z, \p{N} is 0-9 and \p{M} is empty: the ASCII pattern replaces the same characters.
  return lower
    .replace(isAscii(lower) ? NOT_WORD_ASCII : NOT_WORD(), ' ')
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
  p.endsWith('*') || startsWithoutSpaces(p) ? { start: p.replace(/\*$/u, ''), whole: undefined } : { start: `${p} `, whole: p },
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

/** The English words of ROADMAP_WORDS: an ASCII title that holds none of them (in any case) cannot match it. */
const ROADMAP_ASCII = ['roadmap', 'road map', 'learning path', 'learning plan', 'curriculum', 'syllabus', 'study plan', 'study guide', 'checklist', 'check list'];

export const ROADMAP_WORDS = lazyTest(
  () =>
    /\b(roadmap|road map|learning path|learning plan|curriculum|syllabus|study plan|study guide|checklist|check list|learning roadmap)\b|路线|路線|学习路径|學習路徑|نقشه راه|дорожная карта/iu,
  mayHoldAny(ROADMAP_ASCII),
);

/** Whether a part of a document is titled as the roadmap itself. */
export function isRoadmapTitle(title: string): boolean {
  return ROADMAP_WORDS.test(title);
}
