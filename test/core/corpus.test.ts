import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/core/parse/normalize.js';
import { parseRoadmap } from '../../src/core/parse/parse.js';
import type { StructureChoice } from '../../src/core/parse/structure/structure.js';
import { countTopics } from '../../src/core/tree.js';
import { corpusFor, type ManifestRow } from '../helpers/shared.js';

const CORPUS_DIR = corpusFor('the corpus table (test/core/corpus.test.ts)');

const rows: ManifestRow[] = CORPUS_DIR
  ? readFileSync(join(CORPUS_DIR, 'MANIFEST.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'))
      .map(([file, repo, , , sections, topics]) => ({ file: file ?? '', repo: repo ?? '', sections: Number(sections), topics: Number(topics) }))
  : [];

/**
 * Files where the hand count and the general rules disagree, with what the parser gives instead and why.
 * The rules are not bent for them: every other real file of the same shape would pay for it.
 */
const KNOWN_MISSES: Record<string, { sections: number; topics: number; why: string }> = {
  'lihuajun660__Java-__README.md': {
    sections: 5,
    topics: 18,
    why: 'the hand count (14) leaves out the `>>*` items one quote level deeper (Tomcat, Jetty, Undertow, MyBatis); the rule nests them as subtopics, one level per `>`',
  },
  'USTB-806__dev.806.group__content__posts__tada-zako__backend-development-guide.md': {
    sections: 3,
    topics: 13,
    why: 'the hand count (4 sections) keeps 简介 and 学习时间安排, two paragraphs of prose, as sections; issue 12 moves prose-only sections at the edges to the overview, which leaves 学习路线 and its three phases as the sections (the topics match)',
  },
  'karamiso14__nextjsblog__nextjs-blog__posts__roadmap.md': {
    sections: 9,
    topics: 33,
    why: 'personal notes: the hand count (14) keeps about half of the nested bullets and reads the rest as remarks ("haven\'t learned it yet", "is jenkins old?") or links; no shape tells those remarks from topics (the sections match)',
  },
};

function parse(file: string, structure?: StructureChoice): ReturnType<typeof parseRoadmap> {
  const bytes = readFileSync(join(CORPUS_DIR ?? '', file));
  return parseRoadmap(decodeBytes(bytes, file), { fallbackTitle: file, ...(structure ? { structure } : {}) });
}

/** Three of the files the rules read worst before issue 12, read as the user says with --sections and --topics. */
const OVERRIDES: Array<{ file: string; structure: StructureChoice }> = [
  { file: 'aloundoye__playground__AI__readme.md', structure: { sections: 'h3', topics: 'items' } },
  { file: '9omallec__Python-Learning__Resources__PROGRESS.md', structure: { sections: 'h2', topics: 'tasks' } },
  { file: 'Vincent-Projects__MyOwnRoadmap__README.md', structure: { sections: 'details', topics: 'items' } },
];

function within(got: number, expected: number, tolerance: number): boolean {
  return Math.abs(got - expected) <= expected * tolerance;
}

const counted = rows.map((row) => {
  const roadmap = parse(row.file);
  const topics = roadmap.sections.reduce((n, s) => n + countTopics(s.topics), 0);
  const got = { sections: roadmap.sections.length, topics };
  return { ...row, got, ok: within(got.sections, row.sections, 0.1) && within(got.topics, row.topics, 0.15) };
});

describe.skipIf(!CORPUS_DIR)('real-world roadmaps in the shared corpus', () => {
  it('has the 33 files of the manifest', () => {
    expect(rows).toHaveLength(33);
  });

  it('meets the manifest (sections within 10 %, topics within 15 %) on at least 30 of the 33 files', () => {
    const table = counted.map((r) => `${r.ok ? 'pass' : 'MISS'}  ${r.file.slice(0, 58).padEnd(58)} sections ${r.got.sections}/${r.sections}  topics ${r.got.topics}/${r.topics}`);
    const ok = counted.filter((r) => r.ok).length;
    expect(ok, `${ok}/${counted.length} within tolerance:\n${table.join('\n')}`).toBeGreaterThanOrEqual(30);
  });

  it.each(counted.filter((r) => !KNOWN_MISSES[r.file]))('$file: sections within 10% and topics within 15% of the manifest', ({ sections, topics, got }) => {
    expect(within(got.sections, sections, 0.1), `sections: got ${got.sections}, expected ${sections}`).toBe(true);
    expect(within(got.topics, topics, 0.15), `topics: got ${got.topics}, expected ${topics}`).toBe(true);
  });

  it.each(Object.entries(KNOWN_MISSES))('%s misses the manifest for a stated reason, with the counts the rules give', (file, miss) => {
    const row = counted.find((r) => r.file === file);
    expect(row, `${file} is in the manifest`).toBeDefined();
    expect(row?.got).toEqual({ sections: miss.sections, topics: miss.topics });
  });

  it.each(OVERRIDES)('$file read with $structure meets the manifest', ({ file, structure }) => {
    const row = rows.find((r) => r.file === file);
    const r = parse(file, structure);
    const topics = r.sections.reduce((n, s) => n + countTopics(s.topics), 0);
    expect(row, `${file} is in the manifest`).toBeDefined();
    expect(within(r.sections.length, row?.sections ?? -1, 0.1), `sections: got ${r.sections.length}, expected ${row?.sections}`).toBe(true);
    expect(within(topics, row?.topics ?? -1, 0.15), `topics: got ${topics}, expected ${row?.topics}`).toBe(true);
  });

  it.each(rows)('$file parses twice to the same tree (no hidden state between parses)', ({ file }) => {
    expect(JSON.stringify(parse(file))).toBe(JSON.stringify(parse(file)));
  });
});
