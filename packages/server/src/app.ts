import type { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv, Services } from './app-env.js';
import { AssessmentWriter } from './assessments/assessment-writer.js';
import type { AssessmentWriterOptions } from './assessments/assessment-writer.js';
import { apiRoutes } from './api-routes.js';
import { authenticate } from './auth/index.js';
import type { LoginLimits } from './auth/index.js';
import { watchTokenChanges } from './auth/token-change-watch.js';
import { DEFAULT_TOKEN_CACHE_SECONDS, TokenCache } from './auth/token-cache.js';
import { bodySizeLimit } from './body-limit.js';
import { compressJson } from './compress-json.js';
import type { CouncilPlugin } from './engine/index.js';
import { sharedPackJobs } from './engine/pack-jobs.js';
import type { PackJobs } from './engine/pack-jobs.js';
import { errorHandler } from './error-handler.js';
import { homeRoutes } from './home/index.js';
import { HttpError } from './http-error.js';
import { idempotency } from './idempotency/index.js';
import { VersionCache } from './packs/version-cache.js';
import { apiRouter } from './routes/api-router.js';
import type { Db } from './store/index.js';
import { WhatIfWorkers } from './what-if/what-if-workers.js';

/** Largest request body accepted (a pack may be up to 5 MB; JSON escaping needs headroom). */
export const DEFAULT_BODY_LIMIT = 6 * 1024 * 1024;

/** What the app is built from. */
export interface AppOptions {
  db: Db;
  /** Council plugins (for their extensions); seeding is separate, see `seedCouncils`. */
  plugins?: Iterable<CouncilPlugin>;
  /** Built admin UI to serve at `/`; a plain home page when absent. */
  uiDir?: string;
  bodyLimit?: number;
  secureCookies?: boolean;
  /** How long an API token lookup is trusted, in seconds (default 5; 0 looks up every request). */
  tokenCacheSeconds?: number;
  /** The API token cache to use instead of a new one (tests watch its events); `tokenCacheSeconds` is then unused. */
  tokenCache?: TokenCache;
  /** Failed sign-ins allowed per email and per client address, and the window (defaults: 5, 20, 15 minutes). */
  loginLimits?: Partial<LoginLimits>;
  /** Reverse proxies in front that append to `X-Forwarded-For` (default 0: the connection's peer is the client). */
  trustedProxyHops?: number;
  now?: () => Date;
  log?: (message: string) => void;
  /** Seconds a write holds its `Idempotency-Key` before a retry may take it over (default 60). */
  idempotencyLeaseSeconds?: number;
  /** How evaluations are grouped into store statements (defaults suit PGlite and PostgreSQL). */
  assessmentWrites?: AssessmentWriterOptions;
  /** Workers for pack validation, analysis and cases (default: one pool shared by the process's apps). */
  packJobs?: PackJobs;
  /** Workers for what-if (default: the app's own pool, stopped by its `close()`; `startServer` gives its server one it warms). */
  whatIfWorkers?: WhatIfWorkers;
}

/** The app `createApp` builds, with a way to stop what it started. */
export type App = OpenAPIHono<AppEnv> & {
  /**
   * Stops what the app owns: its what-if workers (not a pool given in the options, nor the
   * process's shared pack workers, see `closeSharedPackJobs`) and its watch for token changes.
   * The store stays open: it belongs to the caller.
   */
  close(): Promise<void>;
};

/**
 * Builds the Hono app: middleware, every feature's routes, one error handler.
 * @example const app = createApp({ db: await openStore({}) }); await app.request('/api/councils'); await app.close();
 */
export function createApp(options: AppOptions): App {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((m: string) => console.error(m));
  const tokenCache = options.tokenCache ?? new TokenCache(options.tokenCacheSeconds ?? DEFAULT_TOKEN_CACHE_SECONDS, now);
  // Revocations made through other servers reach this one's cache as the database's notifications.
  const stopWatching = watchTokenChanges(options.db, tokenCache, log);
  const whatIfWorkers = options.whatIfWorkers ?? new WhatIfWorkers();
  const services: Services = {
    db: options.db,
    plugins: new Map([...(options.plugins ?? [])].map((p) => [p.id, p])),
    now,
    secureCookies: options.secureCookies ?? false,
    log,
    tokenCache,
    versions: new VersionCache(),
    assessmentWriter: new AssessmentWriter(options.db, options.assessmentWrites),
    packJobs: options.packJobs ?? sharedPackJobs(),
    whatIfWorkers,
  };
  const limit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = apiRouter();
  app.onError(errorHandler());
  app.notFound((c) => c.json(new HttpError(404, 'not-found', `No route for ${c.req.method} ${c.req.path}`).toJSON(), 404));

  app.use('*', async (c, next) => {
    c.set('services', services);
    await next();
  });
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'same-origin' }));
  // JSON replies (a pack is some 300 kB) go compressed to clients that accept it; the UI's
  // own files are compressed at build time (see home/index.ts).
  app.use('/api/*', compressJson());
  app.use('/api/*', bodySizeLimit(limit));
  app.use('/api/*', authenticate());
  app.use('/api/*', idempotency({ leaseSeconds: options.idempotencyLeaseSeconds }));

  app.route('/', apiRoutes({ loginLimits: options.loginLimits, trustedProxyHops: options.trustedProxyHops, now }));
  app.route('/', homeRoutes(options.uiDir));
  return Object.assign(app, {
    async close() {
      stopWatching();
      if (whatIfWorkers !== options.whatIfWorkers) await whatIfWorkers.close();
    },
  });
}
