import { Lexer } from 'marked';
import { readFileSync } from 'node:fs';
const text = readFileSync(process.argv[2], 'utf8');
const toks = Lexer.lex(text, { gfm: true });
let cur = null; const out = [];
for (const t of toks) {
  if (t.type === 'heading' && t.depth <= Number(process.argv[3] ?? 2)) { cur = { h: '#'.repeat(t.depth) + ' ' + t.text, kinds: {} }; out.push(cur); continue; }
  if (!cur || t.type === 'space') continue;
  const k = t.type === 'heading' ? 'h' + t.depth : t.type;
  cur.kinds[k] = (cur.kinds[k] ?? 0) + 1;
}
for (const o of out) console.log(o.h.slice(0, 60).padEnd(60), JSON.stringify(o.kinds));
