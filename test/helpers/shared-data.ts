import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/**
 * The one way tests reach the data kept beside the project, not in it: the corpus of real roadmaps
 * (`corpus/`, with its `MANIFEST.tsv`) and the original seed (`seeds/`). Nobody on the project wrote them, so they
 * are not copied into the repo. They are found in `../shared` next to the clone, or where ROADMAP_SHARED points.
 * A clone with nothing beside it skips these tests (test/global-setup.ts says so in one line); CI sets
 * ROADMAP_REQUIRE_SHARED=1 so that a missing folder fails the run instead.
 */
export const SHARED_DIR = resolve(process.env.ROADMAP_SHARED || fileURLToPath(new URL('../../../shared', import.meta.url)));

/** The folder of real roadmaps and the hand counts in its MANIFEST.tsv. */
export const CORPUS_DIR = join(SHARED_DIR, 'corpus');

/** The Go roadmap as it was first handed over, encoding damage and all. */
export const SEED_FILE = join(SHARED_DIR, 'seeds', 'go-backend-roadmap.original.md');

const MANIFEST = join(CORPUS_DIR, 'MANIFEST.tsv');

/** Why the shared data cannot be used, or undefined when it is all there. */
export const sharedDataMissing: string | undefined = [MANIFEST, SEED_FILE].filter((f) => !existsSync(f)).map((f) => `${f} not found`)[0];

/** True when the corpus and the seed are both there. */
export const hasSharedData = sharedDataMissing === undefined;

/** `describe` for a group that reads the shared data: skipped, not failed, when it is absent. */
export const describeWithSharedData = describe.skipIf(!hasSharedData);

/** `it` for one test that reads the shared data: skipped, not failed, when it is absent. */
export const itWithSharedData = it.skipIf(!hasSharedData);

/** The absolute path of a corpus file. */
export function corpusPath(file: string): string {
  return join(CORPUS_DIR, file);
}

/** The bytes of a corpus file. */
export function readCorpusBytes(file: string): Buffer {
  return readFileSync(corpusPath(file));
}

/** The text of a corpus file, read as UTF-8 without any repair. */
export function readCorpusText(file: string): string {
  return readFileSync(corpusPath(file), 'utf8');
}

/** The manifest's rows (file and hand counts, columns as in its header); none when the corpus is absent. */
export function manifestRows(): string[][] {
  if (!hasSharedData) return [];
  return readFileSync(MANIFEST, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'));
}

/** The Markdown files of the corpus (not its README); none when the corpus is absent. */
export function corpusFiles(): string[] {
  if (!hasSharedData) return [];
  return readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.md') && f !== 'README.md');
}

/** The original seed's text; empty when it is absent (the tests that use it are skipped then). */
export function readSeed(): string {
  return hasSharedData ? readFileSync(SEED_FILE, 'utf8') : '';
}
