import { describe, expect, it } from 'vitest';
import { displayWidth, graphemeWidth } from '../../src/core/text/width.js';

describe('display width: the columns a terminal gives a text', () => {
  it.each([
    ['ASCII', 'net/http', 8],
    ['CJK ideographs, 2 each', '语言', 4],
    ['kana and fullwidth punctuation', 'ゴー、', 6],
    ['Hangul syllables', '한국어', 6],
    ['a CJK extension B ideograph (outside the BMP)', '\u{20000}', 2],
    ['fullwidth Latin', 'ＡＢ', 4],
    ['an emoji shown as a picture', '🚀', 2],
    ['an emoji ZWJ sequence, one grapheme', '👩‍💻', 2],
    ['a flag', '🇫🇷', 2],
    ['a text-default pictograph with VS16', '❤️', 2],
    ['a text-default pictograph alone', '©', 1],
    ['e + combining acute: one column', 'e\u0301', 1],
    ['a combining mark with no base: none', '\u0301', 0],
    ['zero width space and joiner', '\u200b\u200d', 0],
    ['mixed', 'Go 语言 🚀 café', 3 + 4 + 1 + 2 + 1 + 4],
  ])('%s', (_what, text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('counts a combining mark as part of its base grapheme', () => {
    expect(graphemeWidth('a\u0308')).toBe(1);
    expect(graphemeWidth('\u0308')).toBe(0);
  });
});
