// Benchmark of storing evaluations: POST /api/councils/{council}/assessments over loopback
// (autocannon, 50 connections, bounded in time) against PGlite and, when a PostgreSQL URL is
// given (QAF_BENCH_DATABASE_URL, QAF_TEST_DATABASE_URL or DATABASE_URL), against PostgreSQL in
// a throwaway schema. Prints throughput and p50/p99 latency. Run after `pnpm build`.
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { serve } from '@hono/node-server';
import { caseAssessment } from '@openqaf/engine';
import { createApp, loadCouncilPlugins, openStore, seedCouncils } from '../dist/index.js';
import { hashSecret, newSecret } from '../dist/auth/secrets.js';
import { openPostgresDb, quoteIdentifier } from '../dist/store/index.js';

const SECONDS = Number(process.env.QAF_BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.QAF_BENCH_CONNECTIONS ?? 50);
const PROVIDERS = 200;
const pgUrl = process.env.QAF_BENCH_DATABASE_URL || process.env.QAF_TEST_DATABASE_URL || process.env.DATABASE_URL;

const plugins = await loadCouncilPlugins(undefined, () => undefined);
const plugin = plugins.find((p) => p.id === (process.env.QAF_BENCH_COUNCIL ?? 'birmingham')) ?? plugins[0];
if (!plugin) throw new Error('No council plugin could be loaded: build the council packages first');
const benchCase = (plugin.pack.cases ?? []).find((c) => !c.wantError);
if (!benchCase) throw new Error(`The ${plugin.id} pack has no case to use as an assessment`);
const assessment = caseAssessment(plugin.pack, benchCase);

async function prepare(db) {
  const seeded = await seedCouncils(db, [plugin], () => undefined);
  if (seeded[0].outcome === 'refused') throw new Error(`The ${plugin.id} pack is invalid: ${seeded[0].errors?.join('; ')}`);
  const token = newSecret('qaf_');
  const userId = randomUUID();
  await db.transaction(async (tx) => {
    await tx.query("INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, 'bench', 'scrypt$disabled')", [userId, `bench-${userId}@example.test`]);
    await tx.query("INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, $2, 'officer')", [userId, plugin.id]);
    await tx.query("INSERT INTO api_tokens (id, user_id, name, token_hash) VALUES ($1, $2, 'bench', $3)", [randomUUID(), userId, hashSecret(token)]);
  });
  const providerIds = [];
  for (let i = 0; i < PROVIDERS; i++) {
    const id = randomUUID();
    await db.query('INSERT INTO providers (id, council_id, name) VALUES ($1, $2, $3)', [id, plugin.id, `Bench provider ${i}`]);
    providerIds.push(id);
  }
  return { token, providerIds };
}

// The server runs in a child process so the load generator does not share its event loop.
async function serveForBench(db) {
  const { token, providerIds } = await prepare(db);
  const app = createApp({ db, plugins: [plugin], log: (m) => console.error(m) });
  const server = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  process.send({ port: server.address().port, token, providerIds });
  await new Promise((resolve) => process.once('message', resolve));
  await new Promise((resolve) => server.close(resolve));
  const [{ n }] = await db.query('SELECT count(*) AS n FROM determinations');
  process.send({ determinations: n });
}

function nextMessage(child) {
  return new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

async function run(label, store) {
  const execArgv = process.env.QAF_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.QAF_BENCH_PROFILE}`] : [];
  const child = fork(fileURLToPath(import.meta.url), ['serve', store], { stdio: 'inherit', execArgv });
  const { port, token, providerIds } = await nextMessage(child);
  const url = `http://127.0.0.1:${port}/api/councils/${plugin.id}/assessments${process.env.QAF_BENCH_EXPLAIN === 'false' ? '?explain=false' : ''}`;
  const bodies = providerIds.map((providerId) => JSON.stringify({ providerId, ...assessment }));
  // Warm-up: compile the pack and fill connection pools before measuring.
  for (let i = 0; i < 20; i++) {
    const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: bodies[i] });
    if (res.status !== 201) throw new Error(`warm-up request failed: ${res.status} ${await res.text()}`);
  }
  let next = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }) }],
  });
  child.send('stop');
  const { determinations } = await nextMessage(child);
  await new Promise((resolve) => child.once('exit', resolve));
  console.log(
    `${label.padEnd(11)} ${(result.requests.average).toFixed(0).padStart(6)} stored evaluations/s  ` +
      `p50 ${String(result.latency.p50).padStart(4)} ms  p99 ${String(result.latency.p99).padStart(4)} ms  ` +
      `(${result.requests.total} requests, ${result.non2xx} non-2xx, ${result.errors} errors; ${determinations - 20} determinations stored; ` +
      `${CONNECTIONS} connections, ${SECONDS} s)`,
  );
}

async function withStore(kind, fn) {
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'qaf-bench-'));
    try {
      const db = await openStore({ dataDir });
      try {
        await fn(db);
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    return;
  }
  const schema = `qaf_bench_${randomBytes(6).toString('hex')}`;
  const db = await openStore({ databaseUrl: pgUrl, schema, poolSize: process.env.QAF_DB_POOL_SIZE ? Number(process.env.QAF_DB_POOL_SIZE) : undefined });
  try {
    await fn(db);
  } finally {
    await db.close();
    const admin = await openPostgresDb({ connectionString: pgUrl, maxConnections: 1 });
    await admin.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
    await admin.close();
  }
}

if (process.argv[2] === 'serve') {
  await withStore(process.argv[3], serveForBench);
  process.exit(0);
}

console.log(`Storing evaluations of the ${plugin.id} pack (case "${benchCase.id}") via POST /assessments`);
await run('PGlite', 'pglite');
if (pgUrl) await run('PostgreSQL', 'postgres');
else console.log('PostgreSQL  skipped: set QAF_BENCH_DATABASE_URL (or QAF_TEST_DATABASE_URL / DATABASE_URL) to run it');
