import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHARED_DIR, sharedDataMissing } from './helpers/shared-data.js';

const TEST_DIR = fileURLToPath(new URL('.', import.meta.url));

/** The test files whose cases read the shared data (they import its helper). */
function filesUsingSharedData(): string[] {
  return readdirSync(TEST_DIR, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .filter((e) => readFileSync(join(e.parentPath, e.name), 'utf8').includes('helpers/shared-data.js'))
    .map((e) => basename(e.name, '.test.ts'))
    .sort();
}

/**
 * Runs once before the suite. Without the shared data, one line says which tests are skipped and why; with
 * ROADMAP_REQUIRE_SHARED=1 (as .ci/run sets it) its absence fails the run instead, so CI always runs them.
 */
export function setup(): void {
  if (sharedDataMissing === undefined) return;
  const how = `put the shared folder at ${SHARED_DIR} or set ROADMAP_SHARED to it`;
  if (process.env.ROADMAP_REQUIRE_SHARED === '1') {
    throw new Error(`ROADMAP_REQUIRE_SHARED=1 but the real-roadmap corpus is missing: ${sharedDataMissing} (${how})`);
  }
  console.log(
    `Skipped: the cases that read the real-roadmap corpus and the original seed (in ${filesUsingSharedData().join(', ')}): ${sharedDataMissing}; ${how} to run them.`,
  );
}
