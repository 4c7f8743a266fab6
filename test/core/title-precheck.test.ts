import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOILERPLATE_PREFIXES } from '../../src/core/parse/boilerplate-words.js';
import { githubSlug } from '../../src/core/parse/github-slug.js';
import { looseKey } from '../../src/core/parse/toc.js';
import { decodeEntities } from '../../src/core/parse/inline.js';
import { NUMBERINGS, ROADMAP_WORDS, cleanTitle, normalizeForMatch, startsWithoutSpaces } from '../../src/core/parse/title.js';
import * as vocabulary from '../../src/core/parse/vocabulary.js';
import { isCaseless, literalStart, type TextTest } from '../../src/core/text/lazy-pattern.js';
import { CORPUS_DIR, describeWithSharedData } from '../helpers/shared-data.js';

// The parser's patterns are made on first use and skipped when a cheap check says they cannot match. These tests hold
// every check to be a necessary condition: wherever it says no, the pattern itself does not match either, so the
// parser's results are the patterns' own.

/** A seeded generator, so a failure can be run again. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Characters the patterns care about, with the ones Unicode case folding treats specially (ſ, K, İ, ß, Σ). */
const ALPHABET = [
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ' ::.)(-–—|：,#/&*_~!?\'’"\t',
  'ſKİıßẞΣσς',
  '第一二三十章周阶段课ステップ스텝주차단계回週目、．',
  '٠١٢۳४೫１２',
  'éèçñüößàâêîôûãõ',
  'этапшагнеделяурокресурсылитература',
  'فصلمرحلهمنابع',
].flatMap((chars) => Array.from(chars)).concat(['🚀', '✅', '📖', '🎥', '\u200D', '\uFE0F']);

function randomText(next: () => number, maxLength: number): string {
  let out = '';
  const length = Math.floor(next() * maxLength);
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(next() * ALPHABET.length)] ?? '';
  return out;
}

/** Words and phrases a pattern's source spells out ("goals", "further reading", "推荐", "ресурсы"). */
function wordsOf(pattern: RegExp): string[] {
  return [...new Set(pattern.source.match(/[\p{L}\p{M}\p{N}'’ &-]{2,}/gu) ?? [])].map((w) => w.trim()).filter(Boolean);
}

/** Titles built from those words: cases, plurals, labels, modifiers, numbering, emoji, and folding look-alikes. */
function titlesFrom(words: readonly string[]): string[] {
  const out: string[] = [];
  const cases = (w: string): string[] => [w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1)];
  for (const w of words) {
    for (const c of cases(w)) {
      for (const [before, after] of [
        ['', ''], ['', 's'], ['', ':'], ['', ': the basics'], ['', ' and further reading'], ['', ' / Manuals'],
        ['Additional ', ''], ['free ', ''], ['Week ', ' 3'], ['🚀 ', ''], ['1. ', ''], ['(', ')'], ['', '.'], ['the ', ''],
      ]) out.push(`${before}${c}${after}`);
      out.push(c.replace(/s/g, 'ſ'), c.replace(/k/gi, 'K'), c.replace(/i/g, 'İ'));
    }
    // Two words: a modifier and a noun ("More resources", "free Books").
    for (const v of words) out.push(`${w} ${v}`, `${w.charAt(0).toUpperCase()}${w.slice(1)} ${v}`, `${w}${v}`);
  }
  return out;
}

/** Every UTF-16 code unit (and a few astral characters) as a first character, with continuations that often match. */
function firstCharacters(): string[] {
  const tails = ['', ' 1', '1: x', 'eek 3: x', 'onus: x', 'esources', 'ooks', ') x'];
  const out: string[] = [];
  for (let c = 0; c < 0x10000; c += c < 0x3000 ? 1 : 7) for (const t of tails) out.push(String.fromCharCode(c) + t);
  for (const c of ['𝟏', '𝟙', '🟢', '🇩🇪']) for (const t of tails) out.push(c + t);
  return out;
}

function corpusTitles(): string[] {
  const out: string[] = [];
  for (const file of readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.md'))) {
    for (const line of readFileSync(`${CORPUS_DIR}/${file}`, 'utf8').split('\n')) {
      const m = /^\s*(?:#{1,6}|[-*+]|\d+[.)])\s+(.*)$/u.exec(line);
      if (m?.[1]) out.push(m[1], m[1].replace(/[*_`[\]]/g, '').trim());
    }
  }
  return out;
}

const generated = (seed: number, count: number, maxLength: number): string[] => {
  const next = random(seed);
  return Array.from({ length: count }, () => randomText(next, maxLength));
};

/** The lazy tests of vocabulary.ts and title.ts, by name. */
const TESTS: [string, TextTest][] = [
  ...Object.entries(vocabulary).filter((e): e is [string, TextTest] => typeof e[1] === 'object' && 'pattern' in e[1]),
  ['ROADMAP_WORDS', ROADMAP_WORDS],
];

describe('pre-checks in front of the parser patterns', () => {
  it('covers every vocabulary pattern', () => {
    expect(TESTS.map(([name]) => name).sort()).toEqual(['LABEL_HEADING', 'RESOURCE_HEADING', 'RESOURCE_LABEL', 'RESOURCE_WORDS', 'ROADMAP_WORDS', 'TASK_LABEL', 'TYPE_MARKER']);
  });

  it('no pattern word starts with a character that folds to ASCII (ſ, K), which an ASCII title could match', () => {
    for (const [name, t] of TESTS) expect(t.pattern().source, name).not.toMatch(/[\u017F\u212A]/u);
  });

  it('gives each pattern verdict on titles made from its own words, and some of them match', () => {
    for (const [name, t] of TESTS) {
      const titles = titlesFrom(wordsOf(t.pattern()));
      let matched = 0;
      for (const title of titles) {
        const expected = t.pattern().test(title);
        if (expected) matched++;
        if (expected && !t.mayMatch(title)) expect.fail(`${name}: ${JSON.stringify(title)} matches but its check said it cannot`);
        expect(t.test(title), `${name}: ${JSON.stringify(title)}`).toBe(expected);
      }
      expect(matched, name).toBeGreaterThan(10);
    }
  });

  it('lets through every first character that case folding makes equal to that of a matching title', () => {
    // For each title that matches, each character /iu treats as its first character (in the Basic Multilingual Plane).
    const foldClass = new Map<string, string[]>();
    const classOf = (ch: string): string[] => {
      let chars = foldClass.get(ch);
      if (!chars) {
        const same = new RegExp(`^${ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')}$`, 'iu');
        chars = [];
        for (let c = 0; c < 0x10000; c++) if (same.test(String.fromCharCode(c))) chars.push(String.fromCharCode(c));
        foldClass.set(ch, chars);
      }
      return chars;
    };
    let checked = 0;
    for (const [name, t] of TESTS) {
      for (const title of titlesFrom(wordsOf(t.pattern()))) {
        if (!t.pattern().test(title)) continue;
        for (const ch of classOf(title.charAt(0))) {
          const other = ch + title.slice(1);
          checked++;
          if (t.pattern().test(other) && !t.mayMatch(other)) expect.fail(`${name}: ${JSON.stringify(other)} matches but its check said it cannot`);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('gives each pattern verdict on every first character and on random text', () => {
    const texts = [...firstCharacters(), ...generated(19, 20_000, 24)];
    for (const [name, t] of TESTS) {
      for (const text of texts) if (t.pattern().test(text) && !t.mayMatch(text)) expect.fail(`${name}: ${JSON.stringify(text)} matches but its check said it cannot`);
    }
  });

  it('skips a numbering pattern only where it does not match', () => {
    const steps = titlesFrom(['Week', 'Phase', 'día', 'Étape', 'adım', 'этап', 'فصل', 'bonus', 'extra', 'IV.', '(3)', '2.1', '第三章', '三、', '1주차', 'ステップ']);
    for (const w of ['Week', 'phase', 'DÍA', 'Étape', 'adım', 'этап', 'فصل', 'giai đoạn', 'ſtep', 'Kapitel', 'lição']) steps.push(`${w} 3: x`, `${w}12 - x`, `${w} #2 x`, `${w} 1.2a) x`, `${w} 3-4 x`, `${w} ٣ x`);
    steps.push('3장 그래프', '1週目 基礎', 'ステップ2 応用', '스텝 3 x', '2단계: x', '第一阶段：基础', '第3章 x', '二、x', '10.', '1.2.3 x', 'BONUS #2 - x');
    const texts = [...steps, ...firstCharacters(), ...generated(7, 20_000, 16)];
    const matched = new Array<number>(NUMBERINGS.length).fill(0);
    NUMBERINGS.forEach(({ pattern, mayMatch, afterMaking }, i) => {
      for (const text of texts) {
        const m = pattern().exec(text);
        if (m) matched[i] = (matched[i] ?? 0) + 1;
        if (m && !mayMatch(text)) expect.fail(`numbering ${i} matches ${JSON.stringify(text)} but its check said it cannot`);
        if (m && afterMaking && !afterMaking(text)) expect.fail(`numbering ${i} matches ${JSON.stringify(text)} but its check after making said it cannot`);
      }
    });
    expect(matched.map((n) => n > 5), `matches per numbering pattern: ${matched.join(', ')}`).not.toContain(false);
  });

  it('lets every code point through that can start a numbering, by the patterns own first characters', () => {
    const word = NUMBERINGS[0]?.pattern().source ?? '';
    const stepWords = word.slice('^((?:'.length, word.indexOf(')\\s*#?')).split('|');
    expect(stepWords).toContain('phase');
    expect(stepWords).toContain('этап');
    const stepFirst = new RegExp(`^[${stepWords.map((w) => w.charAt(0)).join('')}]`, 'iu');
    const digit = /^\p{Nd}/u;
    const checks = NUMBERINGS.map((n) => n.mayMatch);
    const [wordCheck, suffixCheck, cjkCheck, bonusCheck, digitCheck] = checks;
    if (!wordCheck || !suffixCheck || !cjkCheck || !bonusCheck || !digitCheck) throw new Error('five numbering patterns');
    let digits = 0;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const ch = String.fromCodePoint(cp);
      const missed: string[] = [];
      if (digit.test(ch)) {
        digits++;
        if (!suffixCheck(ch)) missed.push('suffix');
        if (!digitCheck(ch)) missed.push('digit');
        if (!wordCheck(`week ${ch}`)) missed.push('digit inside');
      }
      if (stepFirst.test(ch) && !wordCheck(`${ch}1`)) missed.push('step word');
      if (/^[be]/iu.test(ch) && !bonusCheck(ch)) missed.push('bonus');
      if (/^[第一二三四五六七八九十]/u.test(ch) && !cjkCheck(ch)) missed.push('cjk');
      if (/^[IVX(]/u.test(ch) && !digitCheck(ch)) missed.push('roman');
      if (missed.length > 0) expect.fail(`U+${cp.toString(16)}: ${missed.join(', ')}`);
    }
    expect(digits).toBeGreaterThan(600);
  });

  it('reads numbered titles as before', () => {
    expect(cleanTitle('Week 3: Graphs')).toEqual({ title: 'Graphs', order: 'Week 3' });
    expect(cleanTitle('ſtep 2 - Trees').order).toBe('ſtep 2');
    expect(cleanTitle('第三章 数据结构')).toEqual({ title: '数据结构', order: '第三章' });
    expect(cleanTitle('IV. Networks')).toEqual({ title: 'Networks', order: 'IV' });
    expect(cleanTitle('Bonus: Extras')).toEqual({ title: 'Extras', order: 'Bonus' });
    expect(cleanTitle('١. مقدمه')).toEqual({ title: 'مقدمه', order: '١' });
    expect(cleanTitle('Basics')).toEqual({ title: 'Basics' });
  });

  it('tells CJK boilerplate prefixes as \\p{sc=…} does', () => {
    const cjk = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
    for (const p of BOILERPLATE_PREFIXES) expect(startsWithoutSpaces(p), p).toBe(cjk.test(p));
    expect(BOILERPLATE_PREFIXES.filter(startsWithoutSpaces).length).toBeGreaterThan(10);
  });

  it('normalises titles as the \\p pattern does, ASCII or not', () => {
    const reference = (title: string): string =>
      cleanTitle(decodeEntities(title))
        .title.toLowerCase()
        .replace(/[^\p{L}\p{M}\p{N}\s]/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    const ascii = Array.from({ length: 128 }, (_, c) => `a${String.fromCharCode(c)}b ${String.fromCharCode(c)}`);
    for (const title of [...ascii, ...generated(3, 20_000, 20), 'Table of Contents', '🚀 Contributing!', 'K&amp;R']) expect(normalizeForMatch(title), JSON.stringify(title)).toBe(reference(title));
  });

  it('makes GitHub anchors as the \\p pattern does, ASCII or not', () => {
    const reference = (text: string): string =>
      text
        .toLowerCase()
        .replace(/[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc} -]/gu, '')
        .replace(/ /g, '-');
    const ascii = Array.from({ length: 128 }, (_, c) => `A${String.fromCharCode(c)}_z ${String.fromCharCode(c)}`);
    for (const text of [...ascii, ...generated(5, 20_000, 20), 'Kelvin \u212A sign', '🚀 Recommended tools']) expect(githubSlug(text), JSON.stringify(text)).toBe(reference(text));
  });

  it('makes loose anchor keys as the \\p pattern does, ASCII or not', () => {
    const reference = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}]/gu, '');
    const ascii = Array.from({ length: 128 }, (_, c) => `A${String.fromCharCode(c)}_z ${String.fromCharCode(c)}`);
    for (const text of [...ascii, ...generated(11, 20_000, 20), 'Kelvin \u212A sign', '#1 Données']) expect(looseKey(text), JSON.stringify(text)).toBe(reference(text));
  });

  it('finds no case in kana, CJK ideographs and Hangul syllables, and folds nothing into them', () => {
    const blocks = /^[\u3040-\u9fff\uac00-\ud7af]$/iu;
    let inside = 0;
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (isCaseless(c)) {
        inside++;
        if (ch.toUpperCase() !== ch || ch.toLowerCase() !== ch) expect.fail(`U+${c.toString(16)} has a case`);
      } else if (blocks.test(ch)) expect.fail(`U+${c.toString(16)} folds into the caseless blocks`);
    }
    for (const ch of ['𝟏', '🇩🇪', '\u{20000}', '\u{1D400}']) expect(blocks.test(ch)).toBe(false);
    expect(inside).toBeGreaterThan(30_000);
  });

  it('takes the literal start of a pattern alternative', () => {
    expect(['goals?', 'pre-?requisites?', "what you(?:'|’)?ll learn", 'sources?(?:\\(s\\))?', 'cheat ?sheets?', 'книг[аи]', 'pros & cons', 'Links', '\\bdocs'].map(literalStart)).toEqual([
      'goal', 'pre', 'what you', 'source', 'cheat', 'книг', 'pros & cons', 'links', '',
    ]);
  });
});

describeWithSharedData('pre-checks on the corpus titles', () => {
  it('give each pattern verdict on every heading and item title of the corpus', () => {
    const titles = corpusTitles();
    expect(titles.length).toBeGreaterThan(1000);
    for (const [name, t] of TESTS) {
      for (const title of titles) if (t.pattern().test(title) && !t.mayMatch(title)) expect.fail(`${name}: ${JSON.stringify(title)} matches but its check said it cannot`);
    }
    NUMBERINGS.forEach(({ pattern, mayMatch }, i) => {
      for (const title of titles) if (!mayMatch(title) && pattern().exec(title)) expect.fail(`numbering ${i} matches ${JSON.stringify(title)}`);
    });
  });
});
