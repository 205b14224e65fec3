import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import { createApp } from './app.js';
import { ensureFirstAdmin } from './auth/index.js';
import type { ServerConfig } from './config.js';
import type { CouncilPlugin } from './engine/index.js';
import { PackJobs } from './engine/pack-jobs.js';
import { warmAnalyses } from './engine/warm-analyses.js';
import { warmWhatIf } from './what-if/warm-what-if.js';
import { WhatIfWorkers } from './what-if/what-if-workers.js';
import { seedCouncils } from './seed/index.js';
import type { SeedOutcome } from './seed/index.js';
import { openStore } from './store/index.js';
import type { Db } from './store/index.js';

/** A running server. */
export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  seeded: SeedOutcome[];
  /** Settles once the what-if workers started and were warmed with each council's packs (true when all were; see `warmWhatIf`). */
  whatIfWarmed: Promise<boolean>;
  /** This server's what-if workers (closed with it). */
  whatIfWorkers: WhatIfWorkers;
  /**
   * Settles once the background analyses of each council's published version and draft are done
   * (`warmAnalyses`). Until then a user's save or analysis may wait behind one of them in the pack
   * worker's queue; tests that time a page wait on this first.
   */
  analysesWarmed: Promise<void>;
  /** Stops listening and closes the store. */
  close(): Promise<void>;
}

/**
 * Opens and migrates the store, seeds the council packs, makes the first platform admin,
 * and listens. Used by `main.ts` and by the smoke and restart tests.
 */
export async function startServer(
  config: ServerConfig,
  plugins: CouncilPlugin[],
  log: (message: string) => void = console.log,
): Promise<RunningServer> {
  const db = await openStore({
    databaseUrl: config.databaseUrl,
    schema: config.databaseSchema,
    migrationUrl: config.migrateDatabaseUrl,
    poolSize: config.databasePoolSize,
    dataDir: config.dataDir,
  });
  const seeded = await seedCouncils(db, plugins, log);
  const admin = await ensureFirstAdmin(db, { email: config.adminEmail, password: config.adminPassword });
  if (admin.created) {
    log(
      admin.generatedPassword
        ? `[auth] created platform admin ${admin.email} with one-time password: ${admin.generatedPassword}\n` +
            '[auth] sign in and change it (POST /api/auth/password); it is not shown again.'
        : `[auth] created platform admin ${admin.email} with the password from QAF_ADMIN_PASSWORD`,
    );
  }
  const packJobs = new PackJobs({ seconds: config.packJobSeconds });
  packJobs.warm();
  // Each published version's analysis, remembered before the first review of a draft needs it.
  const analysesWarmed = warmAnalyses(db, plugins, packJobs);
  // The what-if workers started and warmed with each council's packs before the first what-if.
  const whatIfWorkers = new WhatIfWorkers();
  const whatIfWarmed = warmWhatIf(db, plugins, { workers: whatIfWorkers, packJobs, after: analysesWarmed });
  const app = createApp({
    db,
    plugins,
    packJobs,
    whatIfWorkers,
    uiDir: config.uiDir,
    secureCookies: config.secureCookies,
    bodyLimit: config.bodyLimit,
    tokenCacheSeconds: config.tokenCacheSeconds,
    loginLimits: config.loginLimits,
    trustedProxyHops: config.trustedProxyHops,
    idempotencyLeaseSeconds: config.idempotencyLeaseSeconds,
    ...(config.writesInFlight !== undefined ? { assessmentWrites: { inFlight: config.writesInFlight } } : {}),
    log,
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    db,
    seeded,
    whatIfWarmed,
    whatIfWorkers,
    analysesWarmed,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
      await packJobs.close();
      await whatIfWorkers.close();
      await db.close();
    },
  };
}
