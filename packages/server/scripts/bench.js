// Benchmark of storing evaluations: POST /api/councils/{council}/assessments over loopback
// (autocannon, or wrk with QAF_BENCH_LOAD=wrk; 50 connections, bounded in time) against PGlite
// and, when a PostgreSQL URL is given (QAF_BENCH_DATABASE_URL, QAF_TEST_DATABASE_URL or
// DATABASE_URL), against PostgreSQL in a throwaway schema. Prints throughput, p50/p99 latency and the CPU each stored evaluation cost
// the server process(es), PostgreSQL (the backends of the run's own connections, found by their
// application_name, so that other users of the same PostgreSQL are not charged to the run; and every
// postgres process, background writers included) and the load generator. Run after `pnpm build`.
// QAF_DB_WRITES_IN_FLIGHT is honoured as by the server (see AssessmentWriter).
//
// On PostgreSQL the servers are stateless, so the benchmark can run several server processes
// sharing one port through node:cluster (QAF_BENCH_PROCESSES, default 1), as a deployment would
// run several servers against one database. On the 2-core reference machine one process is
// faster: the cores are already saturated by it, PostgreSQL and the load generator, and a second
// process only adds overhead (docs/deployment.md has the figures). PGlite is embedded in its
// process, so it is always measured with one.
import cluster from 'node:cluster';
import { fork, spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { serve } from '@hono/node-server';
import { caseAssessment } from '@openqaf/engine';

// QAF_BENCH_DIST: another build of the server to measure (a copy of dist/ with its package.json
// beside it, where its imports resolve: inside this package, e.g. node_modules/.bench-base/dist, or
// anywhere with a node_modules link to this package's), relative to the working directory or
// absolute, for alternating old and new runs (scripts/bench-cpu-ab.js).
const DIST = process.env.QAF_BENCH_DIST ? resolve(process.env.QAF_BENCH_DIST) : fileURLToPath(new URL('../dist', import.meta.url));
const distModule = (path) => import(pathToFileURL(join(DIST, path)).href);
const { createApp, loadCouncilPlugins, openStore, seedCouncils } = await distModule('index.js');
const { hashSecret, newSecret } = await distModule('auth/secrets.js');
const { openPostgresDb, quoteIdentifier } = await distModule('store/index.js');

const SECONDS = Number(process.env.QAF_BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.QAF_BENCH_CONNECTIONS ?? 50);
const PROCESSES = Math.max(1, Number(process.env.QAF_BENCH_PROCESSES ?? 1));
const SEMI_SPACE_MB = Number(process.env.QAF_BENCH_SEMI_SPACE_MB ?? 32);
/** The load generator: autocannon (always there), or wrk when asked for and installed. */
const LOAD = process.env.QAF_BENCH_LOAD === 'wrk' ? 'wrk' : 'autocannon';
if (LOAD === 'wrk' && spawnSync('wrk', ['--version']).error) {
  throw new Error('QAF_BENCH_LOAD=wrk needs wrk on the PATH (Debian: apt-get install wrk)');
}
const STORES = (process.env.QAF_BENCH_STORES ?? 'pglite,postgres').split(',').map((s) => s.trim());
const WARM_UP = 500;
const PROVIDERS = 200;
const pgUrl = process.env.QAF_BENCH_DATABASE_URL || process.env.QAF_TEST_DATABASE_URL || process.env.DATABASE_URL;
const poolSize = process.env.QAF_DB_POOL_SIZE ? Number(process.env.QAF_DB_POOL_SIZE) : undefined;

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

/** Serves the app on `port` until told to stop, then waits for requests still in flight. */
async function serveUntilStopped(db, port, onListening) {
  const writes = process.env.QAF_DB_WRITES_IN_FLIGHT ? { assessmentWrites: { inFlight: Number(process.env.QAF_DB_WRITES_IN_FLIGHT) } } : {};
  const app = createApp({ db, plugins: [plugin], log: (m) => console.error(m), ...writes });
  let inFlight = 0;
  let drained = () => undefined;
  const fetch = async (request, env) => {
    inFlight++;
    try {
      return await app.fetch(request, env);
    } finally {
      if (--inFlight === 0) drained();
    }
  };
  const server = await new Promise((resolve) => {
    const s = serve({ fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  onListening(server.address().port);
  await untilStopped(profileSteadyState);
  await new Promise((resolve) => server.close(resolve));
  // A handler whose client hung up at the end of the run may still be writing: let it finish.
  if (inFlight > 0) await new Promise((resolve) => (drained = resolve));
  await app.close();
}

/**
 * Waits for the benchmark's 'stop'. A 'profile' before it (sent once the warm-up is over, with
 * QAF_BENCH_PROFILE) starts `onProfile`, whose returned function is called on stopping.
 */
async function untilStopped(onProfile) {
  let stopProfile;
  for (;;) {
    const message = await new Promise((resolve) => process.once('message', resolve));
    if (message !== 'profile') break;
    stopProfile = await onProfile();
  }
  await stopProfile?.();
}

/** Profiles this process's CPU (V8's sampling profiler) until stopped: the steady state only, no start-up or warm-up. */
async function profileSteadyState() {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(process.env.QAF_BENCH_PROFILE, `server-${process.pid}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}

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

// The server runs in child processes so the load generator does not share their event loops.
async function serveForBench(kind, db) {
  const { token, providerIds } = await prepare(db);
  if (kind === 'pglite' || PROCESSES === 1) {
    await serveUntilStopped(db, 0, (port) => process.send({ port, token, providerIds, serverPids: [process.pid], schema: db.benchSchema }));
  } else {
    // node:cluster: the workers share one listening port; the primary hands out connections.
    const port = await freePort();
    cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), args: ['worker', db.benchSchema, String(port)] });
    const workers = Array.from({ length: PROCESSES }, () => cluster.fork());
    await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
    process.send({ port, token, providerIds, serverPids: workers.map((w) => w.process.pid), schema: db.benchSchema });
    await untilStopped(async () => {
      for (const w of workers) w.send('profile');
      return undefined;
    });
    await Promise.all(
      workers.map((w) => {
        const exited = new Promise((resolve) => w.once('exit', resolve));
        w.send('stop');
        return exited;
      }),
    );
  }
  const [{ n }] = await db.query('SELECT count(*) AS n FROM determinations');
  process.send({ determinations: n });
}

/**
 * The `application_name` of a run's server connections to PostgreSQL: only the backends serving
 * them are charged to the run, not those of anything else using the same PostgreSQL meanwhile.
 */
const benchApplicationName = (schema) => `qaf-bench ${schema}`;

async function runWorker(schema, port) {
  const db = await openStore({ databaseUrl: pgUrl, schema, poolSize, applicationName: benchApplicationName(schema) });
  try {
    await serveUntilStopped(db, port, () => process.send('listening'));
  } finally {
    await db.close();
  }
}

function nextMessage(child) {
  return new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

const CLOCK_TICKS = 100;

/** CPU seconds (user + system) each of these processes has used so far (Linux /proc; none elsewhere). */
function cpuByProcess(pids) {
  const used = new Map();
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      used.set(pid, (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
    } catch {
      // The process ended or /proc is unavailable.
    }
  }
  return used;
}

/** CPU seconds used between two readings; a process first seen in the second started in between. */
function cpuBetween(before, after) {
  let seconds = 0;
  for (const [pid, used] of after) seconds += used - (before.get(pid) ?? 0);
  return seconds;
}

/**
 * CPU seconds the whole machine has been busy (all cores; Linux /proc/stat; 0 elsewhere), and of
 * those, how many a virtual machine's host took for other guests (steal).
 */
function machineBusySeconds() {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
    return { busy: (user + nice + system + irq + softirq + steal) / CLOCK_TICKS, steal: steal / CLOCK_TICKS };
  } catch {
    return { busy: 0, steal: 0 };
  }
}

/**
 * Ids of the backends serving a run's server connections (by their `application_name`, see
 * {@link benchApplicationName}), for their CPU when PostgreSQL runs on this machine.
 */
async function backendPids(schema) {
  const admin = await openPostgresDb({ connectionString: pgUrl, maxConnections: 1, applicationName: 'qaf-bench-admin' });
  try {
    const rows = await admin.query('SELECT pid::text AS pid FROM pg_stat_activity WHERE application_name = $1', [benchApplicationName(schema)]);
    return rows.map((r) => r.pid);
  } finally {
    await admin.close();
  }
}

/** Ids of the PostgreSQL server's processes when it runs on this machine (loopback), else none. */
function postgresPids() {
  try {
    return readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
}

async function run(label, store) {
  // The same V8 setting as `pnpm start` (see docs/deployment.md): a larger young generation.
  const execArgv = [`--max-semi-space-size=${SEMI_SPACE_MB}`];
  const child = fork(fileURLToPath(import.meta.url), ['serve', store], { stdio: 'inherit', execArgv });
  // A failed run (the load generator exiting with an error) must not leave its server behind.
  const stopChild = () => child.kill();
  process.once('exit', stopChild);
  const { port, token, providerIds, serverPids, schema: serverSchema } = await nextMessage(child);
  const url = `http://127.0.0.1:${port}/api/councils/${plugin.id}/assessments${process.env.QAF_BENCH_EXPLAIN === 'false' ? '?explain=false' : ''}`;
  const bodies = providerIds.map((providerId) => JSON.stringify({ providerId, ...assessment }));
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  // Warm-up over as many connections as the run (so every server process gets some): compile
  // the pack, let the JIT settle and open the database connections before measuring.
  let warm = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (warm < WARM_UP) {
        const res = await fetch(url, { method: 'POST', headers, body: bodies[warm++ % bodies.length] });
        if (res.status !== 201) throw new Error(`warm-up request failed: ${res.status} ${await res.text()}`);
      }
    }),
  );
  // The profile (QAF_BENCH_PROFILE) covers the measured run only.
  if (process.env.QAF_BENCH_PROFILE) child.send('profile');
  const pgPids = () => (store === 'postgres' ? postgresPids() : []);
  // The backends of this run's connections (warmed up, so open), read again at the end (a pool may replace one).
  const ownPgPids = store === 'postgres' ? await backendPids(serverSchema) : [];
  const cpuBefore = { server: cpuByProcess(serverPids), pg: cpuByProcess(pgPids()), ownPg: cpuByProcess(ownPgPids), machine: machineBusySeconds() };
  const result = LOAD === 'wrk' ? await loadWithWrk(url, headers, bodies) : await loadWithAutocannon(url, headers, bodies);
  const cpu = {
    server: cpuBetween(cpuBefore.server, cpuByProcess(serverPids)),
    pg: cpuBetween(cpuBefore.pg, cpuByProcess(pgPids())),
    ownPg: cpuBetween(cpuBefore.ownPg, cpuByProcess(store === 'postgres' ? [...new Set([...ownPgPids, ...(await backendPids(serverSchema))])] : [])),
    loadGenerator: result.cpuSeconds,
    machine: machineBusySeconds(),
  };
  const machineBusy = cpu.machine.busy - cpuBefore.machine.busy;
  const steal = (cpu.machine.steal - cpuBefore.machine.steal) / SECONDS;
  // CPU the machine spent on anything else meanwhile (other users' work, interrupts not charged to a process):
  // figures taken while it is more than a few percent of a core are not comparable.
  // Steal (a virtual machine's host running other guests on these cores) is shown on its own.
  const others = Math.max(0, machineBusy - steal * SECONDS - cpu.server - (store === 'postgres' ? cpu.ownPg : 0) - cpu.loadGenerator) / SECONDS;
  child.send('stop');
  const { determinations } = await nextMessage(child);
  await new Promise((resolve) => child.once('exit', resolve));
  process.off('exit', stopChild);
  const ok = result.total - result.non2xx;
  const perRequest = (seconds) => (ok > 0 ? ((seconds * 1000) / ok).toFixed(2) : '-');
  const processes = store === 'postgres' ? serverPids.length : 1;
  console.log(
    `${label.padEnd(11)} ${result.perSecond.toFixed(0).padStart(6)} stored evaluations/s  ` +
      `p50 ${String(result.p50).padStart(4)} ms  p99 ${String(result.p99).padStart(4)} ms  ` +
      `(${result.total} requests, ${result.non2xx} non-2xx, ${result.errors} errors; ${determinations - warm} determinations stored; ` +
      `${processes} server process${processes === 1 ? '' : 'es'}, ${CONNECTIONS} connections, ${SECONDS} s, load from ${LOAD}; CPU per evaluation: ` +
      `server ${perRequest(cpu.server)} ms${store === 'postgres' ? `, PostgreSQL ${perRequest(cpu.ownPg)} ms (the run's own backends; every postgres process ${perRequest(cpu.pg)} ms)` : ''}, load generator ${perRequest(cpu.loadGenerator)} ms; ` +
      `other work on the machine: ${(others * 100).toFixed(0)}% of a core; taken by the host (steal): ${(steal * 100).toFixed(0)}% of a core)`,
  );
}

/** Sends the load with autocannon (in this process): throughput, latency, and the CPU it took. */
async function loadWithAutocannon(url, headers, bodies) {
  const before = process.cpuUsage();
  let next = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: SECONDS,
    headers,
    requests: [{ setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }) }],
  });
  const used = process.cpuUsage(before);
  return {
    perSecond: result.requests.average,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}

/** wrk's script: the same bodies in turn, and one line of results at the end (latencies in microseconds). */
const WRK_SCRIPT = `
local bodies = {}
local i = 0
function init(args)
  for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
end
function request()
  i = i % #bodies + 1
  return wrk.format("POST", nil, nil, bodies[i])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("QAF %d %d %d %d %d %d\\n", summary.requests, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99), summary.duration))
end
`;

/**
 * Sends the load with wrk (Debian package `wrk`), a load generator written in C: on a small
 * machine shared with the server and PostgreSQL it takes a fraction of autocannon's CPU, so
 * more of the machine is left to what is measured. Its CPU is read as this process's reaped
 * children's (Linux /proc).
 */
async function loadWithWrk(url, headers, bodies) {
  const dir = mkdtempSync(join(tmpdir(), 'qaf-wrk-'));
  try {
    writeFileSync(join(dir, 'bodies.txt'), `${bodies.join('\n')}\n`);
    writeFileSync(join(dir, 'bench.lua'), WRK_SCRIPT);
    const headerArgs = Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
    const before = childrenCpuSeconds();
    const output = await new Promise((resolve, reject) => {
      const child = spawn(
        'wrk',
        ['-t1', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '-s', join(dir, 'bench.lua'), ...headerArgs, url, '--', join(dir, 'bodies.txt')],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let text = '';
      child.stdout.on('data', (chunk) => (text += chunk));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}: ${text}`))));
    });
    const line = output.split('\n').find((l) => l.startsWith('QAF '));
    if (!line) throw new Error(`wrk printed no results:\n${output}`);
    const [total, non2xx, errors, p50, p99, micros] = line.split(' ').slice(1).map(Number);
    return {
      perSecond: total / (micros / 1e6),
      total,
      non2xx,
      errors,
      p50: Math.round(p50 / 1000),
      p99: Math.round(p99 / 1000),
      cpuSeconds: childrenCpuSeconds() - before,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU seconds used by this process's children that have ended (Linux /proc; 0 elsewhere). */
function childrenCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
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
  const db = await openStore({ databaseUrl: pgUrl, schema, poolSize, applicationName: benchApplicationName(schema) });
  db.benchSchema = schema;
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
  const kind = process.argv[3];
  await withStore(kind, (db) => serveForBench(kind, db));
  process.exit(0);
}
if (process.argv[2] === 'worker') {
  await runWorker(process.argv[3], Number(process.argv[4]));
  process.exit(0);
}

console.log(`Storing evaluations of the ${plugin.id} pack (case "${benchCase.id}") via POST /assessments`);
if (STORES.includes('pglite')) await run('PGlite', 'pglite');
if (STORES.includes('postgres')) {
  if (pgUrl) await run('PostgreSQL', 'postgres');
  else console.log('PostgreSQL  skipped: set QAF_BENCH_DATABASE_URL (or QAF_TEST_DATABASE_URL / DATABASE_URL) to run it');
}
