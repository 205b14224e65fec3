import { defineConfig } from 'vitest/config';
import { precompress } from './src/build/precompress.js';
import { preloadApp } from './src/build/preload-app.js';

// The engine's validation runs in the browser for as-you-type checks, from its browser entry
// (@openqaf/engine/browser), which loads no Node built-in.
/** The engine's built modules and the validation libraries it uses, free of import side effects. */
const ENGINE_MODULES = /[\\/](engine[\\/]dist|ajv|ajv-formats|fast-uri|fast-deep-equal|json-schema-traverse)[\\/]/;

export default defineConfig({
  base: './',
  // Brotli and gzip copies of the built files, sent as they are by the server (see src/build/precompress.ts).
  // The app's chunks are preloaded by the page itself: the small entry only starts the page's
  // requests first (src/main.ts, src/build/preload-app.ts).
  plugins: [preloadApp('/src/elements/qaf-app.ts'), precompress()],
  build: {
    outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000,
    // The engine's modules (and its JSON Schema compiler) only compute at import: what a page does
    // not use is left out of the main bundle, so pack validation loads only when a draft is edited.
    rollupOptions: { treeshake: { moduleSideEffects: (id) => !ENGINE_MODULES.test(id) } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8787', '/openapi.json': 'http://127.0.0.1:8787' } },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'happy-dom',
    maxWorkers: 2,
    // Tests wait on events; a loaded machine makes them slower, never red.
    testTimeout: 60_000,
  },
});
