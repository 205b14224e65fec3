// Benchmark of what-if (`POST /api/councils/{council}/what-if`): every provider's latest
// assessment evaluated under the published pack and under a draft, and every output compared
// (headline, each domain's band, actions, schedule, scores), for 5,000 providers
// (QAF_BENCH_PROVIDERS) of each council pack. The draft raises a domain's Silver threshold by
// one Fully met (as the admin-UI browser test does with Birmingham's Safeguarding) or, in a pack
// without one, a pack parameter by one, so some providers change. The assessments are given as
// JSON text, as the store's query gives them, so parsing them is timed too.
// Each round, in turn: what-if as the route runs it the first time against a published version
// (the providers split between the what-if worker threads, `WhatIfWorkers.compare`, nothing
// kept), the same again ("again (kept)": the workers kept each provider's determination under
// the published pack from the last what-if, as they do between a council's what-ifs), the same
// on this thread alone (`compareUnderPacks`),
// the baseline (below) and one evaluation of each assessment under the published pack. It
// prints, for each, the median and the worst of QAF_BENCH_ROUNDS rounds (default 7), the CPU
// time (the median; every thread of the process; on a machine others are loading, CPU time is
// steadier than elapsed time) and the ratio of the whole what-if to one evaluation; and the first
// what-if (workers starting and compiling both packs), which the rounds do not include, and the first what-if of a
// fresh pool not warmed and of one warmed ahead (`WhatIfWorkers.warm`, as the server does when it starts: both packs
// compiled on each worker and the first 300 providers compared there, nothing kept), in turn; and, on its own line,
// that first what-if after start-up against the later ones (the median of the rounds' "workers": the same work, nothing
// kept; and of "again (kept)", what a council's later what-ifs of the same published version do).
// A build without the draft and sample warm-up (before 7 December) ignores them: the same script times both.
// QAF_BENCH_COUNCIL=<id> measures one council only. QAF_BENCH_BASELINE=<another checkout's
// packages/server, built> runs that build's `compareUnderPacks` on the same providers in the same
// rounds, with the parsing of their JSON text that its store query did (the driver parsed the
// input column), and says whether the reports are identical. The database read of the latest assessments is not included (one indexed query).
// Run after `pnpm build`.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compilePack } from '@openqaf/engine';
import { loadCouncilPlugins } from '../dist/index.js';
import { compareUnderPacks, WhatIfWorkers } from '../dist/what-if/index.js';
import { evaluateAssessment, packHash } from '../dist/engine/index.js';
import { randomAssessment, seededRandom } from '../../engine/dist/reference/random-assessment.js';

const PROVIDERS = Number(process.env.QAF_BENCH_PROVIDERS ?? 5000);
const ROUNDS = Number(process.env.QAF_BENCH_ROUNDS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => x.toFixed(0);
/** Elapsed and CPU time (every thread) of `run`, added to `into`; its result. */
async function timed(into, run) {
  const [t, cpu] = [performance.now(), process.cpuUsage()];
  const result = await run();
  const used = process.cpuUsage(cpu);
  into.wall.push(performance.now() - t);
  into.cpu.push((used.user + used.system) / 1000);
  return result;
}
const times = () => ({ wall: [], cpu: [] });
const summary = (x) => `${ms(median(x.wall))} ms (worst ${ms(Math.max(...x.wall))}; CPU ${ms(median(x.cpu))})`;

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
const workers = new WhatIfWorkers();
console.log(`What-if over ${PROVIDERS.toLocaleString('en-GB')} providers, ${ROUNDS} rounds (Node ${process.version}; load average ${loadavg()[0].toFixed(1)})`);
for (const plugin of plugins.filter((p) => !process.env.QAF_BENCH_COUNCIL || p.id === process.env.QAF_BENCH_COUNCIL)) {
  const published = { pack: plugin.pack, hash: packHash(plugin.pack) };
  const { draft, changed } = draftOf(plugin.pack);
  const drafted = { pack: draft, hash: packHash(draft) };
  const compiled = compilePack(plugin.pack, plugin.extensions);
  const r = seededRandom(20261206);
  const options = (row) => ({ extensions: plugin.extensions, asOf: row.assessment_date, explain: false, hash: published.hash });
  // Assessments the published pack accepts (a random one may miss a fact a schema condition requires).
  const parsed = [];
  while (parsed.length < PROVIDERS) {
    const i = parsed.length;
    const date = `2025-${String(1 + (i % 12)).padStart(2, '0')}-15`;
    const row = { provider_id: `p${i}`, name: `Provider ${String(i).padStart(5, '0')}`, id: `a${i}`, assessment_date: date, input: randomAssessment(compiled, r, date) };
    try { evaluateAssessment(published.pack, row.input, options(row)); parsed.push(row); } catch { /* refused: draw another */ }
  }
  // As the store's query gives them: the input as JSON text.
  const rows = parsed.map((row) => ({ ...row, input: JSON.stringify(row.input) }));
  const compare = (remember) => workers.compare(rows, published, drafted, plugin.id, plugin.extensions, 60, { remember });
  const first = times();
  await timed(first, () => compare(true));
  // The first what-if of a pool warmed ahead (`warm`, as the server does when it starts: workers started, the published
  // pack compiled on each) against that of a pool not warmed, QAF_BENCH_FIRSTS pairs (default 3), in turn.
  const [coldFirst, warmFirst] = [times(), times()];
  for (let pair = 0; pair < Number(process.env.QAF_BENCH_FIRSTS ?? 3); pair++) {
    for (const ahead of pair % 2 === 0 ? [false, true] : [true, false]) {
      const pool = new WhatIfWorkers();
      if (ahead) await pool.warm([{ councilId: plugin.id, published, draft: drafted, sample: rows.slice(0, 300) }]);
      await timed(ahead ? warmFirst : coldFirst, () => pool.compare(rows, published, drafted, plugin.id, plugin.extensions, 60));
      await pool.close();
    }
  }
  // Warm up: let the JIT settle.
  compareUnderPacks(rows.slice(0, 500), published, drafted, plugin.extensions);
  baseline?.(rows.slice(0, 500).map((row) => ({ ...row, input: JSON.parse(row.input) })), published, drafted, plugin.extensions);
  const [pooled, warm, alone, before, single] = [times(), times(), times(), times(), times()];
  let report, warmReport, aloneReport, baselineReport;
  for (let round = 0; round < ROUNDS; round++) {
    report = await timed(pooled, () => compare(false));
    warmReport = await timed(warm, () => compare(true));
    aloneReport = await timed(alone, () => compareUnderPacks(rows, published, drafted, plugin.extensions));
    // Its store query parsed each input (the driver reads jsonb into values), so that is timed with it.
    if (baseline) baselineReport = await timed(before, () => baseline(rows.map((row) => ({ ...row, input: JSON.parse(row.input) })), published, drafted, plugin.extensions));
    await timed(single, () => { for (const row of parsed) evaluateAssessment(published.pack, row.input, options(row)); });
  }
  const [w, s] = [median(pooled.wall), median(single.wall) / PROVIDERS];
  const headline = report.changed.filter((c) => c.headlineChanged).length;
  const same = (other) => (JSON.stringify(other) === JSON.stringify(report) ? 'identical' : 'DIFFERENT');
  console.log(
    `${plugin.id} (load ${loadavg()[0].toFixed(1)}): draft "${changed}": ${report.changed.length} change (${headline} headline, ` +
      `${report.changed.length - headline} only other outputs), ${report.errors.length} refused\n` +
      `  workers (${workers.size}):   ${summary(pooled)} for ${PROVIDERS} providers; ratio to one evaluation ${ms(w / s)} (${(w / s / PROVIDERS).toFixed(2)} per provider); first what-if ${ms(first.wall[0])} ms\n` +
      `  first what-if: not warmed ${summary(coldFirst)}; warmed ahead ${summary(warmFirst)}\n` +
      `  first what-if after start-up: ${ms(median(warmFirst.wall))} ms; ${(median(warmFirst.wall) / w).toFixed(2)}x the later ones ` +
      `(workers median ${ms(w)} ms), ${(median(warmFirst.wall) / median(warm.wall)).toFixed(2)}x those kept; CPU ${(median(warmFirst.cpu) / median(pooled.cpu)).toFixed(2)}x\n` +
      `  again (kept):  ${summary(warm)}; ratio ${ms(median(warm.wall) / s)}; report ${same(warmReport)}\n` +
      `  one thread:    ${summary(alone)}; report ${same(aloneReport)}\n` +
      (baseline ? `  baseline:      ${summary(before)}; report ${same(baselineReport)}\n` : '') +
      `  one evaluation: ${(s * 1000).toFixed(0)} µs (${PROVIDERS} in ${summary(single)})`,
  );
}
await workers.close();
