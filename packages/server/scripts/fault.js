// Load-and-fault check: are acknowledged writes ever lost, or retried writes ever duplicated?
//
// For PGlite (a temporary data directory) and, when a PostgreSQL URL is given
// (QAF_FAULT_DATABASE_URL, QAF_TEST_DATABASE_URL or DATABASE_URL), PostgreSQL (a throwaway schema),
// it starts the real server (dist/main.js) in a child process on loopback and sends a bounded
// write load: QAF_FAULT_WRITES assessments (default 1,500), QAF_FAULT_CLIENTS at once (16), each
// with its own Idempotency-Key and sent again with that key until it is acknowledged (201).
// Meanwhile it kills the server with SIGKILL every QAF_FAULT_KILL_EVERY acknowledgements (400) and
// starts it again and, on PostgreSQL, terminates the server's connections (pg_terminate_backend,
// only those with this run's application_name) every 50. At the end it counts the rows: every
// acknowledged write must be stored exactly once. Bounded in time too (QAF_FAULT_SECONDS, 180).
// Run after `pnpm build`: pnpm --filter @openqaf/server fault
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { caseAssessment } from '@openqaf/engine';
import { loadCouncilPlugins, openStore, seedCouncils } from '../dist/index.js';
import { hashSecret, newSecret } from '../dist/auth/secrets.js';
import { openPostgresDb, quoteIdentifier } from '../dist/store/index.js';
import { sendWrite } from './fault-reply.js';

const WRITES = Number(process.env.QAF_FAULT_WRITES ?? 1500);
const CLIENTS = Number(process.env.QAF_FAULT_CLIENTS ?? 16);
const KILL_EVERY = Number(process.env.QAF_FAULT_KILL_EVERY ?? 400);
const TERMINATE_EVERY = 50;
const SECONDS = Number(process.env.QAF_FAULT_SECONDS ?? 180);
const pgUrl = process.env.QAF_FAULT_DATABASE_URL || process.env.QAF_TEST_DATABASE_URL || process.env.DATABASE_URL;
const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

const plugins = await loadCouncilPlugins(undefined, () => undefined);
const plugin = plugins.find((p) => p.id === 'birmingham') ?? plugins[0];
if (!plugin) throw new Error('No council plugin could be loaded: build the council packages first');
const assessmentCase = (plugin.pack.cases ?? []).find((c) => !c.wantError);
const assessment = caseAssessment(plugin.pack, assessmentCase);

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Seeds the council, an officer with an API token, and one provider. */
async function prepare(db) {
  await seedCouncils(db, [plugin], () => undefined);
  const token = newSecret('qaf_');
  const userId = randomUUID();
  const providerId = randomUUID();
  await db.transaction(async (tx) => {
    await tx.query("INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, 'fault', 'scrypt$disabled')", [userId, `fault-${userId}@example.test`]);
    await tx.query("INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, $2, 'officer')", [userId, plugin.id]);
    await tx.query("INSERT INTO api_tokens (id, user_id, name, token_hash) VALUES ($1, $2, 'fault', $3)", [randomUUID(), userId, hashSecret(token)]);
    await tx.query('INSERT INTO providers (id, council_id, name) VALUES ($1, $2, $3)', [providerId, plugin.id, 'Fault provider']);
  });
  return { token, providerId };
}

/** The server as a child process that can be killed and started again on the same port. */
function serverProcess(env) {
  let child;
  return {
    async start() {
      child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stderr.on('data', () => undefined);
      await new Promise((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`server exited with ${code} while starting`)));
        // The words may arrive split over two chunks.
        let output = '';
        child.stdout.on('data', (chunk) => {
          output = (output + String(chunk)).slice(-200);
          if (output.includes('listening on')) resolve();
        });
      });
      child.removeAllListeners('exit');
    },
    async kill(signal) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
  };
}

async function run(kind) {
  const applicationName = `qaf_fault_${randomBytes(4).toString('hex')}`;
  const schema = applicationName;
  const dataDir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'qaf-fault-')) : undefined;
  const storeOptions = kind === 'pglite' ? { dataDir } : { databaseUrl: pgUrl, schema };
  const setupDb = await openStore(storeOptions);
  const { token, providerId } = await prepare(setupDb);
  await setupDb.close();

  const port = await freePort();
  const url = new URL(pgUrl ?? 'postgres://unused');
  url.searchParams.set('application_name', applicationName);
  const server = serverProcess({
    PORT: String(port),
    HOST: '127.0.0.1',
    QAF_IDEMPOTENCY_LEASE_SECONDS: '2',
    ...(kind === 'pglite' ? { QAF_DATA_DIR: dataDir, DATABASE_URL: '' } : { DATABASE_URL: url.toString(), QAF_DATABASE_SCHEMA: schema }),
  });
  const admin = kind === 'postgres' ? await openPostgresDb({ connectionString: pgUrl, maxConnections: 1 }) : undefined;
  await server.start();

  const deadline = Date.now() + SECONDS * 1000;
  const acknowledged = new Map(); // key -> assessment id
  const counts = { sent: 0, kills: 0, terminated: 0, failures: 0, replayed: 0 };
  // Failed replies by error code (`store-unavailable`, `outcome-unknown`, ...; 0 when cut off).
  const failedBy = {};
  let restarting;
  let nextKey = 0;
  let sinceKill = 0;
  let sinceTerminate = 0;

  const fault = async () => {
    if (KILL_EVERY > 0 && sinceKill >= KILL_EVERY && !restarting) {
      sinceKill = 0;
      restarting = (async () => {
        await server.kill('SIGKILL');
        counts.kills++;
        await server.start();
      })().finally(() => (restarting = undefined));
    }
    if (admin && sinceTerminate >= TERMINATE_EVERY) {
      sinceTerminate = 0;
      const rows = await admin.query('SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1', [applicationName]);
      counts.terminated += rows.filter((r) => r.ok).length;
    }
  };

  const client = async () => {
    while (nextKey < WRITES && Date.now() < deadline) {
      const key = `${applicationName}-${nextKey++}`;
      const body = JSON.stringify({ providerId, ...assessment, note: key });
      while (Date.now() < deadline) {
        if (restarting) await restarting;
        counts.sent++;
        // Killed under this request or mid-reply, it is status 0: sent again with the same key.
        const { status, reply, replayed } = await sendWrite(`http://127.0.0.1:${port}/api/councils/${plugin.id}/assessments?explain=false`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
          body,
        });
        if (replayed) counts.replayed++;
        if (status === 201 && typeof reply?.id === 'string') {
          acknowledged.set(key, reply.id);
          sinceKill++;
          sinceTerminate++;
          await fault();
          break;
        }
        counts.failures++;
        const code = status === 0 ? '0' : `${status} ${reply?.error?.code ?? ''}`.trim();
        failedBy[code] = (failedBy[code] ?? 0) + 1;
        // 409: the killed server's attempt still holds the key until its lease ends.
        if (status === 409) await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  if (restarting) await restarting;
  await server.kill('SIGTERM');
  const seconds = (Date.now() - started) / 1000;

  const db = await openStore(storeOptions);
  const rows = await db.query("SELECT input->>'note' AS key, id FROM assessments WHERE input->>'note' LIKE $1", [`${applicationName}-%`]);
  await db.close();
  const stored = new Map();
  for (const r of rows) stored.set(r.key, [...(stored.get(r.key) ?? []), r.id]);
  const lost = [...acknowledged].filter(([key, id]) => !(stored.get(key) ?? []).includes(id)).length;
  const duplicated = [...stored.values()].filter((ids) => ids.length > 1).length;
  const report = {
    store: kind,
    seconds: Number(seconds.toFixed(1)),
    keys: nextKey,
    acknowledged: acknowledged.size,
    rowsFound: rows.length,
    lost,
    duplicated,
    storedUnacknowledged: [...stored.keys()].filter((key) => !acknowledged.has(key)).length,
    requestsSent: counts.sent,
    failedRequests: counts.failures,
    failedBy,
    replayed: counts.replayed,
    serverKills: counts.kills,
    connectionsTerminated: counts.terminated,
  };

  if (admin) {
    await admin.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
    await admin.close();
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  return report;
}

const results = [];
for (const kind of ['pglite', ...(pgUrl ? ['postgres'] : [])]) results.push(await run(kind));
console.table(results);
const bad = results.filter((r) => r.lost > 0 || r.duplicated > 0 || r.rowsFound !== r.acknowledged + r.storedUnacknowledged);
if (bad.length > 0) {
  console.error('FAILED: acknowledged writes lost, duplicated, or rows not matching acknowledgements');
  process.exit(1);
}
console.log('OK: every acknowledged write stored exactly once');
