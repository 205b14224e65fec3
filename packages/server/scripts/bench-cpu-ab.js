// A/B of the CPU each stored evaluation costs on PostgreSQL: runs `bench.js` (PostgreSQL only,
// POST /assessments with the reply's explanation unless QAF_BENCH_EXPLAIN=false) against another
// build of the server (A, `QAF_AB_BASE`: a copy of its dist/ with its package.json beside it and a
// node_modules link to this package's, see QAF_BENCH_DIST in bench.js) and this package's dist/ (B),
// alternating A B, B A, ... so that both meet the same load from the rest of the machine. Prints
// each run, then per build the medians of server CPU, PostgreSQL CPU, evaluations/s and p99, and
// the ratios B/A. On a shared machine compare the CPU ratios, not the absolute figures; and since
// the load from the rest of the machine drifts from one round to the next, also the ratios of the
// two runs of each round (paired: the same moment's load), whose median and range are printed.
// Their range is the noise to judge a change by: run it once with QAF_AB_BASE a copy of this
// package's own dist/ (an A/A) to see it.
//
//   QAF_AB_BASE=/tmp/base/dist QAF_AB_ROUNDS=5 QAF_BENCH_DATABASE_URL=postgres://... node scripts/bench-cpu-ab.js
//
// Every other QAF_BENCH_* variable (QAF_BENCH_SECONDS, QAF_BENCH_LOAD, ...) is passed on to bench.js.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BASE = process.env.QAF_AB_BASE;
if (!BASE || !existsSync(resolve(BASE, 'index.js'))) {
  throw new Error('QAF_AB_BASE must name another build of the server: a dist/ directory with index.js (see bench.js, QAF_BENCH_DIST)');
}
const ROUNDS = Math.max(1, Number(process.env.QAF_AB_ROUNDS ?? 5));
const BENCH = fileURLToPath(new URL('./bench.js', import.meta.url));

/** One run of bench.js on PostgreSQL; its figures parsed from the line it prints. */
function runOnce(dist) {
  const env = { ...process.env, QAF_BENCH_STORES: 'postgres' };
  if (dist) env.QAF_BENCH_DIST = resolve(dist);
  else delete env.QAF_BENCH_DIST;
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [BENCH], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('PostgreSQL '));
      const m = line?.match(/(\d+) stored evaluations\/s\s+p50\s+(\d+) ms\s+p99\s+(\d+) ms.*server ([\d.]+) ms, PostgreSQL ([\d.]+) ms.*other work on the machine: (\d+)%.*steal\): (\d+)%/);
      if (code !== 0 || !m) return reject(new Error(`bench.js exited with ${code} and printed:\n${out}`));
      resolveRun({ line, perSecond: +m[1], p99: +m[3], server: +m[4], pg: +m[5], others: +m[6], steal: +m[7] });
    });
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const runs = { A: [], B: [] };
console.log(`A = ${resolve(BASE)}, B = this package's dist; ${ROUNDS} rounds, alternating`);
for (let round = 0; round < ROUNDS; round++) {
  // A B, B A, A B, ...: neither build always runs first.
  const order = round % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
  for (const build of order) {
    const run = await runOnce(build === 'A' ? BASE : undefined);
    runs[build].push(run);
    console.log(`${build} ${run.line}`);
  }
}

const fmt = (n, digits) => n.toFixed(digits);
console.log('\nmedians      server CPU/eval  PostgreSQL CPU/eval  evaluations/s  p99');
for (const build of ['A', 'B']) {
  const r = runs[build];
  console.log(
    `${build}            ${fmt(median(r.map((x) => x.server)), 3).padStart(8)} ms  ${fmt(median(r.map((x) => x.pg)), 3).padStart(12)} ms  ` +
      `${fmt(median(r.map((x) => x.perSecond)), 0).padStart(13)}  ${fmt(median(r.map((x) => x.p99)), 0).padStart(4)} ms`,
  );
}
const ratio = (key) => fmt(median(runs.B.map((x) => x[key])) / median(runs.A.map((x) => x[key])), 3);
console.log(`ratio B/A    x${ratio('server').padStart(7)}     x${ratio('pg').padStart(11)}     x${ratio('perSecond').padStart(12)}  x${ratio('p99')}`);
const range = (values, digits) => `${fmt(Math.min(...values), digits)} to ${fmt(Math.max(...values), digits)}`;
for (const build of ['A', 'B']) console.log(`spread ${build}     server CPU/eval ${range(runs[build].map((x) => x.server), 2)} ms, evaluations/s ${range(runs[build].map((x) => x.perSecond), 0)}`);
const paired = (key) => runs.B.map((b, i) => b[key] / runs.A[i][key]);
for (const [key, label] of [['server', 'server CPU/eval'], ['perSecond', 'evaluations/s']]) {
  const ratios = paired(key);
  console.log(`paired B/A ${label} per round: median x${fmt(median(ratios), 3)}, ${range(ratios, 3)} (${ratios.map((r) => fmt(r, 2)).join(', ')})`);
}
console.log(`server CPU A: ${runs.A.map((x) => x.server).join(', ')}; B: ${runs.B.map((x) => x.server).join(', ')} ms`);
console.log(`PostgreSQL CPU A: ${runs.A.map((x) => x.pg).join(', ')}; B: ${runs.B.map((x) => x.pg).join(', ')} ms`);
console.log(`other work (% of a core) A: ${runs.A.map((x) => x.others).join(', ')}; B: ${runs.B.map((x) => x.others).join(', ')}`);
