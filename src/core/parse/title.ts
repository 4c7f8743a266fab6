import { decodeEntities } from './inline.js';

export interface CleanTitle {
  title: string;
  order?: string;
  icon?: string;
}

const LEADING_EMOJI =
  /^((?:[\p{Extended_Pictographic}\p{Regional_Indicator}](?:[\uFE0F\u20E3\p{Emoji_Modifier}]|\u200D\p{Extended_Pictographic})*)+|:[a-z0-9_+-]+:)\s*/u;
const WORD_NUMBERING =
  /^((?:phase|step|part|stage|week|day|module|chapter|level|lesson|unit|section|milestone|sprint|month|этап|шаг|часть|неделя|день|глава|модуль|урок|уровень|فصل|مرحله|گام|بخش|هفته|روز|درس)\s*#?\p{Nd}+[a-z]?(?:\s*[-–]\s*\p{Nd}+)?)\s*(?:[:.)\-–—|：]\s*|\s+)/iu;
/** Chinese and Japanese numbering: 第一阶段：, 第3章, 第二周. */
const CJK_NUMBERING = /^(第[一二三四五六七八九十百零〇两\p{Nd}]+[阶階段章节節周週天步部课課讲講篇级級期回]+|[一二三四五六七八九十]{1,3}(?=[、．.]))\s*[：:、.．\s-]?\s*/u;
/** Status glyphs at the end of a title are metadata ("Docker ✅"), not words of it. */
const TRAILING_STATUS = /\s+((?:✅|✔️|✔|☑️|☑|✓|⏳|⌛|🟢|🟡|🟠|🔴|❌|✖️|🚧|⬜|🔲|🔳))$/u;
const BONUS_NUMBERING = /^((?:bonus|extra)(?:\s*#?\d+)?)\s*[:.)\-–—|]\s*/iu;
const DIGIT_NUMBERING = /^(\p{Nd}{1,3}(?:\.\p{Nd}{1,3})+[.)、:]?(?=\s)|\p{Nd}{1,3}(?:[.)](?=\s|\*|_)|[、:：])|[IVX]{1,5}\.(?=\s)|\(\p{Nd}{1,3}\))\s*/u;

/** Splits a heading or item title into its display title, leading numbering (`order`) and leading emoji (`icon`). */
export function cleanTitle(raw: string): CleanTitle {
  let title = raw.replace(/\s+/g, ' ').trim();
  const out: CleanTitle = { title };
  const emoji = LEADING_EMOJI.exec(title);
  if (emoji?.[1] && emoji[0].length < title.length) {
    out.icon = emoji[1];
    title = title.slice(emoji[0].length);
  }
  const numbering = WORD_NUMBERING.exec(title) ?? CJK_NUMBERING.exec(title) ?? BONUS_NUMBERING.exec(title) ?? DIGIT_NUMBERING.exec(title);
  if (numbering?.[1] && numbering[0].length < title.length) {
    out.order = numbering[1].replace(/[.)、:]$/u, '').replace(/^\((.*)\)$/u, '$1');
    title = title.slice(numbering[0].length);
  }
  if (!out.icon) {
    const after = LEADING_EMOJI.exec(title);
    if (after?.[1] && after[0].length < title.length) {
      out.icon = after[1];
      title = title.slice(after[0].length);
    }
  }
  const status = TRAILING_STATUS.exec(title);
  if (status?.[1] && status.index > 0) {
    out.icon ??= status[1];
    title = title.slice(0, status.index);
  }
  title = title
    .replace(/\s*[:：]\s*$/u, '')
    .replace(/(?<![.\s]|\b(?:etc|vs|e\.g|i\.e|approx|incl))\.$/u, '')
    .trim();
  out.title = title || raw.trim();
  return out;
}

const TOC_TITLES = new Set([
  'contents', 'table of contents', 'table of content', 'toc', 'index', 'content', '目录', '目錄', '内容目录', 'فهرست', 'فهرست مطالب',
  'содержание', 'оглавление', 'inhalt', 'inhaltsverzeichnis', 'índice', 'indice', 'sommaire', 'table des matières',
]);
const BOILERPLATE = new Set([
  'license', 'licence', 'licensing', '许可', '許可', '许可证', '授權', '授权', 'مجوز', 'лицензия', 'lizenz', 'licencia',
  'contributing', 'contribute', 'how to contribute', 'contributors', 'contribution', 'contributions', '贡献', '貢獻', '贡献者',
  '參與貢獻', 'مشارکت', 'участие', 'code of conduct', 'credits', 'acknowledgements', 'acknowledgments', 'thanks', 'sponsors',
  'sponsor', 'backers', 'supporters', 'supported by', 'sponsored by', 'sponsorship', 'give a star', 'star history',
  'stargazers', 'disclaimer', 'translations', 'translation', 'translations in progress', 'faq', 'how to use',
  'how to use this', 'how to use it', 'how to use this list', 'support', 'support my work', 'support us', 'donate',
  'donations', 'contact', 'contact info', 'contact me', 'contact us', 'authors', 'author', 'maintainers', 'related',
  'see also', 'wrap up', 'wrapping up', 'conclusion', 'conclusions', 'final thoughts', 'final words', 'closing thoughts',
  'congratulations', 'changelog', '免责声明', '免責聲明', '致谢', '致謝', '许可协议', 'благодарности',
]);

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

/** Whether a heading is boilerplate around a roadmap (license, contributing, sponsors…), in several languages. */
export function isBoilerplateTitle(title: string): boolean {
  const norm = normalizeForMatch(title);
  if (BOILERPLATE.has(norm) || TOC_TITLES.has(norm)) return true;
  return /^(table of contents|license|contributing|code of conduct|sponsors?|give (us |it |this |the )?(repo |project )?a star)\b/u.test(norm);
}

const ROADMAP_WORDS =
  /\b(roadmap|road map|learning path|learning plan|curriculum|syllabus|study plan|study guide|checklist|check list|learning roadmap)\b|路线|路線|学习路径|學習路徑|نقشه راه|дорожная карта/iu;

/** Whether a part of a document is titled as the roadmap itself. */
export function isRoadmapTitle(title: string): boolean {
  return ROADMAP_WORDS.test(title);
}
