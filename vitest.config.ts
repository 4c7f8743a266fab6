import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

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
    env: { NO_COLOR: '', FORCE_COLOR: '' },
  },
});
