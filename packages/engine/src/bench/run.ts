/**
 * `pnpm bench`: evaluations per second of a full determination of a five-domain, 79-criterion
 * pack (domain bands, overall band, most-recent rating, actions, schedule, score), for
 * (a) this engine without trace, (b) json-rules-engine used directly, (c) a hand-written
 * TypeScript function of the same rules, measured interleaved (a a' b c, a a' b c, ...) in CPU
 * time and reported as medians; Birmingham's pack against its rules written by hand
 * (`hand-written-birmingham.ts`, the goal's yardstick) on its cases and random assessments; for each council pack's first case, the CPU time and heap
 * allocation of one evaluation with and without the explanation; the analysis time of the same pack, and of each council pack as the median of several cold analyses (a fresh compile each, interleaved with the other packs'); and a pack
 * of 10,000 rules (`LIMITS.maxRules`) validated, compiled and analysed, one rule more refused.
 */
import { compilePack } from '../compile/compile-pack.js';
import { evaluate, type EvaluateOptions } from '../evaluate/evaluate.js';
import { analyse, analyseInstance } from '../analyse/analyse.js';
import { createReferenceEvaluator } from '../reference/reference-evaluator.js';
import { randomAssessment, seededRandom } from '../reference/random-assessment.js';
import { examplePack } from '../fixtures/example-pack.js';
import { handWrittenDetermination } from './hand-written.js';
import { handWrittenBirmingham } from './hand-written-birmingham.js';
import { isDeepStrictEqual } from 'node:util';
import { benchManyRules } from './many-rules.js';
import { allocationPerCall } from './allocation.js';
import { fileURLToPath } from 'node:url';
import { readPackSource } from '../source/load-pack-source.js';
import { caseAssessment } from '../testing/run-cases.js';
import type { Assessment, Pack } from '../types.js';

const SECONDS = Number(process.env.QAF_BENCH_SECONDS ?? 2);

/** This process's CPU time so far, in ms (every thread: the garbage collector's helpers too). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Evaluations per second of CPU time of `fn` over whole passes of `inputs` for about `seconds`
 * of it. CPU time rather than the clock's: on a machine shared with other work, the time this
 * process waits for a core is not the engine's cost.
 */
async function rate<T>(fn: (a: T) => unknown, inputs: T[], seconds: number): Promise<number> {
  const start = cpuMs();
  let n = 0;
  while (cpuMs() - start < seconds * 1000) {
    for (const a of inputs) { const r = fn(a); if (r instanceof Promise) await r; n++; }
  }
  return n / ((cpuMs() - start) / 1000);
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** Microseconds of CPU time per evaluation at a rate. */
const us = (perSecond: number): string => `${(1e6 / perSecond).toFixed(1)} µs`;

function show(name: string, perSecond: number): void {
  console.log(`${name.padEnd(44)} ${Math.round(perSecond).toLocaleString('en-GB').padStart(12)} evaluations/s`);
}

/** Rounds per comparison: each round runs every variant once, in turn (A B C, A B C, ...). */
const ROUNDS = Number(process.env.QAF_BENCH_ROUNDS ?? 8);

/** Cold analyses per council pack: each round analyses every pack once, in turn, each from a fresh compile (nothing cached). */
const ANALYSES = Number(process.env.QAF_BENCH_ANALYSES ?? 5);

/**
 * Measures the variants interleaved, a short slice each per round, so a noisy machine slows them
 * alike; gives each variant's median rate and the median of each round's ratio to the first.
 */
async function interleaved<T = Assessment>(variants: [string, (a: T) => unknown, T[]][]): Promise<{ rates: number[]; ratios: number[] }> {
  for (const [, fn, inputs] of variants) for (let i = 0; i < Math.min(inputs.length, 300); i++) await fn(inputs[i]!);
  const perRound: number[][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const row: number[] = [];
    for (const [, fn, inputs] of variants) row.push(await rate(fn, inputs, SECONDS / ROUNDS));
    perRound.push(row);
  }
  const rates = variants.map((_, i) => median(perRound.map((row) => row[i]!)));
  const ratios = variants.map((_, i) => median(perRound.map((row) => row[0]! / row[i]!)));
  variants.forEach(([name], i) => show(name, rates[i]!));
  return { rates, ratios };
}

const pack = examplePack();
const compiled = compilePack(pack);
const r = seededRandom(20251122);
const inputs = Array.from({ length: 1000 }, () => ({ ...randomAssessment(compiled, r), facts: { statementLate: r() < 0.1, regulatorRating: 'Good', regulatorRatingDate: '2024-01-10' } }));

// The three must agree before their speeds mean anything.
const reference = createReferenceEvaluator(compiled);
for (const a of inputs.slice(0, 200)) {
  const d = evaluate(compiled, a);
  const h = handWrittenDetermination(a, compiled.hash);
  if (JSON.stringify(d) !== JSON.stringify(h)) throw new Error(`hand-written and engine disagree on ${JSON.stringify(a)}`);
  const ref = await reference(a);
  if (JSON.stringify(ref.decisions) !== JSON.stringify(d.decisions)) throw new Error('reference and engine disagree');
}
const bands = new Map<string, number>();
for (const a of inputs) { const v = String(evaluate(compiled, a).headline.value); bands.set(v, (bands.get(v) ?? 0) + 1); }
console.log(`Pack: ${compiled.index.criteria.length} criteria, ${compiled.index.domains.length} domains, ${compiled.instances.length} decisions; ${inputs.length} assessments (headlines: ${[...bands].map(([k, v]) => `${k} ${v}`).join(', ')}); ${SECONDS}s of CPU time per measurement`);

console.log(`Interleaved: ${ROUNDS} rounds of (a) (a') (b) (c), medians of rates (per second of this process's CPU time) and of each round's ratios`);
const { ratios } = await interleaved([
  ['(a) OpenQAF engine, no trace', (x) => evaluate(compiled, x), inputs],
  ['(a\') OpenQAF engine, with explanation', (x) => evaluate(compiled, x, { explain: true }), inputs],
  ['(b) json-rules-engine directly', (x) => reference(x), inputs.slice(0, 200)],
  ['(c) hand-written TypeScript', (x) => handWrittenDetermination(x, compiled.hash), inputs],
]);
console.log('');
console.log(`(a) / (b): ${ratios[2]!.toFixed(1)}x faster than json-rules-engine (goal: at least 30x)`);
console.log(`(c) / (a): hand-written (example pack) is ${(1 / ratios[3]!).toFixed(2)}x the engine's speed (the goal is measured on Birmingham's pack, below)`);
console.log(`(a) / (a'): the explanation costs ${ratios[1]!.toFixed(1)}x`);

const t0 = performance.now();
const report = analyse(compiled);
const ms = performance.now() - t0;
const points = report.decisions.reduce((n, d) => n + d.points, 0);
console.log(`analyse: ${report.decisions.length} decisions, ${points.toLocaleString('en-GB')} points in ${Math.round(ms)} ms (goal: under 2,000 ms); complete: ${report.complete}`);

benchManyRules();
await benchHandWrittenBirmingham();

// The same figures for the council packs in this repository, when they are beside the engine
// (the engine does not depend on them; they are read as plain pack folders).
const councilPacks: { slug: string; pack: Pack; options: { extensions?: import('../types.js').Extensions } }[] = [];
for (const slug of ['birmingham', 'bolton', 'herefordshire']) {
  const folder = fileURLToPath(new URL(`../../../councils-${slug}/pack`, import.meta.url));
  let councilPack: Pack;
  try { councilPack = readPackSource(folder); } catch { continue; }
  const extensions = slug === 'herefordshire' ? await councilExtensions(slug) : undefined;
  councilPacks.push({ slug, pack: councilPack, options: extensions ? { extensions } : {} });
}
const coldAnalyses = coldAnalysisTimes(councilPacks);
for (const { slug, pack: councilPack, options } of councilPacks) {
  const cc = compilePack(councilPack, options);
  const rr = seededRandom(11);
  const sample = Array.from({ length: 500 }, () => randomAssessment(cc, rr));
  const ok = sample.filter((x) => { try { evaluate(cc, x); return true; } catch { return false; } });
  const ref = createReferenceEvaluator(cc);
  console.log(`\n${councilPack.metadata.council} pack (${cc.index.criteria.length} criteria, ${cc.instances.length} decisions; ${ok.length} of ${sample.length} random assessments evaluate):`);
  const { ratios: r2 } = await interleaved([
    ['  OpenQAF engine, no trace', (x) => evaluate(cc, x), ok],
    ['  json-rules-engine directly', (x) => ref(x), ok.slice(0, 100)],
    ['  OpenQAF engine, with explanation, as JSON', (x) => JSON.stringify(evaluate(cc, x, { explain: true })), ok],
  ]);
  // The size a server's reply carries: the determination, and its explanation (format 2), for the
  // pack's first case (the server benchmark's assessment) and the random ones.
  const first = (councilPack.cases ?? []).find((c) => !c.wantError);
  const size = (x: Assessment, explain: boolean): number => Buffer.byteLength(JSON.stringify(evaluate(cc, x, { explain })));
  const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  if (first) {
    const a = caseAssessment(councilPack, first);
    console.log(`  first case "${first.id}": determination ${size(a, false).toLocaleString('en-GB')} B, with explanation ${size(a, true).toLocaleString('en-GB')} B`);
    // The cost of one evaluation of it (the server benchmark's assessment), in CPU time and in
    // the heap it leaves to the garbage collector.
    // As the server calls it on POST /assessments: the assessment fresh from the request's JSON,
    // `asOf` its date, with the explanation (beside it, the parse alone, to take off).
    const body = JSON.stringify(a);
    const { rates } = await interleaved<Assessment | string>([
      ['    evaluate', (x) => evaluate(cc, x), [a]],
      ['    evaluate with explanation', (x) => evaluate(cc, x, { explain: true }), [a]],
      ['    evaluate with explanation, as JSON', (x) => JSON.stringify(evaluate(cc, x, { explain: true })), [a]],
      ['    as the server: parse, evaluate, explanation', (x) => { const p = JSON.parse(x as string) as Assessment; return evaluate(cc, p, { asOf: p.date, explain: true }); }, [body]],
      ['    the parse alone', (x) => JSON.parse(x as string), [body]],
    ]);
    const kB = (fn: () => unknown): string => `${(allocationPerCall(fn) / 1000).toFixed(1)} kB`;
    console.log(`  first case, per evaluation: ${us(rates[0]!)} without explanation, ${us(rates[1]!)} with it, ${us(rates[2]!)} with it as JSON; as the server calls it ${us(rates[3]!)} (of which the parse ${us(rates[4]!)}); allocated ${kB(() => evaluate(cc, a))} without explanation, ${kB(() => evaluate(cc, a, { explain: true }))} with it`);
  }
  console.log(`  random assessments, median: determination ${median(ok.map((x) => size(x, false))).toLocaleString('en-GB')} B, with explanation ${median(ok.map((x) => size(x, true))).toLocaleString('en-GB')} B; the explanation (with JSON) costs ${r2[2]!.toFixed(1)}x`);
  const cold = coldAnalyses.get(slug)!;
  const ms = (xs: number[]): string => xs.map((t) => Math.round(t)).join(', ');
  console.log(`  engine / json-rules-engine: ${r2[1]!.toFixed(1)}x; analyse: ${Math.round(median([...cold.cpu]))} ms of CPU time (${Math.round(median([...cold.clock]))} ms by the clock), the medians of ${ANALYSES} cold analyses, each of a fresh compile, interleaved with the other packs' (CPU ${ms(cold.cpu)} ms; clock ${ms(cold.clock)} ms) (goal: under 1,000 ms; ${cold.complete ? 'exhaustive' : 'partly sampled'})`);
  // Each decision on its own: its points, whether every point of its input space was checked, and its time (goal: under 1 s each).
  for (const inst of cc.instances) {
    const t0 = performance.now();
    const d = analyseInstance(cc, inst);
    const ms = performance.now() - t0;
    console.log(`    ${d.decision}: ${d.points.toLocaleString('en-GB')} points, ${d.exhaustive ? 'complete' : 'NOT complete (sampled)'}, ${ms < 1 ? ms.toFixed(2) : Math.round(ms)} ms${ms >= 1000 ? ' (over the goal of 1 s)' : ''}`);
  }
}

/**
 * Birmingham's pack against its rules written by hand (`hand-written-birmingham.ts`): the engine
 * without trace and the hand-written function on the same inputs (the assessments of
 * Birmingham's cases and random ones), checked to give the same determination first, then
 * measured interleaved.
 */
async function benchHandWrittenBirmingham(): Promise<void> {
  let bp: Pack;
  try { bp = readPackSource(fileURLToPath(new URL('../../../councils-birmingham/pack', import.meta.url))); } catch { return; }
  const bc = compilePack(bp);
  const hand = handWrittenBirmingham({ pack: { id: bp.metadata.id, version: bp.metadata.version, hash: bc.hash }, interpretations: bp.interpretations ?? {} });
  interface Input { a: Assessment; asOf?: string; opts: EvaluateOptions }
  const fromCases: Input[] = (bp.cases ?? []).filter((c) => c.wantError === undefined)
    .map((c) => ({ a: caseAssessment(bp, c), ...(c.asOf ? { asOf: c.asOf } : {}), opts: c.asOf ? { asOf: c.asOf } : {} }));
  const rb = seededRandom(11);
  const random: Input[] = [];
  while (random.length < 1000) {
    const a = randomAssessment(bc, rb);
    try { evaluate(bc, a); random.push({ a, opts: {} }); } catch { /* refused by both (checked in hand-written-birmingham.test.ts) */ }
  }
  const inputs = [...fromCases, ...random];
  for (const x of inputs) {
    if (!isDeepStrictEqual(hand(x.a, x.asOf), evaluate(bc, x.a, x.opts))) throw new Error(`hand-written Birmingham and the engine disagree on ${JSON.stringify(x)}`);
  }
  console.log(`\n${bp.metadata.council} pack against its rules written by hand (${fromCases.length} case assessments and ${random.length} random ones, the same determinations):`);
  const { ratios } = await interleaved<Input>([
    ['  OpenQAF engine, no trace', (x) => evaluate(bc, x.a, x.opts), inputs],
    ['  hand-written Birmingham', (x) => hand(x.a, x.asOf), inputs],
  ]);
  console.log(`  hand-written Birmingham is ${(1 / ratios[1]!).toFixed(2)}x the engine's speed (goal: at most 1.5x)`);
}

/**
 * The analysis time of each pack, cold: {@link ANALYSES} rounds, each compiling every pack afresh
 * and analysing it (the compile not timed), the packs in turn so a noisy machine slows them alike;
 * the median of each pack's times.
 */
function coldAnalysisTimes(packs: { slug: string; pack: Pack; options: { extensions?: import('../types.js').Extensions } }[]): Map<string, ColdAnalyses> {
  const cpu = new Map<string, number[]>(packs.map((p) => [p.slug, []]));
  const clock = new Map<string, number[]>(packs.map((p) => [p.slug, []]));
  const complete = new Map<string, boolean>();
  for (let round = 0; round < ANALYSES; round++) {
    for (const { slug, pack, options } of packs) {
      const fresh = compilePack(pack, options);
      const c0 = cpuMs();
      const t0 = performance.now();
      const report = analyse(fresh);
      clock.get(slug)!.push(performance.now() - t0);
      cpu.get(slug)!.push(cpuMs() - c0);
      complete.set(slug, report.complete);
    }
  }
  return new Map(packs.map(({ slug }) => [slug, { cpu: cpu.get(slug)!, clock: clock.get(slug)!, complete: complete.get(slug)! }]));
}

/** A pack's cold analyses: the CPU time and the clock's time of each, in ms, and whether they were exhaustive. */
interface ColdAnalyses { cpu: number[]; clock: number[]; complete: boolean }

async function councilExtensions(slug: string): Promise<import('../types.js').Extensions | undefined> {
  try {
    const mod = (await import(new URL(`../../../councils-${slug}/dist/index.js`, import.meta.url).href)) as { default?: { extensions?: import('../types.js').Extensions } };
    return mod.default?.extensions;
  } catch {
    return undefined;
  }
}
