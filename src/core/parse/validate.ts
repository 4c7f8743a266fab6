import type { ParseWarning, Roadmap } from '../types.js';
import { countGroups, countLeaves } from '../tree.js';

/** One section as `validate` reports it. */
export interface SectionSummary {
  number: string;
  id: string;
  title: string;
  line: number;
  /** Topics that count (no subtopics), every depth. */
  topics: number;
  /** Topics with subtopics (groups of them), every depth. */
  groups: number;
}

/** What `validate` finds in a roadmap: counts, warnings, and whether the tool can navigate it. */
export interface ValidationReport {
  title: string;
  /** Sections, topics that count (no subtopics) and groups (topics with subtopics): the counting rule of list and next. */
  counts: { sections: number; topics: number; groups: number };
  sections: SectionSummary[];
  warnings: ParseWarning[];
  /** The roadmap can be navigated: it has at least one topic. Warnings do not change that. */
  usable: boolean;
  /** Why it is not usable, when it is not. */
  problems: string[];
}

/** Summarises a parsed roadmap for `validate`. Pure. */
export function validateRoadmap(roadmap: Roadmap): ValidationReport {
  const sections = roadmap.sections.map((s) => ({ number: s.number, id: s.id, title: s.title, line: s.line, topics: countLeaves(s.topics), groups: countGroups(s.topics) }));
  const topics = sections.reduce((n, s) => n + s.topics, 0);
  const groups = sections.reduce((n, s) => n + s.groups, 0);
  const problems: string[] = [];
  if (roadmap.sections.length === 0) {
    problems.push('no sections: no headings, lists or tables that hold topics were found');
  } else if (topics === 0) {
    problems.push(`no topics: the ${roadmap.sections.length} section${roadmap.sections.length === 1 ? '' : 's'} hold${roadmap.sections.length === 1 ? 's' : ''} no list items, task boxes, table rows or headings to study`);
  }
  return {
    title: roadmap.title,
    counts: { sections: sections.length, topics, groups },
    sections,
    warnings: roadmap.warnings,
    usable: problems.length === 0,
    problems,
  };
}
