import { defineConfig } from 'vitest/config';
import { precompress } from './src/build/precompress.js';

// The engine's validation runs in the browser for as-you-type checks, from its browser entry
// (@openqaf/engine/browser), which loads no Node built-in.
export default defineConfig({
  base: './',
  // Brotli and gzip copies of the built files, sent as they are by the server (see src/build/precompress.ts).
  plugins: [precompress()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:8787', '/openapi.json': 'http://127.0.0.1:8787' } },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'happy-dom',
    maxWorkers: 2,
    // Tests wait on events; a loaded machine makes them slower, never red.
    testTimeout: 60_000,
  },
});
