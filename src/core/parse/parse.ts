import { buildSections } from './assemble.js';
import { explicitReadings, inferredCandidate, type Candidate, type StructureReport } from './structure/candidates.js';
import { curriculumTable } from './structure/curriculum.js';
import { autoTopics, buildExplicitSections, SectionReadings, sectionNodes, type StructureChoice } from './structure/structure.js';
import { normalizeText } from './normalize.js';
import { buildOutline } from './outline/outline.js';
import { hasProse, proseText, type OutlineNode } from './outline/node.js';
import { EDGE_WHY, isChecklist, isSectionLike, pickSections, SectionReader, type Picked } from './sections.js';
import { PROSE_HEADING } from './topics.js';
import { LABEL_HEADING } from './vocabulary.js';
import { boilerplateKind, cleanTitle, isRoadmapTitle } from './title.js';
import { tocTargets } from './toc.js';
import { DEFAULT_TITLE, type OverviewPart, type ParseWarning, type Roadmap, type Section } from '../types.js';
import { countLeaves } from '../tree.js';
import { work } from '../work.js';

export interface ParseOptions {
  /** Used when the document has no title of its own (usually the file name). */
  fallbackTitle?: string;
  /** How the user says the roadmap is built (`--sections`, `--topics`); inferred when absent. */
  structure?: StructureChoice;
  /** Also report the structures considered, with their counts and scores (`validate --explain`). */
  explain?: boolean;
}

/** Parses Markdown text into a roadmap tree. Pure: no IO. */
export function parseRoadmap(source: string, options: ParseOptions = {}): Roadmap {
  work.parses++;
  const normalized = normalizeText(source);
  const warnings: ParseWarning[] = [];
  if (normalized.repaired > 0) {
    warnings.push({
      kind: 'encoding-repaired',
      message: `repaired text damaged by a wrong encoding (double-encoded UTF-8) in ${normalized.repaired} place${normalized.repaired === 1 ? '' : 's'}${normalized.repairedLine === undefined ? '' : ` (first at line ${normalized.repairedLine})`}`,
      ...(normalized.repairedLine === undefined ? {} : { line: normalized.repairedLine }),
    });
  }
  const outline = buildOutline(normalized.text, normalized.lineOffset);
  const root = outline.root;
  // Without a table of contents there are no entries to look for in the whole tree, and no targets.
  const targets = outline.toc ? tocTargets(root, warnings) : new Set<OutlineNode>();
  dropBoilerplate(root, warnings);

  let title = normalized.frontMatter.title;
  let description = normalized.frontMatter.description;
  const overview: OverviewPart[] = [];
  let container = root;

  const h1s = root.children.filter((n) => n.kind === 'heading' && n.level === 1);
  const firstHeading = root.children.find(isSectionLike);
  const roadmapParts = h1s.filter((n) => isRoadmapTitle(n.text));
  const chosen = roadmapParts.length === 1 ? roadmapParts[0] : undefined;
  if (h1s.length === 1 && h1s[0] && firstHeading === h1s[0]) {
    container = h1s[0];
    title ??= cleanTitle(container.text).title;
  } else if (h1s.length >= 2 && chosen) {
    // Several top-level parts and one titled as the roadmap: that part is the roadmap, the rest its overview.
    for (const part of h1s) if (part !== chosen) collectOverview(part, 0, overview);
    container = chosen;
    title ??= outline.htmlTitle ?? cleanTitle(chosen.text).title;
  }
  title ??= outline.htmlTitle;
  if (hasProse(container)) description ??= proseText(container.description);

  // A whole document is a checklist only with many boxes; a few boxes make just their section one.
  const reader = new SectionReader(isChecklist(root, 0.3, 20), isArticle(root));
  const curriculum = curriculumTable(container);
  const picked = curriculum ? curriculumPick(container, curriculum) : pickSections(container, reader, targets);
  for (const d of picked.descended) {
    if (title === undefined && d.level <= 2 && d.kind === 'heading') title = cleanTitle(d.text).title;
    if (!description && hasProse(d)) description = proseText(d.description);
  }
  // Sections the user names replace the inferred ones: what the rules left out does not concern them.
  const ownSections = options.structure?.sections !== undefined;
  for (const { node, why } of ownSections ? [] : picked.leftOut) {
    collectOverview(node, 0, overview);
    if (reader.holds(node)) {
      warnings.push({ kind: 'content-skipped', message: `"${cleanTitle(node.text).title}" is ${why}: kept in the overview, not as a section`, line: node.line });
    } else if (why === EDGE_WHY) {
      warnings.push({ kind: 'empty-section', message: `"${cleanTitle(node.text).title}" ${why}: it is in the overview (roadmap info), not a section`, line: node.line });
    }
  }
  const read = readSections({ root, targets, picked, reader, warnings, choice: options.structure ?? {}, explain: options.explain === true });
  const sections = read.sections;
  if (title === undefined) title = leadingTitle(root, picked.leftOut.map((l) => l.node));

  const roadmap: Roadmap = {
    title: title ?? outline.boldTitle ?? outline.logo ?? options.fallbackTitle ?? DEFAULT_TITLE,
    overview,
    sections,
    warnings: warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
  if (description) roadmap.description = description;
  if (options.explain) {
    const reasons = [...(reader.checklist ? ['most list items are task boxes: only boxes are topics'] : []), ...(reader.article ? ['most headings carry paragraphs of prose: they are the topics and their lists explain them'] : []), ...picked.reasons];
    roadmap.structure = { chosen: read.chosen, reasons, candidates: read.candidates };
  }
  return roadmap;
}

interface ReadInput {
  root: OutlineNode;
  targets: ReadonlySet<OutlineNode>;
  picked: Picked;
  reader: SectionReader;
  warnings: ParseWarning[];
  choice: StructureChoice;
  /** Score every alternative even when the chosen reading needs none (they cost a few more passes over the tree). */
  explain: boolean;
}

/**
 * The sections as the user said (`--sections`, `--topics`), or as the rules read them; when the rules find no
 * topics in a file that has headings with lists, tables or text, the best-scoring explicit reading instead.
 */
function readSections({ root, targets, picked, reader, warnings, choice, explain }: ReadInput): { sections: Section[]; chosen: StructureReport['chosen']; candidates: Candidate[] } {
  const readings = explain ? explicitReadings(root, targets) : [];
  const candidates = readings.map((r) => r.candidate);
  if (choice.sections !== undefined || choice.topics !== undefined) {
    const nodes = choice.sections ? sectionNodes(root, choice.sections) : picked.sections.map((node) => ({ node, children: node.children }));
    const readings = new SectionReadings(nodes);
    const topics = choice.topics ?? autoTopics(readings);
    const sections = buildExplicitSections(readings, topics, warnings);
    const chosen = { sections: choice.sections ?? ('inferred' as const), topics, by: 'user' as const };
    if (!explain) return { sections, chosen, candidates };
    const mine = inferredCandidate(sections, targets);
    candidates.unshift({ ...mine, sections: chosen.sections, topics, chosen: true });
    return { sections, chosen, candidates: dedupe(candidates) };
  }
  let sections = buildSections(picked.sections, reader, warnings);
  // Its shape and score are only shown by --explain; otherwise only whether it found topics matters.
  const inferred = explain ? inferredCandidate(sections, targets) : undefined;
  let chosen: StructureReport['chosen'] = { sections: 'inferred', topics: 'inferred', by: 'rules' };
  const found = inferred ? inferred.counts.topics : sections.reduce((n, s) => n + countLeaves(s.topics), 0);
  const empty = found === 0 && hasReadableContent(root);
  const best = (empty && !explain ? explicitReadings(root, targets) : readings).find((r) => r.candidate.counts.topics > 0);
  if (empty && best?.built) {
    // Never refuse a file with headings over lists, tables or text: read it the plainest way that finds topics.
    sections = best.built;
    best.candidate.chosen = true;
    chosen = { sections: best.sections, topics: best.topics, by: 'fallback' };
    warnings.push({
      kind: 'structure-fallback',
      message: `no sections with topics were recognised, so it is read with sections from ${best.sections} and topics from ${best.topics} (${best.candidate.counts.sections} sections, ${best.candidate.counts.topics} topics); check with \`roadmap validate --explain\` and choose with --sections and --topics`,
    });
  } else if (inferred) inferred.chosen = true;
  if (inferred) candidates.unshift(inferred);
  return { sections, chosen, candidates };
}

/** Candidates once each: a user's reading equal to an explicit one replaces it. */
function dedupe(candidates: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const key = `${c.sections}/${c.topics}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Headings with lists, tables or text under them: something a person would call a roadmap, however loosely written. */
function hasReadableContent(root: OutlineNode): boolean {
  let found = false;
  const visit = (n: OutlineNode): void => {
    for (const c of n.children) {
      if (found) return;
      if (c.toc) continue;
      if (c.kind === 'item' && c.text) found = true;
      else if (isSectionLike(c)) {
        if (c.proseChars > 0) found = true;
        visit(c);
      }
    }
  };
  visit(root);
  return found;
}

/** The curriculum table is the roadmap: every heading of the document is lesson text, kept in the overview. */
function curriculumPick(container: OutlineNode, table: OutlineNode): Picked {
  const heads = container.children.filter(isSectionLike);
  return {
    sections: [table],
    leftOut: heads.map((node) => ({ node, why: 'the text of a lesson after the curriculum table' })),
    descended: [],
    reasons: [`a table near the top lists ${table.children.length} lessons, most linking to a file of their own: it is the roadmap, and the headings after it are the first lesson's text`],
  };
}

/** A first h1 that only introduces the document (several h1 parts follow) titles it. */
function leadingTitle(root: OutlineNode, leftOut: readonly OutlineNode[]): string | undefined {
  const first = root.children.find(isSectionLike);
  return first && first.kind === 'heading' && first.level === 1 && leftOut.includes(first) ? cleanTitle(first.text).title : undefined;
}

/** Written as an article: most headings below the top carry paragraphs of prose, so lists there explain rather than enumerate topics. */
function isArticle(root: OutlineNode): boolean {
  let withContent = 0;
  let prose = 0;
  const visit = (n: OutlineNode): void => {
    for (let i = 0; i < n.children.length; i++) {
      const c = n.children[i] as OutlineNode;
      if (!isSectionLike(c)) continue;
      if (c.level >= 2 && (c.proseChars > 0 || c.children.some((x) => x.kind === 'item')) && !LABEL_HEADING.test(cleanTitle(c.text).title)) {
        withContent++;
        if (c.proseChars >= PROSE_HEADING) prose++;
      }
      visit(c);
    }
  };
  visit(root);
  return prose >= 5 && prose * 2 >= withContent;
}

function dropBoilerplate(n: OutlineNode, warnings: ParseWarning[]): void {
  // Leaves (most nodes) have nothing to drop; lists of plain items keep their array.
  if (n.children.length === 0) return;
  // One look at the children first: most are items of a plain list, with nothing to drop and no array to make.
  let anyToc = false;
  let anySection = false;
  // By index here and below: for-of makes an iterator result per node in code not yet optimised.
  for (let i = 0; i < n.children.length; i++) {
    const c = n.children[i] as OutlineNode;
    if (c.kind === 'item') anyToc ||= c.toc === true;
    else anySection ||= isSectionLike(c);
  }
  const toc = anyToc ? n.children.filter((c) => c.kind === 'item' && c.toc) : [];
  if (toc[0]) {
    const entries = (nodes: OutlineNode[]): number => nodes.reduce((sum, c) => sum + 1 + entries(c.children), 0);
    const count = entries(toc);
    warnings.push({ kind: 'dropped-toc', message: `left out a table of contents (${count} entr${count === 1 ? 'y' : 'ies'} linking to headings)`, line: toc[0].line });
  }
  if (toc[0] || anySection) {
    n.children = n.children.filter((c) => {
      if (c.kind === 'item' && c.toc) return false;
      if (!isSectionLike(c)) return true;
      const kind = boilerplateKind(c.text);
      if (kind === 'toc') {
        warnings.push({ kind: 'dropped-toc', message: `left out "${cleanTitle(c.text).title}" (a table of contents)`, line: c.line });
        return false;
      }
      if (kind === 'boilerplate') {
        warnings.push({ kind: 'dropped-boilerplate', message: `left out "${cleanTitle(c.text).title}" (about the document, not a topic)`, line: c.line });
        return false;
      }
      return true;
    });
  }
  const children = n.children;
  for (let i = 0; i < children.length; i++) {
    const c = children[i] as OutlineNode;
    if (c.children.length === 0) continue;
    const hadToc = hasToc(c.children);
    dropBoilerplate(c, warnings);
    if (hadToc && c.children.length === 0 && !hasProse(c) && isSectionLike(c)) {
      // A heading that only held links to other headings is part of the table of contents.
      n.children = n.children.filter((x) => x !== c);
    }
  }
}

function hasToc(nodes: readonly OutlineNode[]): boolean {
  for (const x of nodes) if (x.toc) return true;
  return false;
}

function collectOverview(n: OutlineNode, depth: number, out: OverviewPart[]): void {
  const text = n.description.filter((p) => p.text !== '').map((p) => p.text);
  for (const c of n.children) if (c.kind === 'item' && !c.toc) flattenItem(c, '', text);
  out.push({ title: cleanTitle(n.text).title, depth, text });
  for (const c of n.children) if (isSectionLike(c)) collectOverview(c, depth + 1, out);
}

/** An item's text and its children's below it, each level indented two spaces more, appended to `out`. */
function flattenItem(n: OutlineNode, indent: string, out: string[]): void {
  out.push(`${indent}${n.text}`);
  if (n.children.length === 0) return;
  const inner = `${indent}  `;
  for (let i = 0; i < n.children.length; i++) flattenItem(n.children[i] as OutlineNode, inner, out);
}
