// Generates ordinary Markdown roadmaps of a given size for the benchmark: numbered sections, topics as headings and
// nested lists, links, inline code, a little prose, the way people write them. Deterministic (seeded), so runs compare.

const WORDS = (
  'api auth backend build cache channel cli cloud concurrency config container context database debug deploy design ' +
  'docker error event file framework function goroutine graph grpc handler http index interface json kafka kubernetes ' +
  'library lint logging memory metrics middleware migration module monitoring mutex network orm package pattern ' +
  'performance pointer profiling protocol queue rate redis reflection router runtime schema security server service ' +
  'slice socket sql stream struct sync template testing tracing transaction type validation worker'
).split(' ');

const VERBS = ['Learn', 'Understand', 'Practice', 'Explore', 'Build', 'Master', 'Compare', 'Write', 'Measure', 'Design'];

/** A small seeded PRNG (mulberry32): the same seed gives the same roadmap. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns Markdown text of about `bytes` bytes (never less). */
export function generateRoadmap(bytes, seed = 7) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const title = (n) => {
    const w = words(n);
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const url = () => `https://example.com/${pick(WORDS)}/${pick(WORDS)}-${int(1, 9999)}`;
  const sentence = () => {
    const parts = [`${pick(VERBS)} ${words(int(3, 8))}`];
    if (rnd() < 0.4) parts.push(`with \`${pick(WORDS)}.${pick(WORDS)}()\``);
    if (rnd() < 0.3) parts.push(`(see [${title(2)}](${url()}))`);
    if (rnd() < 0.3) parts.push(`and **${words(2)}**`);
    return `${parts.join(' ')}.`;
  };
  const prose = () => Array.from({ length: int(1, 4) }, sentence).join(' ');

  const out = ['# Generated Backend Roadmap', '', prose(), ''];
  let size = out.join('\n').length;
  const push = (line) => {
    out.push(line);
    size += Buffer.byteLength(line) + 1;
  };
  for (let s = 1; size < bytes; s++) {
    push(`## ${s}. ${title(int(2, 4))}`);
    push('');
    push(prose());
    push('');
    for (let t = 1, topics = int(3, 8); t <= topics && size < bytes; t++) {
      push(`### ${s}.${t} ${title(int(1, 4))}`);
      push('');
      if (rnd() < 0.6) {
        push(prose());
        push('');
      }
      for (let i = 0, items = int(2, 7); i < items; i++) {
        push(rnd() < 0.4 ? `- [${title(int(1, 3))}](${url()})` : `- ${sentence()}`);
        for (let j = 0, subs = rnd() < 0.5 ? int(1, 4) : 0; j < subs; j++) {
          push(`  - ${rnd() < 0.3 ? `[${title(2)}](${url()})` : sentence()}`);
          if (rnd() < 0.2) push(`    - ${sentence()}`);
        }
      }
      push('');
      if (rnd() < 0.35) {
        push('**Resources:**');
        push('');
        for (let r = 0, n = int(1, 3); r < n; r++) push(`- [${title(int(2, 4))}](${url()})`);
        push('');
      }
    }
  }
  return `${out.join('\n')}\n`;
}
