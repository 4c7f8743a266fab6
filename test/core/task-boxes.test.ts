import { describe, expect, it } from 'vitest';
import { findTaskBoxes, sameExceptBoxes, setTaskBoxes, tickMark } from '../../src/core/parse/task-boxes.js';

const bytes = (s: string): Uint8Array => Buffer.from(s, 'utf8');
/** The boxes as "line:mark" with the byte at each offset, so a wrong offset shows as a wrong character. */
const seen = (s: string): string[] => {
  const b = bytes(s);
  return findTaskBoxes(b).map((x) => `${x.line}:${String.fromCharCode(b[x.offset] ?? 0)}:${x.checked ? 'on' : 'off'}`);
};

describe('findTaskBoxes: where the boxes are in the bytes', () => {
  it.each([
    ['- [ ] a', ['1: :off']],
    ['* [x] a', ['1:x:on']],
    ['+ [X] a', ['1:X:on']],
    ['1. [ ] a\n2) [x] b', ['1: :off', '2:x:on']],
    ['  - [ ] nested\n\t- [x] tab', ['1: :off', '2:x:on']],
    ['> - [ ] quoted', ['1: :off']],
    ['- [ ]', []],
    ['- [] a\n-[ ] a\n- [y] a\n[ ] a', []],
    ['```\n- [ ] in code\n```\n- [ ] after', ['4: :off']],
    ['~~~~\n- [ ] in code\n~~~\n- [ ] still code\n~~~~\n- [x] out', ['6:x:on']],
    ['\uFEFF- [ ] after a BOM', ['1: :off']],
    ['# T\r\n\r\n- [ ] crlf\r\n- [x] crlf', ['3: :off', '4:x:on']],
    ['# T\r- [ ] old mac', ['2: :off']],
    ['- [ ] café ✓\n- [x] 日本語', ['1: :off', '2:x:on']],
  ])('%j', (text, expected) => {
    expect(seen(text)).toEqual(expected);
  });
});

describe('editing boxes', () => {
  const text = '\uFEFF- [ ] a  \r\n* [X] b\r\n1. [ ] c\r\n';
  const b = bytes(text);
  const boxes = findTaskBoxes(b);

  it('ticks and unticks only the mark, with the file\'s own tick (X here)', () => {
    const first = boxes[0];
    const second = boxes[1];
    if (!first || !second) throw new Error('boxes not found');
    const out = setTaskBoxes(b, [{ offset: first.offset, checked: true }, { offset: second.offset, checked: false }], tickMark(b, boxes));
    expect(Buffer.from(out).toString('utf8')).toBe('\uFEFF- [X] a  \r\n* [ ] b\r\n1. [ ] c\r\n');
    expect(sameExceptBoxes(b, out, boxes)).toBe(true);
  });

  it('uses x when the file has no ticked box or mostly x', () => {
    expect(tickMark(bytes('- [ ] a'), findTaskBoxes(bytes('- [ ] a')))).toBe(0x78);
  });

  it('sees any other change as a change', () => {
    expect(sameExceptBoxes(b, bytes(text.replace(' a ', ' A ')), boxes)).toBe(false);
    expect(sameExceptBoxes(b, bytes(`${text}\n`), boxes)).toBe(false);
    expect(sameExceptBoxes(b, bytes(text.replace('[ ] a', '[?] a')), boxes)).toBe(false);
  });
});
