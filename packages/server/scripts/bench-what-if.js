// Benchmark of what-if (`POST /api/councils/{council}/what-if`): every provider's latest
// assessment evaluated under the published pack and under a draft, and every output compared
// (headline, each domain's band, actions, schedule, scores), for 5,000 providers
// (QAF_BENCH_PROVIDERS) of each council pack. The draft raises a domain's Silver threshold by
// one Fully met (as the admin-UI browser test does with Birmingham's Safeguarding) or, in a pack
// without one, a pack parameter by one, so some providers change. Prints the time for all providers and its ratio
// to one evaluation (the median of single evaluations of the same assessments under the
// published pack), the median of QAF_BENCH_ROUNDS runs, and the CPU time the whole what-if took
// (the median; on a machine others are loading, CPU time is steadier than elapsed time).
// QAF_BENCH_COUNCIL=<id> measures one council only. QAF_BENCH_BASELINE=<another checkout's
// packages/server, built> runs that build's what-if on the same providers in alternate rounds
// (A B A B ...) and prints both CPU medians, their ratio and whether the reports are identical,
// so a change is measured against its baseline in one run on a machine others load. The database read of the latest
// assessments is not included (one indexed query). Run after `pnpm build`.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compilePack } from '@openqaf/engine';
import { loadCouncilPlugins } from '../dist/index.js';
import { compareUnderPacks } from '../dist/what-if/index.js';
import { evaluateAssessment, packHash } from '../dist/engine/index.js';
import { randomAssessment, seededRandom } from '../../engine/dist/reference/random-assessment.js';

const PROVIDERS = Number(process.env.QAF_BENCH_PROVIDERS ?? 5000);
const ROUNDS = Number(process.env.QAF_BENCH_ROUNDS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The draft: Safeguarding (else the first domain) with `silverMinFullyMet` needs one more Fully met for Silver; a pack
 * without one gets its first integer pack parameter one higher (one lower at its maximum).
 */
function draftOf(pack) {
  const draft = structuredClone(pack);
  const domains = (draft.framework?.domains ?? []).filter((d) => typeof d.parameters?.silverMinFullyMet === 'number');
  const domain = domains.find((d) => /safeguarding/i.test(d.title)) ?? domains[0];
  if (domain) {
    domain.parameters.silverMinFullyMet += 1;
    return { draft, changed: `${domain.title}: Silver at ${domain.parameters.silverMinFullyMet} Fully met` };
  }
  const [id, parameter] = Object.entries(draft.parameters ?? {}).find(([, p]) => p.type === 'integer') ?? [];
  if (!parameter) return { draft, changed: 'nothing (draft = published)' };
  parameter.value += parameter.value < (parameter.max ?? Infinity) ? 1 : -1;
  return { draft, changed: `${id} = ${parameter.value}` };
}

const baseline = process.env.QAF_BENCH_BASELINE
  ? (await import(pathToFileURL(join(process.env.QAF_BENCH_BASELINE, 'dist/what-if/index.js')).href)).compareUnderPacks
  : undefined;
const plugins = await loadCouncilPlugins(undefined, () => undefined);
console.log(`What-if over ${PROVIDERS.toLocaleString('en-GB')} providers, median of ${ROUNDS} runs (Node ${process.version}; load average ${loadavg()[0].toFixed(1)})`);
for (const plugin of plugins.filter((p) => !process.env.QAF_BENCH_COUNCIL || p.id === process.env.QAF_BENCH_COUNCIL)) {
  const published = { pack: plugin.pack, hash: packHash(plugin.pack) };
  const { draft, changed } = draftOf(plugin.pack);
  const drafted = { pack: draft, hash: packHash(draft) };
  const compiled = compilePack(plugin.pack, plugin.extensions);
  const r = seededRandom(20261206);
  const options = (row) => ({ extensions: plugin.extensions, asOf: row.assessment_date, explain: false, hash: published.hash });
  // Assessments the published pack accepts (a random one may miss a fact a schema condition requires).
  const rows = [];
  while (rows.length < PROVIDERS) {
    const i = rows.length;
    const date = `2025-${String(1 + (i % 12)).padStart(2, '0')}-15`;
    const row = { provider_id: `p${i}`, name: `Provider ${String(i).padStart(5, '0')}`, id: `a${i}`, assessment_date: date, input: randomAssessment(compiled, r, date) };
    try { evaluateAssessment(published.pack, row.input, options(row)); rows.push(row); } catch { /* refused: draw another */ }
  }
  // Warm up: compile both packs and let the JIT settle.
  compareUnderPacks(rows.slice(0, 500), published, drafted, plugin.extensions);
  baseline?.(rows.slice(0, 500), published, drafted, plugin.extensions);
  const whole = [];
  const wholeCpu = [];
  const baselineCpu = [];
  let baselineReport;
  const single = [];
  let report;
  for (let round = 0; round < ROUNDS; round++) {
    let t = performance.now();
    const cpu = process.cpuUsage();
    report = compareUnderPacks(rows, published, drafted, plugin.extensions);
    whole.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    wholeCpu.push((used.user + used.system) / 1000);
    if (baseline) {
      const before = process.cpuUsage();
      baselineReport = baseline(rows, published, drafted, plugin.extensions);
      const took = process.cpuUsage(before);
      baselineCpu.push((took.user + took.system) / 1000);
    }
    t = performance.now();
    for (const row of rows) evaluateAssessment(published.pack, row.input, options(row));
    single.push((performance.now() - t) / rows.length);
  }
  const [w, s] = [median(whole), median(single)];
  const headline = report.changed.filter((c) => c.headlineChanged).length;
  console.log(
    `${plugin.id.padEnd(14)} (load ${loadavg()[0].toFixed(1)}) ${w.toFixed(0).padStart(5)} ms for ${PROVIDERS} providers (${(w / PROVIDERS * 1000).toFixed(0)} µs each; CPU ${median(wholeCpu).toFixed(0)} ms); ` +
    `one evaluation ${(s * 1000).toFixed(0)} µs; ratio ${(w / s).toFixed(0)} (${(w / s / PROVIDERS).toFixed(2)} per provider); ` +
    `draft "${changed}": ${report.changed.length} change (${headline} headline, ${report.changed.length - headline} only other outputs), ${report.errors.length} refused`,
  );
  if (baseline) {
    const [now, before] = [median(wholeCpu), median(baselineCpu)];
    console.log(
      `${''.padEnd(14)} CPU against the baseline, alternate rounds: ${before.toFixed(0)} -> ${now.toFixed(0)} ms (x${(now / before).toFixed(2)}; ` +
        `baseline ${baselineCpu.map((x) => x.toFixed(0)).join(' ')}, this ${wholeCpu.map((x) => x.toFixed(0)).join(' ')}); ` +
        `reports ${JSON.stringify(baselineReport) === JSON.stringify(report) ? 'identical' : 'DIFFERENT'}`,
    );
  }
}
