// A/B of the server's own per-request work on the POST /assessments hot path that does not depend on
// the engine, the store or the network, timed in one process so that a loaded machine disturbs it
// far less than a whole request: matching the route (the app's router) and checking the body (JSON
// parse and `jsonValueProblem`, as `readJson` does), for Birmingham's benchmark body. A is another
// build (`QAF_AB_BASE`, as for bench-cpu-ab.js), B this package's dist/; rounds alternate A B, B A, ...
// and each prints µs per request; then the medians, minima and the paired ratios B/A.
//
//   QAF_AB_BASE=/tmp/base/dist QAF_AB_ROUNDS=15 node scripts/bench-request-ab.js
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { caseAssessment } from '@openqaf/engine';

const BASE = process.env.QAF_AB_BASE;
if (!BASE || !existsSync(resolve(BASE, 'index.js'))) {
  throw new Error('QAF_AB_BASE must name another build of the server: a dist/ directory with index.js (see bench.js, QAF_BENCH_DIST)');
}
const ROUNDS = Math.max(1, Number(process.env.QAF_AB_ROUNDS ?? 15));
const PER_ROUND = Number(process.env.QAF_AB_REQUESTS ?? 20_000);
const dists = { A: resolve(BASE), B: fileURLToPath(new URL('../dist', import.meta.url)) };
const load = (dist, path) => import(pathToFileURL(join(dist, path)).href);

const builds = {};
for (const [name, dist] of Object.entries(dists)) {
  const { createApp, loadCouncilPlugins, openStore } = await load(dist, 'index.js');
  const { jsonValueProblem } = await load(dist, 'json-value-check.js');
  const db = await openStore({});
  const plugins = await loadCouncilPlugins(undefined, () => undefined);
  const app = createApp({ db, plugins, log: () => undefined });
  builds[name] = { app, db, jsonValueProblem, plugins };
}
const plugin = builds.B.plugins.find((p) => p.id === 'birmingham');
const body = JSON.stringify({ providerId: '00000000-0000-4000-8000-000000000000', ...caseAssessment(plugin.pack, plugin.pack.cases.find((c) => !c.wantError)) });
const path = '/api/councils/birmingham/assessments';

/** µs per request of matching the route and checking the body, over `PER_ROUND` requests. */
function round({ app, jsonValueProblem }) {
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < PER_ROUND; i++) {
    sink += app.router.match('POST', path)[0].length;
    if (jsonValueProblem(JSON.parse(body), body) !== undefined) throw new Error('the benchmark body has a problem');
  }
  const micros = Number(process.hrtime.bigint() - start) / 1000 / PER_ROUND;
  if (sink === 0) throw new Error('the route did not match');
  return micros;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const times = { A: [], B: [] };
for (const name of ['A', 'B']) round(builds[name]); // warm-up: JIT
for (let r = 0; r < ROUNDS; r++) {
  for (const name of r % 2 === 0 ? ['A', 'B'] : ['B', 'A']) times[name].push(round(builds[name]));
  console.log(`round ${r + 1}: A ${times.A[r].toFixed(2)} µs, B ${times.B[r].toFixed(2)} µs per request`);
}
const paired = times.B.map((b, i) => b / times.A[i]);
for (const name of ['A', 'B']) console.log(`${name} median ${median(times[name]).toFixed(2)} µs, min ${Math.min(...times[name]).toFixed(2)} µs`);
console.log(`paired B/A: median x${median(paired).toFixed(3)}, ${Math.min(...paired).toFixed(3)} to ${Math.max(...paired).toFixed(3)}`);
for (const { app, db } of Object.values(builds)) {
  await app.close();
  await db.close();
}
process.exit(0);
