import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import { compilePack } from '../compile/compile-pack.js';
import { seededRandom } from '../random/seeded-random.js';
import { addDays } from '../dates/iso-date.js';
import type { Condition, HitPolicy, Pack, Rule } from '../types.js';
import { analyseInstance, type DecisionAnalysis } from './analyse.js';
import { ANALYSIS_DATE, inputSpace } from './input-space.js';
import { dateReads, moveFunction } from './date-orderings.js';

const BANDS = ['Inadequate', 'Bronze', 'Silver', 'Gold'];
const src = { doc: 'guide', section: '3' };
const DATE_OPERATORS = ['before', 'after', 'onOrBefore', 'onOrAfter', 'equal', 'notEqual'];

/** The example pack with dates `p` (optional) and `q` (required), a flag `f`, and one decision `probe`. */
function probePack(rules: Rule[], hitPolicy: HitPolicy, fallback: boolean): Pack {
  const p: Pack = structuredClone(examplePack());
  p.inputs.properties.p = { type: 'string', format: 'date' };
  p.inputs.properties.q = { type: 'string', format: 'date' };
  p.inputs.properties.f = { type: 'boolean' };
  p.inputs.required = [...(p.inputs.required ?? []), 'q'];
  p.decisions.probe = { label: 'Probe', scale: 'band', hitPolicy, rules, ...(fallback ? { fallback: { output: 'Bronze', interpretation: 'uncovered-combination' } } : {}) };
  return p;
}

function leaf(rand: () => number, literals: boolean): Condition {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const date = pick(['p', 'q', 'asOf', 'assessmentDate']);
  const r = rand();
  if (r < 0.1) return { fact: 'f', operator: 'equal', value: rand() < 0.5 };
  if (r < 0.2) return { fact: 'p', operator: 'present', value: rand() < 0.5 };
  const other = literals && rand() < 0.3 ? pick([addDays(ANALYSIS_DATE, -2), addDays(ANALYSIS_DATE, 1)]) : { fact: pick(['p', 'q', 'asOf', 'assessmentDate'].filter((x) => x !== date)) };
  return { fact: date, operator: pick(DATE_OPERATORS), value: other } as Condition;
}

function condition(rand: () => number, depth: number, literals: boolean): Condition {
  const r = rand();
  if (depth <= 0 || r < 0.45) return leaf(rand, literals);
  if (r < 0.7) return { all: [condition(rand, depth - 1, literals), condition(rand, depth - 1, literals)] };
  if (r < 0.9) return { any: [condition(rand, depth - 1, literals), condition(rand, depth - 1, literals)] };
  return { not: condition(rand, depth - 1, literals) };
}

/** What the analysis found, whatever the weights of its points (orderings weigh 1, as grid days do). */
function found(d: DecisionAnalysis): string[] {
  return d.findings.map((f) => `${f.kind} ${f.rule ?? ''} ${f.interpretation ?? ''}`).sort();
}

/** Every day from 6 before the analysis date to 6 after: room for every ordering of the four dates around the dates written (2 before, 1 after). */
const GRID = Array.from({ length: 13 }, (_, i) => addDays(ANALYSIS_DATE, i - 6));

describe('dates split by their orderings', () => {
  it('find exactly what a grid of days finds, on 40 random small decisions over dates (seed 20261206)', () => {
    const rand = seededRandom(20261206);
    const policies: HitPolicy[] = ['first', 'unique', 'max', 'collect'];
    const kinds = new Set<string>();
    for (let k = 0; k < 40; k++) {
      const literals = k % 2 === 1;
      const rules: Rule[] = Array.from({ length: 1 + Math.floor(rand() * 4) }, (_, i) => ({
        id: `r${i}`, source: src, when: condition(rand, 2, literals),
        output: rand() < 0.25 ? { mostRecent: [{ value: 'Gold', date: { fact: 'p' } }, { value: 'Inadequate', date: { fact: 'q' } }] } : BANDS[Math.floor(rand() * 4)]!,
        ...(rand() < 0.2 ? { interpretation: 'uncovered-combination' } : {}),
      }));
      const c = compilePack(probePack(rules, policies[k % policies.length]!, rand() < 0.3));
      const inst = c.instances.find((x) => x.id === 'probe')!;
      const ordered = analyseInstance(c, inst);
      const grid = analyseInstance(c, inst, { dateGrid: GRID });
      expect(ordered.exhaustive, JSON.stringify(rules)).toBe(true);
      // The grid is enumerated in full (not sampled), so it is the brute force the orderings must match.
      expect(grid.notes.join(' ')).not.toMatch(/too large/);
      expect(found(ordered), JSON.stringify(rules)).toEqual(found(grid));
      // Far fewer points than the grid: orderings, not days.
      expect(ordered.points).toBeLessThan(grid.points);
      for (const f of ordered.findings) kinds.add(f.kind);
    }
    // The random decisions exercise the findings that depend on dates.
    expect([...kinds]).toEqual(expect.arrayContaining(['gap', 'fallback-only']));
    expect(kinds.size).toBeGreaterThanOrEqual(4);
  }, 600_000);

  it('orders the dates a decision compares, and the determination date where mostRecent reads it', () => {
    const c = compilePack(probePack([
      { id: 'late', source: src, output: 'Bronze', when: { fact: 'p', operator: 'after', value: { fact: 'assessmentDate' } } },
      { id: 'latest', source: src, output: { mostRecent: [{ value: 'Gold', date: { fact: 'p' } }, { value: 'Silver', date: { fact: 'q' } }] }, when: { fact: 'f', operator: 'equal', value: true } },
    ], 'first', false));
    const inst = c.instances.find((x) => x.id === 'probe')!;
    const dim = inputSpace(c, inst).find((d) => d.dates)!;
    expect(dim.exhaustive).toBe(true);
    expect(dim.name).toBe('orderings of asOf, p, q');
    // p against the assessment date, and asOf, p and q among themselves, with p maybe not recorded:
    // fewer than the 3 x 3 x 3 relations of each pair but more than one.
    expect(dim.size).toBeGreaterThan(10);
  });

  it('leaves dates read by other date arithmetic (a move of a non-date, an unresolved parameter), as an output, or by a plugin to the samples', () => {
    const c = compilePack(probePack([], 'first', true));
    expect(dateReads(c, [{ fact: 'p', operator: 'before', value: { addMonths: 3, to: { addDays: 1, to: { fact: 'f' } } } }])).toBeUndefined();
    expect(dateReads(c, [{ fact: 'p', operator: 'before', value: { addMonths: { param: 'x' }, to: { fact: 'q' } } } as unknown as Condition])).toBeUndefined();
    expect(dateReads(c, [{ fact: 'f', operator: 'equal', value: { addMonths: 3, to: { fact: 'q' } } } as unknown as Condition])).toBeUndefined();
    expect(dateReads(c, [{ fact: 'p' }])).toBeUndefined();
    expect(dateReads(c, [{ fact: 'f', operator: 'equal', value: { fact: 'p' } }])).toBeUndefined();
    expect(dateReads(c, [{ fact: 'p', operator: 'lessThan', value: { fact: 'q' } }])).toBeUndefined();
    expect(dateReads(c, [{ fact: 'somePlugin', operator: 'equal', value: 1 }])).toBeUndefined();
    expect(dateReads(c, [{ fact: 'p', operator: 'onOrBefore', value: { fact: 'asOf' } }])?.facts).toEqual(new Set(['p', 'asOf']));
  });

  it('reads a date moved by days, months or working days as an ordering of the date and its image', () => {
    const c = compilePack(probePack([], 'first', true));
    const reads = dateReads(c, [{ fact: 'assessmentDate', operator: 'after', value: { addMonths: 3, to: { fact: 'p' } } }]);
    expect(reads?.facts).toEqual(new Set(['assessmentDate', 'p']));
    expect(reads?.pairs).toEqual(new Set(['assessmentDate|p@addMonths:3']));
    expect(reads?.moves).toEqual(new Set(['addMonths:3']));
    const wd = dateReads(c, [{ fact: 'q', operator: 'onOrBefore', value: { addWorkingDays: 10, to: { fact: 'p' }, calendar: 'england-and-wales' } }]);
    expect(wd?.moves).toEqual(new Set(['addWorkingDays:10:england-and-wales']));
  });

  it('reads a move of a move as one move, its steps in the order they are taken', () => {
    const c = compilePack(probePack([], 'first', true));
    const reads = dateReads(c, [{ fact: 'p', operator: 'before', value: { addDays: 5, to: { addMonths: 3, to: { fact: 'q' } } } }]);
    expect(reads?.facts).toEqual(new Set(['p', 'q']));
    expect(reads?.pairs).toEqual(new Set(['p|q@addMonths:3,addDays:5']));
    expect(reads?.moves).toEqual(new Set(['addMonths:3,addDays:5']));
    // addDays(addMonths(30 November, 3), 5): 28 February (the month end), then 5 March.
    expect(moveFunction('addMonths:3,addDays:5')('2025-11-30')).toBe('2026-03-05');
    expect(moveFunction('addDays:5,addMonths:3')('2025-11-30')).toBe('2026-03-05');
    expect(moveFunction('addDays:1,addMonths:3')('2025-11-27')).toBe('2026-02-28');
  });

  it('reads "the following weekday" as a step of a move, and the latest of several dates as each of them', () => {
    const c = compilePack(probePack([], 'first', true));
    const friday = dateReads(c, [{ fact: 'assessmentDate', operator: 'after', value: { nextWeekday: 'friday', after: { addDays: 3, to: { fact: 'p' } } } } as Condition]);
    expect(friday?.pairs).toEqual(new Set(['assessmentDate|p@addDays:3,nextWeekday:friday:after']));
    expect(friday?.moves).toEqual(new Set(['addDays:3,nextWeekday:friday:after']));
    // 2025-06-06 is a Friday: on or after it, itself; strictly after it, the next.
    expect(moveFunction('nextWeekday:friday:onOrAfter')('2025-06-06')).toBe('2025-06-06');
    expect(moveFunction('nextWeekday:friday:after')('2025-06-06')).toBe('2025-06-13');
    // A move of the latest of p, q and a written date is the latest of their moves (the written one worked out).
    const latest = dateReads(c, [{ fact: 'assessmentDate', operator: 'onOrBefore', value: { addDays: 7, to: { latestDate: [{ fact: 'p' }, { nextWeekday: 'monday', onOrAfter: { fact: 'q' } }, '2025-05-01'] } } } as Condition]);
    expect(latest?.facts).toEqual(new Set(['assessmentDate', 'p', 'q']));
    expect(latest?.literals).toEqual(new Set(['2025-05-08']));
    expect(latest?.pairs).toEqual(new Set(['2025-05-08|assessmentDate', 'assessmentDate|p@addDays:7', 'assessmentDate|q@nextWeekday:monday:onOrAfter,addDays:7']));
    // Anything else in a latestDate (a text that is not a date, a number) leaves the dates to the samples.
    expect(dateReads(c, [{ fact: 'q', operator: 'before', value: { latestDate: [{ fact: 'p' }, { fact: 'f' }] } } as Condition])).toBeUndefined();
    expect(dateReads(c, [{ fact: 'q', operator: 'before', value: { latestDate: [{ fact: 'p' }, 'soon'] } } as Condition])).toBeUndefined();
  });

  it('orders the determination date where a rule compares it with dates, and samples it only where the dates are sampled (never behind an exhaustive claim)', () => {
    const compared = compilePack(probePack([
      { id: 'late', source: src, output: 'Bronze', when: { fact: 'asOf', operator: 'after', value: { nextWeekday: 'friday', after: { fact: 'q' } } } as Condition },
    ], 'first', true));
    const inst = compared.instances.find((x) => x.id === 'probe')!;
    const a = analyseInstance(compared, inst);
    expect(a.exhaustive).toBe(true);
    // asOf before, on or after the Friday following q (the assessment date fixed: asOf is on or after it).
    expect(a.dimensions).toContain('orderings of asOf, q, moved by nextWeekday friday after (3)');
    expect(a.notes).toEqual([]);
    // A date read in a way the orderings do not cover (a latestDate holding a text): the dates and asOf are sampled, and the decision says so.
    const other = compilePack(probePack([
      { id: 'late', source: src, output: 'Bronze', when: { fact: 'q', operator: 'before', value: { latestDate: [{ fact: 'asOf' }, 'soon'] } } as Condition },
    ], 'first', true));
    const b = analyseInstance(other, other.instances.find((x) => x.id === 'probe')!);
    expect(b.exhaustive).toBe(false);
    expect(b.notes).toContain('the determination date (asOf) is sampled: the assessment date, and six months later');
  });

  it('"more than 3 months after" is analysed exhaustively: recorded or not, and each side of the date three months on', () => {
    const c = compilePack(probePack([
      { id: 'over-three-months', source: src, output: 'Inadequate', when: { fact: 'assessmentDate', operator: 'after', value: { addMonths: 3, to: { fact: 'p' } } } },
      { id: 'recorded', source: src, output: 'Bronze', when: { fact: 'p', operator: 'present', value: true } },
    ], 'first', false));
    const inst = c.instances.find((x) => x.id === 'probe')!;
    const dim = inputSpace(c, inst).find((d) => d.dates)!;
    expect(dim.exhaustive).toBe(true);
    // p not recorded; recorded and the assessment before, on, or after the date three months on.
    expect(dim.size).toBe(4);
    const a = analyseInstance(c, inst);
    expect(a.exhaustive).toBe(true);
    // Without p no rule matches and there is no fallback: that gap is the only finding.
    expect(found(a)).toEqual(['gap  ']);
    expect(a.findings[0]!.examples[0]!.inputs).toMatch(/not recorded/);
  });

  it('find exactly what a day-by-day grid finds, with dates moved by days, months and working days (seed 20261207)', () => {
    const rand = seededRandom(20261207);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const MOVED = [
      (to: string) => ({ addMonths: pick([1, 3, -1]), to: { fact: to } }),
      (to: string) => ({ addDays: pick([3, -2, 14]), to: { fact: to } }),
      (to: string) => ({ addWorkingDays: pick([1, 5, 10]), to: { fact: to }, calendar: 'england-and-wales' }),
      (to: string) => ({ addWorkingDays: pick([2, 10]), to: { fact: to } }),
    ];
    const moveLeaf = (): Condition => {
      const r = rand();
      if (r < 0.15) return { fact: 'f', operator: 'equal', value: rand() < 0.5 };
      if (r < 0.3) return { fact: 'p', operator: 'present', value: rand() < 0.5 };
      const [lhs, rhs] = rand() < 0.5 ? ['p', 'assessmentDate'] : ['assessmentDate', 'p'];
      return { fact: lhs, operator: pick(DATE_OPERATORS), value: rand() < 0.8 ? pick(MOVED)(rhs) : { fact: rhs } } as Condition;
    };
    const cond = (depth: number): Condition => {
      const r = rand();
      if (depth <= 0 || r < 0.5) return moveLeaf();
      if (r < 0.75) return { all: [cond(depth - 1), cond(depth - 1)] };
      if (r < 0.9) return { any: [cond(depth - 1), cond(depth - 1)] };
      return { not: cond(depth - 1) };
    };
    // Every day of ten months around the analysis date, for both the assessment date and p: room
    // for the month ends (February's too), weekends and bank holidays a move of up to three months meets.
    const grid = Array.from({ length: 301 }, (_, i) => addDays(ANALYSIS_DATE, i - 200));
    const policies: HitPolicy[] = ['first', 'unique', 'max', 'collect'];
    for (let k = 0; k < 12; k++) {
      const rules: Rule[] = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, i) => ({
        id: `r${i}`, source: src, when: cond(2), output: pick(BANDS),
        ...(rand() < 0.2 ? { interpretation: 'uncovered-combination' } : {}),
      }));
      const c = compilePack(probePack(rules, policies[k % policies.length]!, rand() < 0.3));
      const inst = c.instances.find((x) => x.id === 'probe')!;
      const ordered = analyseInstance(c, inst);
      const brute = analyseInstance(c, inst, { dateGrid: grid });
      expect(ordered.exhaustive, JSON.stringify(rules)).toBe(true);
      expect(brute.notes.join(' ')).not.toMatch(/too large/);
      expect(found(ordered), JSON.stringify(rules)).toEqual(found(brute));
      expect(ordered.points).toBeLessThan(brute.points / 100);
    }
    // Synchronous and long (a minute alone, more on a loaded machine): a time limit here would only measure the machine.
  }, 600_000);

  it('find exactly what a day-by-day grid finds, with moves of moves and amounts given by parameters (seed 20261208)', () => {
    const rand = seededRandom(20261208);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const STEPS = [
      (to: unknown) => ({ addMonths: pick([1, -1]), to }),
      (to: unknown) => ({ addDays: pick([3, -2, 10, { param: 'days' }]), to }),
      (to: unknown) => ({ addMonths: { param: 'months' }, to }),
      (to: unknown) => ({ addWorkingDays: pick([1, 5, { param: 'days' }]), to, calendar: 'england-and-wales' }),
    ];
    const moved = (fact: string): unknown => { let v: unknown = { fact }; const n = 1 + Math.floor(rand() * 2); for (let i = 0; i < n; i++) v = pick(STEPS)(v); return v; };
    const moveLeaf = (): Condition => {
      const r = rand();
      if (r < 0.15) return { fact: 'f', operator: 'equal', value: rand() < 0.5 };
      if (r < 0.25) return { fact: 'p', operator: 'present', value: rand() < 0.5 };
      const [lhs, rhs] = rand() < 0.5 ? ['p', 'assessmentDate'] : ['assessmentDate', 'p'];
      return { fact: lhs, operator: pick(DATE_OPERATORS), value: rand() < 0.85 ? moved(rhs) : { fact: rhs } } as Condition;
    };
    const cond = (depth: number): Condition => {
      const r = rand();
      if (depth <= 0 || r < 0.5) return moveLeaf();
      if (r < 0.75) return { all: [cond(depth - 1), cond(depth - 1)] };
      if (r < 0.9) return { any: [cond(depth - 1), cond(depth - 1)] };
      return { not: cond(depth - 1) };
    };
    // Every day of ten months around the analysis date: room for the month ends, weekends and bank holidays chains of two steps meet.
    const grid = Array.from({ length: 301 }, (_, i) => addDays(ANALYSIS_DATE, i - 200));
    const policies: HitPolicy[] = ['first', 'unique', 'max', 'collect'];
    let chains = 0;
    for (let k = 0; k < 6; k++) {
      const rules: Rule[] = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, i) => ({
        id: `r${i}`, source: src, when: cond(2), output: pick(BANDS),
        ...(rand() < 0.2 ? { interpretation: 'uncovered-combination' } : {}),
      }));
      if (/"to":\{"add/.test(JSON.stringify(rules))) chains++;
      // Per domain, so each domain gives the parameters their values (2 months and 4 days in the first).
      const pack = probePack(rules, policies[k % policies.length]!, rand() < 0.3);
      pack.decisions.probe!.forEach = 'domain';
      pack.framework!.domains.forEach((d, i) => { d.parameters = { ...d.parameters, months: 2 + (i % 2), days: 4 + i }; });
      const c = compilePack(pack);
      const inst = c.instances.find((x) => x.id.startsWith('probe'))!;
      const ordered = analyseInstance(c, inst);
      const brute = analyseInstance(c, inst, { dateGrid: grid });
      expect(ordered.exhaustive, JSON.stringify(rules)).toBe(true);
      expect(brute.notes.join(' ')).not.toMatch(/too large/);
      expect(found(ordered), JSON.stringify(rules)).toEqual(found(brute));
      expect(ordered.points).toBeLessThan(brute.points / 100);
    }
    // The random decisions do move moved dates.
    expect(chains).toBeGreaterThanOrEqual(3);
  }, 600_000);

  it('find exactly what a day-by-day grid finds, with "the following weekday" and the latest of several dates (seed 20261209)', () => {
    const rand = seededRandom(20261209);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const WEEKDAY = ['monday', 'wednesday', 'friday', 'saturday'];
    const DATES = ['p', 'q', 'assessmentDate'];
    const dateOf = (fact: string): unknown => {
      const r = rand();
      if (r < 0.35) return { nextWeekday: pick(WEEKDAY), [rand() < 0.5 ? 'after' : 'onOrAfter']: { fact } };
      if (r < 0.5) return { addDays: pick([2, -3]), to: { nextWeekday: pick(WEEKDAY), onOrAfter: { fact } } };
      if (r < 0.6) return { nextWeekday: pick(WEEKDAY), after: { addDays: pick([1, -2]), to: { fact } } };
      return { fact };
    };
    const dateLeaf = (): Condition => {
      const r = rand();
      if (r < 0.1) return { fact: 'f', operator: 'equal', value: rand() < 0.5 };
      if (r < 0.2) return { fact: 'p', operator: 'present', value: rand() < 0.5 };
      const lhs = pick(DATES);
      const others = DATES.filter((x) => x !== lhs);
      let value: unknown;
      if (rand() < 0.55) {
        const parts: unknown[] = others.filter(() => rand() < 0.8).map(dateOf);
        if (!parts.length || rand() < 0.25) parts.push(pick([addDays(ANALYSIS_DATE, -4), addDays(ANALYSIS_DATE, 3)]));
        value = rand() < 0.25 ? { addDays: pick([1, -1]), to: { latestDate: parts } } : { latestDate: parts };
      } else value = dateOf(pick(others));
      return { fact: lhs, operator: pick(DATE_OPERATORS), value } as Condition;
    };
    const cond = (depth: number): Condition => {
      const r = rand();
      if (depth <= 0 || r < 0.5) return dateLeaf();
      if (r < 0.75) return { all: [cond(depth - 1), cond(depth - 1)] };
      if (r < 0.9) return { any: [cond(depth - 1), cond(depth - 1)] };
      return { not: cond(depth - 1) };
    };
    // Every day of five weeks around the analysis date, for each of the three dates: every weekday
    // five times over, room for every ordering of dates a few days and a weekday apart.
    const grid = Array.from({ length: 35 }, (_, i) => addDays(ANALYSIS_DATE, i - 17));
    const policies: HitPolicy[] = ['first', 'unique', 'max', 'collect'];
    let latest = 0;
    let weekdays = 0;
    for (let k = 0; k < 10; k++) {
      const rules: Rule[] = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, i) => ({
        id: `r${i}`, source: src, when: cond(2), output: pick(BANDS),
        ...(rand() < 0.2 ? { interpretation: 'uncovered-combination' } : {}),
      }));
      const text = JSON.stringify(rules);
      if (text.includes('latestDate')) latest++;
      if (text.includes('nextWeekday')) weekdays++;
      const c = compilePack(probePack(rules, policies[k % policies.length]!, rand() < 0.3));
      const inst = c.instances.find((x) => x.id === 'probe')!;
      const ordered = analyseInstance(c, inst);
      const brute = analyseInstance(c, inst, { dateGrid: grid });
      expect(ordered.exhaustive, text).toBe(true);
      expect(brute.notes.join(' ')).not.toMatch(/too large/);
      expect(found(ordered), text).toEqual(found(brute));
    }
    // The random decisions do read both forms.
    expect(latest).toBeGreaterThanOrEqual(4);
    expect(weekdays).toBeGreaterThanOrEqual(4);
  }, 600_000);
});
