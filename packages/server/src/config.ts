import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LoginLimits } from './auth/login-throttle.js';

/** The server's configuration, all from the environment. */
export interface ServerConfig {
  port: number;
  host: string;
  /** PostgreSQL URL; when unset the embedded PGlite store in `dataDir` is used. */
  databaseUrl?: string;
  /** PostgreSQL schema (default public). */
  databaseSchema?: string;
  /** PostgreSQL URL of the role owning the tables: migrations run as it, the server as `databaseUrl`'s role. */
  migrateDatabaseUrl?: string;
  /** PostgreSQL connection pool size per server (default 10). */
  databasePoolSize?: number;
  dataDir: string;
  uiDir?: string;
  adminEmail?: string;
  adminPassword?: string;
  secureCookies: boolean;
  bodyLimit?: number;
  /** Seconds an API token lookup is trusted before it is looked up again (default 5; 0: never cached). */
  tokenCacheSeconds?: number;
  /** Failed sign-ins allowed per email and per client address, and over how long (unset ones: the defaults). */
  loginLimits?: Partial<LoginLimits>;
  /** Reverse proxies in front whose `X-Forwarded-For` entries are trusted (default 0: none). */
  trustedProxyHops?: number;
  /** Statements storing evaluations under way at once per server (default 1; see `AssessmentWriter`). */
  writesInFlight?: number;
  /** Seconds a write holds its `Idempotency-Key` before a retry may take it over (default 60). */
  idempotencyLeaseSeconds?: number;
  /** Seconds a pack validation, analysis or case run may take before it is stopped with 422 (default 10). */
  packJobSeconds?: number;
}

/** The admin UI's build output inside this repository, when it has been built. */
export const DEFAULT_UI_DIR = fileURLToPath(new URL('../../admin-ui/dist/', import.meta.url));

function tokenCacheSeconds(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`QAF_TOKEN_CACHE_SECONDS must be a number of seconds, not "${text}"`);
  return seconds;
}

/** A whole number of at least `least` from `name`, or undefined when unset. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, what: string, least = 0): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < least) throw new Error(`${name} must be ${what}, not "${text}"`);
  return value;
}

/**
 * Reads the configuration:
 * `PORT` (8787), `HOST` (0.0.0.0), `DATABASE_URL`, `QAF_MIGRATE_DATABASE_URL`, `QAF_DATABASE_SCHEMA`, `QAF_DB_POOL_SIZE` (10), `QAF_DATA_DIR` (./data),
 * `QAF_UI_DIR` (packages/admin-ui/dist), `QAF_ADMIN_EMAIL`, `QAF_ADMIN_PASSWORD`,
 * `QAF_SECURE_COOKIES` (true behind HTTPS), `QAF_BODY_LIMIT` (bytes), `QAF_TOKEN_CACHE_SECONDS` (5),
 * `QAF_LOGIN_MAX_FAILURES` (5 per email), `QAF_LOGIN_MAX_FAILURES_PER_ADDRESS` (20), `QAF_LOGIN_WINDOW_SECONDS` (900),
 * `QAF_TRUSTED_PROXY_HOPS` (0), `QAF_DB_WRITES_IN_FLIGHT` (1), `QAF_IDEMPOTENCY_LEASE_SECONDS` (60),
 * `QAF_PACK_JOB_SECONDS` (10).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const uiDir = env.QAF_UI_DIR ?? DEFAULT_UI_DIR;
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: env.QAF_DATABASE_SCHEMA || undefined,
    migrateDatabaseUrl: env.QAF_MIGRATE_DATABASE_URL || undefined,
    databasePoolSize: wholeNumber(env, 'QAF_DB_POOL_SIZE', 'a whole number of connections, at least 1', 1),
    dataDir: env.QAF_DATA_DIR ?? './data',
    uiDir: existsSync(uiDir) ? uiDir : undefined,
    adminEmail: env.QAF_ADMIN_EMAIL || undefined,
    adminPassword: env.QAF_ADMIN_PASSWORD || undefined,
    secureCookies: env.QAF_SECURE_COOKIES === 'true',
    // Unchecked, "6MB" would be NaN, and no body is larger than NaN bytes: no limit at all.
    bodyLimit: wholeNumber(env, 'QAF_BODY_LIMIT', 'a whole number of bytes, at least 1', 1),
    tokenCacheSeconds: tokenCacheSeconds(env.QAF_TOKEN_CACHE_SECONDS),
    loginLimits: {
      maxFailuresPerEmail: wholeNumber(env, 'QAF_LOGIN_MAX_FAILURES', 'a whole number of failed sign-ins (0: no limit)'),
      maxFailuresPerAddress: wholeNumber(env, 'QAF_LOGIN_MAX_FAILURES_PER_ADDRESS', 'a whole number of failed sign-ins (0: no limit)'),
      windowSeconds: wholeNumber(env, 'QAF_LOGIN_WINDOW_SECONDS', 'a whole number of seconds, at least 1', 1),
    },
    trustedProxyHops: wholeNumber(env, 'QAF_TRUSTED_PROXY_HOPS', 'a whole number of proxies'),
    writesInFlight: wholeNumber(env, 'QAF_DB_WRITES_IN_FLIGHT', 'a whole number of statements, at least 1', 1),
    idempotencyLeaseSeconds: wholeNumber(env, 'QAF_IDEMPOTENCY_LEASE_SECONDS', 'a whole number of seconds, at least 1', 1),
    packJobSeconds: wholeNumber(env, 'QAF_PACK_JOB_SECONDS', 'a whole number of seconds, at least 1', 1),
  };
}
