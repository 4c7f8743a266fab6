import type { OutlineNode } from '../outline/node.js';
import { autoTopics, buildExplicitSections, SectionReadings, sectionNodes, SECTION_SOURCES, TOPIC_SOURCES } from './structure.js';
import { isNumberedTitle } from '../title.js';
import type { Candidate, Section, SectionSource, ShapeSignals, Topic, TopicSource } from '../../types.js';

export type { Candidate, ShapeSignals, StructureReport } from '../../types.js';
import { countGroups, countLeaves } from '../../tree.js';

const WEIGHTS: Record<keyof ShapeSignals, number> = { filled: 3, balance: 1.5, numbered: 1, toc: 1, plain: 0.5, depth: 0.5, size: 1.5 };

/** Every topic below `topics`, every depth, parent first, appended to `out`. */
function collectTopics(topics: readonly Topic[], out: Topic[]): void {
  for (const t of topics) {
    out.push(t);
    if (t.children.length > 0) collectTopics(t.children, out);
  }
}

/** Scores a reading on shape alone; words play no part here. */
export function shapeSignals(sections: readonly Section[], listed: (s: Section) => boolean): ShapeSignals {
  // One walk over the topics: every section's count is where its topics end in `all`.
  const all: Topic[] = [];
  const perSection = sections.map((s) => {
    const before = all.length;
    collectTopics(s.topics, all);
    return all.length - before;
  });
  const n = sections.length;
  const mean = n ? perSection.reduce((a, b) => a + b, 0) / n : 0;
  const sd = n ? Math.sqrt(perSection.reduce((a, b) => a + (b - mean) ** 2, 0) / n) : 0;
  const share = (k: number, of: number): number => (of ? k / of : 0);
  const sizeOk = n >= 2 && n <= 40 ? 1 : n === 1 ? 0.5 : 0.2;
  const densityOk = mean >= 2 && mean <= 60 ? 1 : mean > 0 ? 0.5 : 0;
  let plain = 0;
  let parents = 0;
  for (const t of all) {
    if (!(t.url && t.children.length === 0 && !t.description)) plain++;
    if (t.children.length > 0) parents++;
  }
  return {
    filled: share(perSection.filter((k) => k > 0).length, n),
    balance: mean > 0 ? Math.max(0, 1 - sd / mean) : 0,
    numbered: share(sections.filter((s) => s.order !== undefined || isNumberedTitle(s.title)).length, n),
    toc: share(sections.filter(listed).length, n),
    plain: share(plain, all.length),
    depth: share(parents, all.length),
    size: (sizeOk + densityOk) / 2,
  };
}

/** The weighted sum of the signals. */
export function scoreOf(signals: ShapeSignals): number {
  let score = 0;
  for (const key of Object.keys(WEIGHTS) as Array<keyof ShapeSignals>) score += WEIGHTS[key] * signals[key];
  return Math.round(score * 100) / 100;
}

/** A candidate reading of the document from explicit sources. */
export interface ExplicitReading {
  sections: SectionSource;
  topics: TopicSource;
  /** The sections it reads; kept only for the best reading that finds topics, the one a fallback would use. */
  built?: Section[];
  candidate: Candidate;
}

/**
 * Every explicit reading that gives sections: each section source with each topic source that finds topics, best
 * score first (in the order tried among equal scores).
 */
export function explicitReadings(root: OutlineNode, targets: ReadonlySet<OutlineNode>): ExplicitReading[] {
  const out: ExplicitReading[] = [];
  let best: ExplicitReading | undefined;
  for (const sections of SECTION_SOURCES) {
    const nodes = sectionNodes(root, sections);
    if (nodes.length === 0) continue;
    const listed = new Set(nodes.filter((s) => targets.has(s.node)).map((s) => s.node.line));
    const readings = new SectionReadings(nodes);
    const auto = autoTopics(readings);
    for (const topics of TOPIC_SOURCES) {
      const built = buildExplicitSections(readings, topics, []);
      const counts = countsOf(built);
      if (counts.topics === 0 && topics !== auto) continue;
      const signals = shapeSignals(built, (s) => listed.has(s.line));
      const candidate: Candidate = { sections, topics, counts, signals, score: scoreOf(signals), chosen: false };
      const reading: ExplicitReading = { sections, topics, candidate };
      out.push(reading);
      // Only the sections of the best reading with topics are kept: all of them would be many copies of a big roadmap.
      if (counts.topics > 0 && (!best || candidate.score > best.candidate.score)) {
        if (best) delete best.built;
        best = reading;
        reading.built = built;
      }
    }
  }
  return out.sort((a, b) => b.candidate.score - a.candidate.score);
}

/** The candidate for the reading the rules made, scored like the others. */
export function inferredCandidate(sections: readonly Section[], targets: ReadonlySet<OutlineNode>): Candidate {
  const lines = new Set([...targets].map((t) => t.line));
  const signals = shapeSignals(sections, (s) => lines.has(s.line));
  return { sections: 'inferred', topics: 'inferred', counts: countsOf(sections), signals, score: scoreOf(signals), chosen: false };
}

function countsOf(sections: readonly Section[]): Candidate['counts'] {
  return {
    sections: sections.length,
    topics: sections.reduce((n, s) => n + countLeaves(s.topics), 0),
    groups: sections.reduce((n, s) => n + countGroups(s.topics), 0),
  };
}
