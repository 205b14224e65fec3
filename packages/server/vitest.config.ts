import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // PostgreSQL for the store and API tests: QAF_TEST_DATABASE_URL, else an embedded one started here.
    globalSetup: ['src/store/test-postgres.test-helpers.ts'],
    // Tests wait on events and conditions, never on time; these are only a safety net against a hang,
    // generous so that a loaded machine (PGlite boots a WebAssembly PostgreSQL per store) is slower, never red.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
