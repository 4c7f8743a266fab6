/**
 * For tests that need something from outside the repo (headless Chromium, the shared corpus): true when it is there.
 * When it is missing, one line says which tests are skipped, why and how to run them; with ROADMAP_REQUIRE_SHARED=1
 * (set by .ci/run) the test file fails instead, so CI never skips them silently.
 */
export function requirementMet(tests: string, missing: string | undefined, how: string): boolean {
  if (missing === undefined) return true;
  if (process.env.ROADMAP_REQUIRE_SHARED === '1') throw new Error(`ROADMAP_REQUIRE_SHARED=1 but ${missing}: ${tests} cannot run (${how})`);
  console.log(`Skipped: ${tests}: ${missing}; ${how} to run them.`);
  return false;
}
