import { describe, expect, it } from 'vitest';
import { inert, safeJson } from '../../src/ui/sanitize.js';

const ESC = '\x1b';

const INERT: Array<[string, string, string]> = [
  ['clear screen', `${ESC}[2J${ESC}[H`, '^[[2J^[[H'],
  ['cursor up', `a${ESC}[10Ab`, 'a^[[10Ab'],
  ['OSC 52 clipboard write', `${ESC}]52;c;ZWNobw==\x07`, '^[]52;c;ZWNobw==^G'],
  ['OSC 8 link', `${ESC}]8;;https://e.x${ESC}\\t${ESC}]8;;${ESC}\\`, '^[]8;;https://e.x^[\\t^[]8;;^[\\'],
  ['window title', `${ESC}]0;pwned\x07`, '^[]0;pwned^G'],
  ['bell', '\x07', '^G'],
  ['NUL and backspace', '\x00\x08', '^@^H'],
  ['DEL', '\x7f', '<U+007F>'],
  ['C1 CSI', '\u009b2J', '<U+009B>2J'],
  ['C1 OSC and NEL', '\u009d\u0085', '<U+009D><U+0085>'],
  ['bidi override', 'abc\u202edef', 'abc<U+202E>def'],
  ['bidi isolates and marks', '\u2066\u2067\u2068\u2069\u200e\u200f\u061c', '<U+2066><U+2067><U+2068><U+2069><U+200E><U+200F><U+061C>'],
  ['line separators', 'a\u2028b\u2029c', 'a<U+2028>b<U+2029>c'],
  ['newline and carriage return', 'a\nb\rc', 'a^Jb^Mc'],
  ['tab', 'a\tb', 'a b'],
  ['ordinary Unicode', 'Ünïcødé 路线 📚 — “quotes”', 'Ünïcødé 路线 📚 — “quotes”'],
];

describe('inert', () => {
  it.each(INERT)('shows %s inert', (_name, raw, shown) => {
    expect(inert(raw)).toBe(shown);
  });

  it('keeps newlines in multi-line text only', () => {
    expect(inert(`a\nb${ESC}`, true)).toBe('a\nb^[');
  });
});

describe('safeJson', () => {
  it('escapes C0, C1 and bidi controls as \\uXXXX', () => {
    const json = safeJson({ t: `${ESC}[2J\u009b\u202e\u2066\u2028\x7f` });
    expect(json).toBe('{\n  "t": "\\u001b[2J\\u009b\\u202e\\u2066\\u2028\\u007f"\n}');
  });
});
