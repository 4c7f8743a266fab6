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
  | 'toc-dangling';

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

/** A roadmap read from Markdown. */
export interface Roadmap {
  title: string;
  description?: string;
  /** Parts of the document that are about the roadmap rather than topics to study. */
  overview: OverviewPart[];
  sections: Section[];
  warnings: ParseWarning[];
}
