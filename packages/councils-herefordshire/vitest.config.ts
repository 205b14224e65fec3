import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Tests wait on results, not on the clock: a loaded machine makes them slower, never red.
    testTimeout: 60_000,
  },
});
