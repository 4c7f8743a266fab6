import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The shared data folder beside the project (`../shared`), or ROADMAP_SHARED when set. */
export const SHARED_DIR = process.env.ROADMAP_SHARED ?? resolve(repoRoot, '../shared');

/** The corpus of real roadmaps, or undefined when this checkout has none (tests that need it then skip, visibly). */
export const CORPUS_DIR: string | undefined = existsSync(resolve(SHARED_DIR, 'corpus', 'MANIFEST.tsv')) ? resolve(SHARED_DIR, 'corpus') : undefined;

/** One row of the corpus manifest: a file and the counts a person reading it sees. */
export interface ManifestRow {
  file: string;
  repo: string;
  sections: number;
  topics: number;
}
