import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv, Services } from './app-env.js';
import { AssessmentWriter } from './assessments/assessment-writer.js';
import type { AssessmentWriterOptions } from './assessments/assessment-writer.js';
import { assessmentRoutes } from './assessments/index.js';
import { auditRoutes } from './audit/index.js';
import { authRoutes, authenticate } from './auth/index.js';
import type { LoginLimits } from './auth/index.js';
import { DEFAULT_TOKEN_CACHE_SECONDS, TokenCache } from './auth/token-cache.js';
import { bodySizeLimit } from './body-limit.js';
import { councilRoutes } from './councils/index.js';
import { dashboardRoutes } from './dashboard/index.js';
import type { CouncilPlugin } from './engine/index.js';
import { sharedPackJobs } from './engine/pack-jobs.js';
import type { PackJobs } from './engine/pack-jobs.js';
import { errorHandler } from './error-handler.js';
import { homeRoutes } from './home/index.js';
import { HttpError } from './http-error.js';
import { buildOpenApi } from './openapi/index.js';
import { packRoutes } from './packs/index.js';
import { VersionCache } from './packs/version-cache.js';
import { providerRoutes } from './providers/index.js';
import type { Db } from './store/index.js';
import { whatIfRoutes } from './what-if/index.js';

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
  /** Failed sign-ins allowed per email and per client address, and the window (defaults: 5, 20, 15 minutes). */
  loginLimits?: Partial<LoginLimits>;
  /** Reverse proxies in front that append to `X-Forwarded-For` (default 0: the connection's peer is the client). */
  trustedProxyHops?: number;
  now?: () => Date;
  log?: (message: string) => void;
  /** How evaluations are grouped into store statements (defaults suit PGlite and PostgreSQL). */
  assessmentWrites?: AssessmentWriterOptions;
  /** Workers for pack validation, analysis and cases (default: one pool shared by the process's apps). */
  packJobs?: PackJobs;
}

/**
 * Builds the Hono app: middleware, every feature's routes, one error handler.
 * @example const app = createApp({ db: await openStore({}) }); await app.request('/api/councils');
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const now = options.now ?? (() => new Date());
  const services: Services = {
    db: options.db,
    plugins: new Map([...(options.plugins ?? [])].map((p) => [p.id, p])),
    now,
    secureCookies: options.secureCookies ?? false,
    log: options.log ?? ((m) => console.error(m)),
    tokenCache: new TokenCache(options.tokenCacheSeconds ?? DEFAULT_TOKEN_CACHE_SECONDS, now),
    versions: new VersionCache(),
    assessmentWriter: new AssessmentWriter(options.db, options.assessmentWrites),
    packJobs: options.packJobs ?? sharedPackJobs(),
  };
  const limit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = new Hono<AppEnv>();
  app.onError(errorHandler());
  app.notFound((c) => c.json(new HttpError(404, 'not-found', `No route for ${c.req.method} ${c.req.path}`).toJSON(), 404));

  app.use('*', async (c, next) => {
    c.set('services', services);
    await next();
  });
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'same-origin' }));
  app.use('/api/*', bodySizeLimit(limit));
  app.use('/api/*', authenticate());

  app.get('/api/health', async (c) => {
    await services.db.query('SELECT 1');
    return c.json({ ok: true, store: services.db.dialect });
  });
  const openapi = buildOpenApi();
  app.get('/openapi.json', (c) => c.json(openapi));

  app.route('/', authRoutes({ loginLimits: options.loginLimits, trustedProxyHops: options.trustedProxyHops, now }));
  app.route('/', councilRoutes());
  app.route('/', packRoutes());
  app.route('/', providerRoutes());
  app.route('/', assessmentRoutes());
  app.route('/', whatIfRoutes());
  app.route('/', dashboardRoutes());
  app.route('/', auditRoutes());
  app.route('/', homeRoutes(options.uiDir));
  return app;
}
