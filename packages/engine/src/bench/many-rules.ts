/**
 * The benchmark's large pack: a pack of `LIMITS.maxRules` rules (10,000) validated, compiled and
 * analysed, each step's median time over a few runs printed; and one rule more, refused by the
 * named limit before any expensive work (its refusal time printed too).
 */
import { compilePack } from '../compile/compile-pack.js';
import { analyse } from '../analyse/analyse.js';
import { validatePack } from '../schema/validate-pack.js';
import { LIMITS } from '../schema/limits.js';
import { manyRulesPack } from '../fixtures/many-rules-pack.js';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One call of `fn`: its result and how long it took. */
function timed<T>(fn: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}

export function benchManyRules(runs = Number(process.env.QAF_BENCH_LARGE_RUNS ?? 3)): void {
  const pack = manyRulesPack(LIMITS.maxRules);
  const times = { validate: [] as number[], compile: [] as number[], analyse: [] as number[], refuse: [] as number[] };
  const over = manyRulesPack(LIMITS.maxRules + 1);
  let line = '';
  for (let i = 0; i < runs; i++) {
    const v = timed(() => validatePack(pack));
    if (!v.value.valid) { console.log(`\n${LIMITS.maxRules}-rule pack refused: ${v.value.errors[0]!.message}`); return; }
    times.validate.push(v.ms);
    const c = timed(() => compilePack(pack));
    times.compile.push(c.ms);
    const a = timed(() => analyse(c.value));
    times.analyse.push(a.ms);
    line = `${a.value.decisions.length} decisions analysed, ${a.value.complete ? 'exhaustively' : 'partly sampled'}`;
    const r = timed(() => validatePack(over));
    times.refuse.push(r.ms);
    if (i === 0) console.log(`\n${(LIMITS.maxRules + 1).toLocaleString('en-GB')}-rule pack: ${r.value.errors.map((e) => `${e.code} at ${e.pointer}: ${e.message}`).join('; ')}`);
  }
  const ms = (xs: number[]): string => `${Math.round(median(xs)).toLocaleString('en-GB')} ms`;
  console.log(`${LIMITS.maxRules.toLocaleString('en-GB')}-rule pack (medians of ${runs} runs): validate ${ms(times.validate)}, compile (validation included) ${ms(times.compile)}, analyse ${ms(times.analyse)} (${line}); refusing one rule more: ${ms(times.refuse)}`);
}
