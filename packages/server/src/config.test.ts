import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to port 8787 and the embedded store in ./data', () => {
    const config = loadConfig({ QAF_UI_DIR: '/nonexistent-ui' });
    expect(config).toMatchObject({ port: 8787, dataDir: './data', databaseUrl: undefined, secureCookies: false, uiDir: undefined });
  });

  it('switches to PostgreSQL with DATABASE_URL and reads the other settings', () => {
    const config = loadConfig({
      PORT: '9000',
      DATABASE_URL: 'postgres://u@db/qaf',
      QAF_DATABASE_SCHEMA: 'qaf',
      QAF_DB_POOL_SIZE: '4',
      QAF_SECURE_COOKIES: 'true',
      QAF_ADMIN_EMAIL: 'lead@example.test',
    });
    expect(config).toMatchObject({
      port: 9000,
      databaseUrl: 'postgres://u@db/qaf',
      databaseSchema: 'qaf',
      databasePoolSize: 4,
      secureCookies: true,
      adminEmail: 'lead@example.test',
    });
  });

  it('reads how long API token lookups are trusted, and refuses a negative or non-numeric value', () => {
    expect(loadConfig({}).tokenCacheSeconds).toBeUndefined();
    expect(loadConfig({ QAF_TOKEN_CACHE_SECONDS: '0' }).tokenCacheSeconds).toBe(0);
    expect(loadConfig({ QAF_TOKEN_CACHE_SECONDS: '2.5' }).tokenCacheSeconds).toBe(2.5);
    expect(() => loadConfig({ QAF_TOKEN_CACHE_SECONDS: '-1' })).toThrow(/QAF_TOKEN_CACHE_SECONDS/);
    expect(() => loadConfig({ QAF_TOKEN_CACHE_SECONDS: 'soon' })).toThrow(/QAF_TOKEN_CACHE_SECONDS/);
  });

  it('reads how long pack work may take in the worker, a whole number of seconds of at least one', () => {
    expect(loadConfig({}).packJobSeconds).toBeUndefined();
    expect(loadConfig({ QAF_PACK_JOB_SECONDS: '30' }).packJobSeconds).toBe(30);
    expect(() => loadConfig({ QAF_PACK_JOB_SECONDS: '0' })).toThrow(/QAF_PACK_JOB_SECONDS must be a whole number of seconds, at least 1/);
    expect(() => loadConfig({ QAF_PACK_JOB_SECONDS: 'ten' })).toThrow(/QAF_PACK_JOB_SECONDS/);
  });

  it('reads how many statements storing evaluations may be under way, at least one', () => {
    expect(loadConfig({}).writesInFlight).toBeUndefined();
    expect(loadConfig({ QAF_DB_WRITES_IN_FLIGHT: '3' }).writesInFlight).toBe(3);
    expect(() => loadConfig({ QAF_DB_WRITES_IN_FLIGHT: '0' })).toThrow(/QAF_DB_WRITES_IN_FLIGHT must be a whole number of statements, at least 1/);
  });

  it('reads the sign-in limits and trusted proxies, and refuses values that are not whole numbers', () => {
    expect(loadConfig({}).loginLimits).toEqual({ maxFailuresPerEmail: undefined, maxFailuresPerAddress: undefined, windowSeconds: undefined });
    expect(loadConfig({}).trustedProxyHops).toBeUndefined();
    const config = loadConfig({
      QAF_LOGIN_MAX_FAILURES: '3',
      QAF_LOGIN_MAX_FAILURES_PER_ADDRESS: '0',
      QAF_LOGIN_WINDOW_SECONDS: '600',
      QAF_TRUSTED_PROXY_HOPS: '1',
    });
    expect(config.loginLimits).toEqual({ maxFailuresPerEmail: 3, maxFailuresPerAddress: 0, windowSeconds: 600 });
    expect(config.trustedProxyHops).toBe(1);
    expect(() => loadConfig({ QAF_LOGIN_MAX_FAILURES: '2.5' })).toThrow(/QAF_LOGIN_MAX_FAILURES must be a whole number/);
    expect(() => loadConfig({ QAF_LOGIN_MAX_FAILURES_PER_ADDRESS: '-1' })).toThrow(/QAF_LOGIN_MAX_FAILURES_PER_ADDRESS/);
    expect(() => loadConfig({ QAF_LOGIN_WINDOW_SECONDS: '0' })).toThrow(/QAF_LOGIN_WINDOW_SECONDS must be a whole number of seconds, at least 1/);
    expect(() => loadConfig({ QAF_TRUSTED_PROXY_HOPS: 'yes' })).toThrow(/QAF_TRUSTED_PROXY_HOPS/);
  });

  it('refuses a PORT that is not a port number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a port number/);
  });
});
