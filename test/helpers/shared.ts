import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requirementMet } from './requirement.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The shared data folder beside the project (`../shared`), or ROADMAP_SHARED when set. */
export const SHARED_DIR = process.env.ROADMAP_SHARED ?? resolve(repoRoot, '../shared');

const corpus = resolve(SHARED_DIR, 'corpus');
const present = existsSync(resolve(corpus, 'MANIFEST.tsv'));

/**
 * The corpus of real roadmaps for the named tests, or undefined when this checkout has none: the tests then skip and
 * one line says so (with ROADMAP_REQUIRE_SHARED=1, as in CI, the test file fails instead; see requirement.ts).
 */
export function corpusFor(tests: string): string | undefined {
  return requirementMet(tests, present ? undefined : `${corpus} has no MANIFEST.tsv`, 'put the shared folder beside the project or set ROADMAP_SHARED') ? corpus : undefined;
}

/** One row of the corpus manifest: a file and the counts a person reading it sees. */
export interface ManifestRow {
  file: string;
  repo: string;
  sections: number;
  topics: number;
}
