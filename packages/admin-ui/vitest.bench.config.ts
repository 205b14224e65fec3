import { defineConfig } from 'vitest/config';

// The cold-load A/B benchmark (scripts/bench-cold-load.ts): not a test, run by `bench:cold-load` only.
export default defineConfig({
  test: {
    include: ['scripts/bench-cold-load.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
