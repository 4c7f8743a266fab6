/**
 * Marks the n-th sibling with the same slug: the second "x" is "x--2". slugify never makes two hyphens in a row (its
 * words are split on them and joined by one), nor does slugFor, so no title's own slug takes this form: "X 2" stays
 * "x-2" whatever order the file lists them in. (Until store version 3 it was "x-2", taken by whichever came first.)
 */
export const DUPLICATE_MARK = '--';

/** The slug a node's id was made from: its id's last part without a DUPLICATE_MARK suffix. */
export function baseSlug(idPart: string): string {
  const at = idPart.indexOf(DUPLICATE_MARK);
  return at < 0 ? idPart : idPart.slice(0, at);
}
