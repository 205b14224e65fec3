import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // PostgreSQL for the store and API tests: QAF_TEST_DATABASE_URL, else an embedded one started here.
    globalSetup: ['src/store/test-postgres.test-helpers.ts'],
    // Each file ends with the shared pack workers closed and no worker thread left running.
    setupFiles: ['src/what-if/no-threads-left.test-helpers.ts'],
    // Tests wait on events and conditions, never on time; these are only a safety net against a hang,
    // generous so that a loaded machine (PGlite boots a WebAssembly PostgreSQL per store) is slower, never red.
    testTimeout: 120_000,
    // The shared pack worker pool's deadline (and its wait for a free worker): long, so that on a
    // loaded machine a draft save or an analysis waits for a worker rather than answering 503 busy.
    env: { QAF_PACK_JOB_SECONDS: '60' },
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
