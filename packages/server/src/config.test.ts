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

  it('refuses a PORT that is not a port number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a port number/);
  });
});
