/** Status of a topic in the learner's progress. */
export type Status = 'pending' | 'in-progress' | 'done' | 'skipped';

export const STATUSES: readonly Status[] = ['pending', 'in-progress', 'done', 'skipped'];

export interface Link {
  title: string;
  url: string;
}

/** A learnable topic; children are subtopics at any depth. */
export interface Topic {
  /** Stable slug path: section slug, then ancestor slugs, then its own. Never positions. */
  id: string;
  /** Position path such as "3.2" or "3.2.1"; changes when the file is renumbered. */
  number: string;
  title: string;
  /** Leading numbering taken off the title ("1.", "Phase 1:"). */
  order?: string;
  /** Leading emoji taken off the title. */
  icon?: string;
  /** What the file says about the topic, as plain text (prose only, paragraphs apart). */
  description?: string;
  /** The same content as Markdown source: prose with its emphasis, code and links, lists, code blocks. */
  descriptionMarkdown?: string;
  /** The url when the topic itself is a link. */
  url?: string;
  /** The state of a `[ ]` / `[x]` box in the file. */
  checked?: boolean;
  /** Other table columns when the topic is a table row. */
  attrs?: Record<string, string>;
  /** The heading or label it is listed under in the file, when that grouping is not a topic itself. */
  group?: string;
  links: Link[];
  children: Topic[];
  /** 1-based line in the normalised source. */
  line: number;
}

export interface Section {
  id: string;
  /** Position of the section, "1" for the first. */
  number: string;
  title: string;
  order?: string;
  icon?: string;
  description?: string;
  links: Link[];
  topics: Topic[];
  line: number;
}

export type WarningKind =
  | 'encoding-repaired'
  | 'dropped-boilerplate'
  | 'dropped-toc'
  | 'empty-section'
  | 'duplicate-title'
  | 'content-skipped'
  | 'toc-dangling'
  | 'structure-fallback';

export interface ParseWarning {
  kind: WarningKind;
  message: string;
  line?: number;
}

export interface OverviewPart {
  title: string;
  depth: number;
  text: string[];
}

/** The title of a roadmap without one of its own, when the parser is given no fallback title. */
export const DEFAULT_TITLE = 'Roadmap';

/** A roadmap read from Markdown. */
export interface Roadmap {
  title: string;
  description?: string;
  /** Parts of the document that are about the roadmap rather than topics to study. */
  overview: OverviewPart[];
  sections: Section[];
  warnings: ParseWarning[];
  /** The structures considered and the one chosen; only when asked for (`validate --explain`). */
  structure?: StructureReport;
}

/** Where sections come from when the user says how a roadmap is built (`--sections`). */
export type SectionSource = 'h1' | 'h2' | 'h3' | 'h4' | 'list' | 'table' | 'details';
/** Every SectionSource, in the order `--sections` lists them (here, not in parse/, so flags need no parser). */
export const SECTION_SOURCES: readonly SectionSource[] = ['h1', 'h2', 'h3', 'h4', 'list', 'table', 'details'];

/** Where topics come from inside each section (`--topics`). */
export type TopicSource = 'items' | 'headings' | 'rows' | 'tasks';
/** Every TopicSource, in the order `--topics` lists them. */
export const TOPIC_SOURCES: readonly TopicSource[] = ['items', 'headings', 'rows', 'tasks'];

/** The shape signals of one reading of a document, each from 0 (bad) to 1 (good). */
export interface ShapeSignals {
  /** Share of sections that hold at least one topic. */
  filled: number;
  /** How evenly topics spread over the sections (1 - coefficient of variation, floored at 0). */
  balance: number;
  /** Share of section titles that are numbered (Phase 1, 2., Week 3): authors number the parts of a plan. */
  numbered: number;
  /** Share of sections the table of contents lists (0 without one). */
  toc: number;
  /** Share of topics that are not bare links: topics are things to learn, links are what teaches them. */
  plain: number;
  /** Share of topics with subtopics: an outline has depth, a flat link list has none. */
  depth: number;
  /** Sections and topics per section in a range a person can navigate (2-40 sections, 2-60 topics each). */
  size: number;
}

/** A way to read the document, with what it gives and how well it fits the shape signals. */
export interface Candidate {
  sections: SectionSource | 'inferred';
  topics: TopicSource | 'inferred';
  /** By the counting rule: topics without subtopics, and groups (topics with subtopics). */
  counts: { sections: number; topics: number; groups: number };
  signals: ShapeSignals;
  score: number;
  /** This reading is the one the roadmap was read with. */
  chosen: boolean;
}

/** The structure a roadmap was read with: the alternatives considered, and why the chosen one. */
export interface StructureReport {
  chosen: { sections: SectionSource | 'inferred'; topics: TopicSource | 'inferred'; by: 'rules' | 'fallback' | 'user' };
  /** The decisions that picked the sections, in the order they were taken. */
  reasons: string[];
  candidates: Candidate[];
}

