/**
 * Steps taken by the loops that once grew faster than their input (issue 18), and how much of a parse-cache entry a
 * command read: tests read them to check that the work stays proportional to the input, or to what the command
 * needs, instead of timing a run. The CLI prints them on stderr when ROADMAP_WORK_COUNTS=1.
 */
export const work = {
  /** Slugs handed out by SlugAllocator, plus every candidate it tried that was taken. */
  slugSteps: 0,
  /** Characters read to find the line of each HTML link line. */
  htmlLineScan: 0,
  /** Cells of edit-distance tables ("did you mean", doctor). */
  editCells: 0,
  /** Stored ids doctor compared with a current topic. */
  orphanPairs: 0,
  /** Markdown parses of a roadmap (none when its tree comes from the parse cache, as it is or with boxes ticked). */
  parses: 0,
  /** Sections whose topics a command read from the parse cache (the others are never read: source/cache-entry.ts). */
  cachedSections: 0,
};
