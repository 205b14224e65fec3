import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCouncilPlugins, startServer } from '@openqaf/server';

/** The admin password the browser tests sign in with (at least 12 characters). */
export const ADMIN = { email: 'lead@testshire.example', password: 'browser-test-admin-pass' };

/** The built admin UI the server serves. */
export const UI_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

/** A running real server on a free loopback port with a fresh embedded store. */
export interface TestServer {
  url: string;
  stop(): Promise<void>;
}

/** What a test server runs: the server module (`@openqaf/server`'s exports) and the built UI it serves. */
export interface TestServerBuild {
  server: Pick<typeof import('@openqaf/server'), 'loadCouncilPlugins' | 'startServer'>;
  uiDir: string;
}

/**
 * Starts the real OpenQAF server (its built dist, or `build`'s) on 127.0.0.1, a free port and a
 * new PGlite data directory, seeded with the three council plugins and a known platform admin.
 */
export async function startTestServer(build: TestServerBuild = { server: { loadCouncilPlugins, startServer }, uiDir: UI_DIR }): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qaf-ui-test-'));
  const plugins = await build.server.loadCouncilPlugins();
  const server = await build.server.startServer(
    { port: 0, host: '127.0.0.1', dataDir, uiDir: build.uiDir, adminEmail: ADMIN.email, adminPassword: ADMIN.password, secureCookies: false,
      // As the server's own suite does: on a loaded machine pack work gets slower, never a 422 or 503.
      packJobSeconds: 300 },
    plugins,
    () => undefined,
  );
  // The server analyses each council's published version and draft, and warms the what-if workers, in the
  // background as it starts. A test waits for that, so a save or a timed page load does not queue behind it
  // (on a loaded machine one Birmingham analysis can take longer than a test's wait). An older build
  // (the cold-load benchmark's) may not expose these promises.
  const warming = server as { analysesWarmed?: Promise<void>; whatIfWarmed?: Promise<boolean> };
  await Promise.all([warming.analysesWarmed, warming.whatIfWarmed]);
  return {
    url: server.url,
    async stop() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
