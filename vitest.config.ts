import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Tests choose their own colour settings: none come from the shell that runs them. Removed rather than set empty, as
// Node 22 and later warn when both are set.
delete process.env.NO_COLOR;
delete process.env.FORCE_COLOR;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Says in one line which tests are skipped when the shared corpus is not beside the project.
    globalSetup: ['test/global-setup.ts'],
    // vitest's default leaves one core free, so on 2 cores it runs one file at a time; most e2e time is spent waiting
    // for a spawned bin, during which another file can run.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
