// A/B of what PostgreSQL spends on the store statement alone (no HTTP, no engine, no load
// generator): another build of the server (A, `QAF_AB_BASE`, a dist/ directory as for
// bench-cpu-ab.js) against this package's dist/ (B). Each build migrates its own throwaway schema
// (so A runs with its migrations, B with its own), seeds the Birmingham pack and 200 providers,
// and stores the benchmark's evaluation through its own `AssessmentWriter` (its own statement and
// parameters) in batches of QAF_STORE_BATCH (default 64, the writer's limit) over one connection.
// Rounds alternate A B, B A, ... (QAF_AB_ROUNDS, default 8; QAF_STORE_STATEMENTS statements each,
// default 40). Prints per round, then the medians per build and the ratios B/A, of the CPU the
// PostgreSQL backend used per stored evaluation (Linux /proc; PostgreSQL on this machine), the
// WAL it wrote, the CPU this process used to prepare the rows and send them (the server's share of
// storing: `prepareAssessment`, the parameters, the driver) and the wall time, per stored evaluation.
//
//   QAF_AB_BASE=/tmp/base/dist QAF_BENCH_DATABASE_URL=postgres://... node scripts/bench-store-ab.js
//
// The WAL writer, checkpointer and other backends are not counted: bench-cpu-ab.js measures all of
// PostgreSQL under the whole request; this isolates the statement, whose CPU is what changes.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { caseAssessment } from '@openqaf/engine';

const BASE = process.env.QAF_AB_BASE;
if (!BASE || !existsSync(resolve(BASE, 'index.js'))) {
  throw new Error('QAF_AB_BASE must name another build of the server: a dist/ directory with index.js (see bench.js, QAF_BENCH_DIST)');
}
const url = process.env.QAF_BENCH_DATABASE_URL || process.env.QAF_TEST_DATABASE_URL || process.env.DATABASE_URL;
if (!url) throw new Error('Set QAF_BENCH_DATABASE_URL (or QAF_TEST_DATABASE_URL / DATABASE_URL) to a PostgreSQL on this machine');
const ROUNDS = Math.max(1, Number(process.env.QAF_AB_ROUNDS ?? 8));
const STATEMENTS = Math.max(1, Number(process.env.QAF_STORE_STATEMENTS ?? 40));
const BATCH = Math.max(1, Number(process.env.QAF_STORE_BATCH ?? 64));
const PROVIDERS = 200;

/** One build of the server, imported from its dist/, with a schema of its own, seeded. */
async function openBuild(label, dist) {
  const load = (path) => import(pathToFileURL(join(dist, path)).href);
  const { loadCouncilPlugins, openStore, seedCouncils } = await load('index.js');
  const { AssessmentWriter } = await load('assessments/assessment-writer.js');
  const { cachedCompiled, compile, evaluateCompiled } = await load('engine/index.js');
  const schema = `qaf_store_ab_${randomBytes(6).toString('hex')}`;
  const plugins = await loadCouncilPlugins(undefined, () => undefined);
  const plugin = plugins.find((p) => p.id === 'birmingham');
  if (!plugin) throw new Error('The Birmingham council package could not be loaded: build the council packages first');
  const store = await openStore({ databaseUrl: url, schema });
  await seedCouncils(store, [plugin], () => undefined);
  const userId = randomUUID();
  await store.query("INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, 'bench', 'scrypt$disabled')", [userId, `bench-${userId}@example.test`]);
  const providerIds = [];
  for (let i = 0; i < PROVIDERS; i++) {
    const id = randomUUID();
    await store.query('INSERT INTO providers (id, council_id, name) VALUES ($1, $2, $3)', [id, plugin.id, `Bench provider ${i}`]);
    providerIds.push(id);
  }
  const [version] = await store.query("SELECT id, hash FROM pack_versions WHERE council_id = 'birmingham' ORDER BY seq DESC LIMIT 1");
  await store.close();
  const input = caseAssessment(plugin.pack, plugin.pack.cases.find((c) => !c.wantError));
  const compiled = cachedCompiled(version, plugin.extensions) ?? compile(plugin.pack, plugin.extensions, version.hash);
  const { explanation: _explanation, ...determination } = evaluateCompiled(compiled, input, { asOf: input.date, explain: false });
  // One connection of its own, with the settings the server's pool gives its connections.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`SET search_path TO "${schema}"`);
  const lz4 = await client.query("SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)");
  if (lz4.rows.length > 0) await client.query('SET default_toast_compression = lz4');
  const [{ pid }] = (await client.query('SELECT pg_backend_pid() AS pid')).rows;
  const db = {
    dialect: 'postgres',
    query: async (sql, params = [], options = {}) =>
      (options.name ? await client.query({ name: options.name, text: sql, values: params }) : await client.query(sql, params)).rows,
    exec: async (sql) => void (await client.query(sql)),
  };
  const writer = new AssessmentWriter(db, { batchLimit: BATCH });
  let next = 0;
  /** Stores one batch: BATCH evaluations handed to the writer in one turn go in one statement. */
  const storeBatch = async () => {
    const written = await Promise.all(
      Array.from({ length: BATCH }, () =>
        writer.write({
          councilId: 'birmingham',
          providerId: providerIds[next++ % PROVIDERS],
          userId,
          input,
          packVersionId: version.id,
          determination,
          interpretationNotes: compiled.pack.interpretations,
        }),
      ),
    );
    if (written.some((w) => w === undefined)) throw new Error(`${label}: the store statement did not confirm every row`);
  };
  return {
    label,
    storeBatch,
    cpuSeconds: () => {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    walBytes: async () => Number((await client.query('SELECT pg_current_wal_lsn() - $1::pg_lsn AS n', ['0/0'])).rows[0].n),
    close: async () => {
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
      await client.end();
    },
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const builds = {
  A: await openBuild('A', resolve(BASE)),
  B: await openBuild('B', fileURLToPath(new URL('../dist', import.meta.url))),
};
try {
  // Warm-up: prepared statements, caches, the JIT.
  for (const build of Object.values(builds)) for (let i = 0; i < 5; i++) await build.storeBatch();
  const runs = { A: [], B: [] };
  console.log(`A = ${resolve(BASE)}, B = this package's dist; ${ROUNDS} rounds of ${STATEMENTS} statements of ${BATCH} evaluations, alternating`);
  for (let round = 0; round < ROUNDS; round++) {
    for (const key of round % 2 === 0 ? ['A', 'B'] : ['B', 'A']) {
      const build = builds[key];
      const cpu = build.cpuSeconds();
      const own = process.cpuUsage();
      const wal = await build.walBytes();
      const started = performance.now();
      for (let i = 0; i < STATEMENTS; i++) await build.storeBatch();
      const n = STATEMENTS * BATCH;
      // WAL is the cluster's: other work on the same PostgreSQL meanwhile would count too.
      const used = process.cpuUsage(own);
      const run = { cpuMs: ((build.cpuSeconds() - cpu) * 1000) / n, serverMs: (used.user + used.system) / 1000 / n, walKb: ((await build.walBytes()) - wal) / 1024 / n, wallMs: (performance.now() - started) / n };
      runs[key].push(run);
      console.log(`${key} PostgreSQL backend CPU ${run.cpuMs.toFixed(3)} ms, server CPU ${run.serverMs.toFixed(3)} ms, WAL ${run.walKb.toFixed(2)} kB, wall ${run.wallMs.toFixed(3)} ms per stored evaluation`);
    }
  }
  const med = (key, field) => median(runs[key].map((r) => r[field]));
  console.log('\nmedians      PostgreSQL backend CPU/eval  server CPU/eval  WAL/eval   wall/eval');
  for (const key of ['A', 'B']) {
    console.log(`${key}            ${med(key, 'cpuMs').toFixed(3).padStart(8)} ms  ${med(key, 'serverMs').toFixed(3).padStart(19)} ms  ${med(key, 'walKb').toFixed(2).padStart(17)} kB  ${med(key, 'wallMs').toFixed(3).padStart(7)} ms`);
  }
  const ratio = (field) => (med('B', field) / med('A', field)).toFixed(3);
  console.log(`ratio B/A    x${ratio('cpuMs').padStart(7)}                     x${ratio('serverMs').padStart(13)}     x${ratio('walKb').padStart(6)}     x${ratio('wallMs')}`);
} finally {
  for (const build of Object.values(builds)) await build.close();
}
