import { isSectionLike } from '../sections.js';
import { outlineNode, type OutlineNode } from '../outline/node.js';

/** Rows a table needs before it can be a whole curriculum. */
const MIN_ROWS = 4;

/** A link to another file of the same repository or site ("./02_Day/README.md", "Week03"): one file per lesson. */
function linksToLessonFile(row: OutlineNode): boolean {
  const urls = [row.url, ...row.links.map((l) => l.url)].filter((u): u is string => u !== undefined);
  return urls.some((u) => !/^(?:[a-z][a-z0-9+.-]*:|#|\/\/)/iu.test(u.trim()) || /github\.com\/[^/]+\/[^/]+\/(?:tree|blob)\//iu.test(u));
}

/**
 * A curriculum table near the top ("Day | Topics", "Week | Focus", "Module | Lesson") whose rows mostly link to a
 * file per lesson is the roadmap; the headings after it are lesson 1's own text, not sections. Returns the table as
 * one section (named by the heading it sits under), or undefined when the document has no such table.
 */
export function curriculumTable(container: OutlineNode): OutlineNode | undefined {
  // Near the top: directly in the container, or under its first heading.
  const firstHeading = container.children.find(isSectionLike);
  for (const parent of [container, ...(firstHeading ? [firstHeading] : [])]) {
    const rows = parent.children.filter((c) => c.kind === 'item' && c.origin === 'table' && !c.toc);
    const first = rows[0]?.table;
    if (first === undefined) continue;
    const table = rows.filter((r) => r.table === first);
    if (table.length < MIN_ROWS || table.filter(linksToLessonFile).length * 5 < table.length * 3) continue;
    const section = outlineNode('heading', parent.level || 1, parent === container ? container.text || 'Curriculum' : parent.text, table[0]?.line ?? parent.line);
    section.children = table;
    section.description = [...parent.description];
    return section;
  }
  return undefined;
}
