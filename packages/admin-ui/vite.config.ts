import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The engine's validation runs in the browser for as-you-type checks; its only Node import
// (node:crypto, used by packHash) is never called there, so it is replaced by a stub.
const cryptoStub = fileURLToPath(new URL('./src/pack/node-crypto-stub.ts', import.meta.url));

export default defineConfig({
  base: './',
  resolve: { alias: process.env.VITEST ? {} : { 'node:crypto': cryptoStub } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:8787', '/openapi.json': 'http://127.0.0.1:8787' } },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'happy-dom',
    maxWorkers: 2,
  },
});
