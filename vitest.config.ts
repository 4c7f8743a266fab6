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
    // vitest's default leaves one core free, so on 2 cores it ran one file at a time. Much of the e2e tier waits for
    // the processes it spawns (the bin, git, a browser), so one file more than there are cores keeps them busy: on
    // 2 cores the suite took 146 s with 2 files at a time, 106 s with 3 and 96 s with 4 (same load).
    maxWorkers: availableParallelism() + 1,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
