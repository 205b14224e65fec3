import type { CompiledInstance, CompiledPack } from '../compile/compile-pack.js';
import { unsetList, type EvalState } from '../compile/eval-state.js';
import { LIMITS } from '../schema/limits.js';
import { KEPT_OPTIONS, MAX_EXAMPLES, type AnalysisFinding, type DecisionAnalysis } from './analyse.js';
import { optionSimplicity } from './simplicity.js';
import { emptySpread, whatVaries, type Spread } from './what-varies.js';
import { ANALYSIS_DATE, ruleReads, type Dimension, type DimensionOption } from './input-space.js';
import { finite, onScale, winningRules } from './scale-value.js';
import type { DerivedDecisions } from './derived-decisions.js';
import { interpretationOnlyHead, maskedFinding, noValueHead, unreachableFinding } from './rule-place.js';
import { chooseTables, ruleTable, tableOutput } from './rule-tables.js';

/**
 * Analysis by factors: the dimensions of a decision's input space split into groups no rule
 * reads across (rules joined by an input they both read fall in one group). Each group is
 * enumerated on its own, and what matters about each of its points for the findings (the
 * rules matched, folded by the hit policy into a small key) is combined across groups exactly:
 * a point of the whole space is one point of each group, so the counts multiply. Fourteen
 * independent yes/no concerns are 14 x 3 points instead of 3^14; a decision reading dozens
 * is checked in full where it was sampled.
 */

/** One group of dimensions, and the rules (by index in `inst.rules`, ascending) reading them. */
export interface Factor {
  dims: number[];
  rules: number[];
  /** Per rule (as `rules`), the dimensions of the space it reads (ascending). */
  reads: number[][];
}

/**
 * The factors of a decision's input space, or undefined when a dimension does not say what it
 * writes (the caller then enumerates the space whole). A rule whose reads cannot be told (a
 * plugin fact) joins every dimension; a dimension no rule reads is a factor of its own.
 */
export function factorsOf(c: CompiledPack, inst: CompiledInstance, dims: Dimension[], derived?: Pick<DerivedDecisions, 'expand'>): Factor[] | undefined {
  if (dims.some((d) => !d.reads || d.size < 1)) return undefined;
  const parent = dims.map((_, i) => i);
  const find = (i: number): number => { while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!; return i; };
  const ruleDims = inst.rules.map((r) => {
    const source = inst.decision.rules![r.position]!;
    // A rule reading a derived decision reads what it is derived from.
    const read = ruleReads(c, inst, [source.when, source.output]);
    const keys = derived ? derived.expand(read) : read;
    return dims.map((_, i) => i).filter((i) => keys === '*' || dims[i]!.reads!.some((k) => keys.has(k)));
  });
  for (const ds of ruleDims) for (const i of ds.slice(1)) parent[find(i)] = find(ds[0]!);
  const byRoot = new Map<number, Factor>();
  const constant: Factor = { dims: [], rules: [], reads: [] };
  dims.forEach((_, i) => {
    const root = find(i);
    const f = byRoot.get(root) ?? { dims: [], rules: [], reads: [] };
    f.dims.push(i);
    byRoot.set(root, f);
  });
  ruleDims.forEach((ds, r) => { const f = ds.length ? byRoot.get(find(ds[0]!))! : constant; f.rules.push(r); f.reads.push(ds); });
  return [...(constant.rules.length ? [constant] : []), ...byRoot.values()];
}

/** What matters about a point for the findings, folded by the hit policy. */
interface Key {
  /** The first rule matched (in priority order), -1 for none. */
  first: number;
  /** `first`: the first rule's output is off the scale. */
  off: boolean;
  /**
   * Every rule deciding has an interpretation (true when none matched): every rule matched, but
   * under `max` and `min` only those giving the winning value (`winningRules`).
   */
  allInterp: boolean;
  /** `max`/`min`: the first rule giving the winning value (-1 for none on the scale), and that value's rank. */
  win: number;
  rank: number;
  /** `unique`: every rule matched. */
  matched: number[];
}

/** The words of an example: one factor's, or two examples' side by side (joined only when reported). */
type Words = string | readonly [Words, Words];

function wordsText(w: Words): string {
  if (typeof w === 'string') return w;
  const a = wordsText(w[0]);
  const b = wordsText(w[1]);
  return a && b ? `${a}; ${b}` : a || b;
}

/** A readable example: its words, the combinations it stands for, and how simple it reads (`simplicity.ts`). */
type Example = [Words, number, number];

/**
 * Points of the space sharing a key: their combinations, their number, the simplest readable
 * examples (distinct points, simplest first), and the options each dimension takes among them
 * (left out where not followed).
 */
interface Cell {
  key: Key;
  weight: number;
  points: number;
  examples: Example[];
  spread?: Spread;
  /** While its factor is enumerated: per dimension of the factor, which options its points took (made a spread after). */
  marks?: Uint8Array[];
}

/** Two spreads of disjoint points together (new sets where both have some; neither is changed). */
function joinSpreads(a: Spread | undefined, b: Spread | undefined): Spread | undefined {
  if (!a || !b) return undefined;
  return {
    seen: a.seen.map((x, i) => { const y = b.seen[i]; return x && y ? new Set([...x, ...y]) : x ?? y; }),
    words: a.words.map((w, i) => (a.seen[i] ? w : b.words[i]!)),
    points: a.points + b.points,
  };
}

/** Spreads of two factors' points side by side (their dimensions are disjoint). */
function crossSpreads(a: Spread | undefined, b: Spread | undefined): Spread | undefined {
  if (!a || !b) return undefined;
  return { seen: a.seen.map((x, i) => x ?? b.seen[i]), words: a.words.map((w, i) => (a.seen[i] ? w : b.words[i]!)), points: a.points * b.points };
}

/** Where an example of `score` goes among `examples` (simplest first, after equally simple ones), or -1 when they are full of simpler ones. */
function placeOf(examples: Example[], score: number): number {
  let i = examples.length;
  while (i > 0 && examples[i - 1]![2] > score) i--;
  return i >= MAX_EXAMPLES ? -1 : i;
}

/** Puts `example` at `at` (from `placeOf`) among the simplest `MAX_EXAMPLES` examples. */
function keepAt(examples: Example[], at: number, example: Example): void {
  examples.splice(at, 0, example);
  if (examples.length > MAX_EXAMPLES) examples.pop();
}


function keyText(k: Key, unique: boolean, ranked: boolean): string {
  if (unique) return k.matched.join(',');
  if (ranked) return `${k.first < 0 ? -1 : 0}|${k.win}|${k.rank}|${k.allInterp ? 1 : 0}`;
  return `${k.first}|${k.off ? 1 : 0}|${k.allInterp ? 1 : 0}`;
}

/** `max`/`min`: the winner of two factors' winners (the better value; on a tie, both decide). */
function combineWinners(a: Key, b: Key, max: boolean): Pick<Key, 'win' | 'rank' | 'allInterp'> {
  if (a.win < 0) return b;
  if (b.win < 0) return a;
  if (a.rank === b.rank) return { win: Math.min(a.win, b.win), rank: a.rank, allInterp: a.allInterp && b.allInterp };
  return (max ? a.rank > b.rank : a.rank < b.rank) ? a : b;
}

function combineKeys(a: Key, b: Key, policy: string): Key {
  const first = a.first < 0 ? b.first : b.first < 0 ? a.first : Math.min(a.first, b.first);
  const ranked = policy === 'max' || policy === 'min';
  const { win, rank, allInterp } = ranked ? combineWinners(a, b, policy === 'max') : { win: -1, rank: NaN, allInterp: a.allInterp && b.allInterp };
  return {
    first,
    off: policy === 'first' ? (first === a.first ? a.off : b.off) : false,
    allInterp, win, rank,
    matched: a.matched.length && b.matched.length ? [...a.matched, ...b.matched].sort((x, y) => x - y) : a.matched.length ? a.matched : b.matched,
  };
}

function addTo(table: Map<string, Cell>, text: string, key: Key, weight: number, points: number, examples: Iterable<Example>, spread: Spread | undefined): void {
  const cell = table.get(text);
  if (!cell) { table.set(text, { key, weight, points, examples: [...examples].slice(0, MAX_EXAMPLES), spread }); return; }
  cell.weight += weight;
  cell.points += points;
  cell.spread = joinSpreads(cell.spread, spread);
  // Each example is a distinct point; only the simplest are kept, the rest are only counted.
  for (const e of examples) {
    const at = placeOf(cell.examples, e[2]);
    if (at >= 0) keepAt(cell.examples, at, e);
  }
}

/**
 * The simplest `MAX_EXAMPLES` examples of two cells' product: simplicity adds up, so they are
 * products of each cell's simplest. Both lists are simplest first, so the pair (i, j) is no
 * simpler than the (i + 1)(j + 1) pairs at or before it in both: only pairs with
 * (i + 1)(j + 1) <= MAX_EXAMPLES can be among the simplest.
 */
function crossExamples(a: Cell, b: Cell): Example[] {
  const all: Example[] = [];
  for (let i = 0; i < a.examples.length; i++) {
    const [wa, ca, sa] = a.examples[i]!;
    for (let j = 0; j < b.examples.length && (i + 1) * (j + 1) <= MAX_EXAMPLES; j++) {
      const [wb, cb, sb] = b.examples[j]!;
      all.push([[wa, wb], ca * cb, sa + sb]);
    }
  }
  return all.sort((x, y) => x[2] - y[2]).slice(0, MAX_EXAMPLES);
}

/** A cell for the points of a factor under `key`, none yet. */
function newCell(key: Key, fd: readonly Dimension[]): Cell {
  return { key, weight: 0, points: 0, examples: [], marks: fd.map((d) => new Uint8Array(d.size)) };
}

/**
 * Analyses a decision instance by factors, exactly, or returns undefined when it cannot (a
 * dimension without read keys, more points in its factors than the enumeration limit, or more
 * distinct keys than that), leaving the caller to enumerate or sample the whole space. With
 * `useTables` (the default) a rule reading only some of its factor's dimensions is looked up in a
 * table of its verdicts (`rule-tables.ts`) rather than evaluated at each point.
 */
export function analyseByFactors(c: CompiledPack, inst: CompiledInstance, dims: Dimension[], derived?: Pick<DerivedDecisions, 'derive' | 'expand'>, useTables = true): DecisionAnalysis | undefined {
  const factors = factorsOf(c, inst, dims, derived);
  if (!factors) return undefined;
  const sizes = factors.map((f) => f.dims.reduce((n, i) => n * dims[i]!.size, 1));
  const points = sizes.reduce((n, s) => n + s, 0);
  if (!(points <= LIMITS.maxAnalysisPoints)) return undefined;
  const rules = inst.rules;
  const firstPolicy = inst.policy === 'first';
  const unique = inst.policy === 'unique';
  const ranked = inst.policy === 'max' || inst.policy === 'min';
  const state: EvalState = {
    facts: {}, assessmentDate: ANALYSIS_DATE, asOf: ANALYSIS_DATE, values: new Array(c.instances.length),
    ranks: unsetList(c.index.criteria.length), judgements: {}, counts: unsetList(c.countSlots), interpretations: new Set(),
  };
  const matchedEver = new Array<boolean>(rules.length).fill(false);
  /** `first`: per rule, the first rules of its factor at the points where it matched. */
  const firstsWhereMatched = rules.map(() => new Set<number>());
  /** The first rule last added to each rule's set (most points add the same one again). */
  const lastFirst = new Int32Array(rules.length).fill(-2);
  /** Other policies: per rule, where it matched and gave no value on the scale (weight, points, examples). */
  const offScale = rules.map(() => ({ weight: 0, points: 0, examples: [] as Example[] }));
  const tables: Map<string, Cell>[] = [];
  const totals: { weight: number; points: number }[] = [];

  for (let fi = 0; fi < factors.length; fi++) {
    const factor = factors[fi]!;
    const fd = factor.dims.map((i) => dims[i]!);
    // Every other dimension at its first option, so the state is whole; this factor's rules do not read them.
    dims.forEach((d, i) => { if (!factor.dims.includes(i)) d.option(0).apply(state); });
    const table = new Map<string, Cell>();
    let total = 0;
    const choice = new Array<number>(fd.length).fill(0);
    // Options built once per factor where few (as nearly all are), and written only when they change.
    const kept = fd.map((d) => (d.size <= KEPT_OPTIONS ? new Array<DimensionOption | undefined>(d.size) : undefined));
    const optionAt = (i: number, index: number): DimensionOption => {
      const k = kept[i];
      return k ? (k[index] ??= fd[i]!.option(index)) : fd[i]!.option(index);
    };
    const current: DimensionOption[] = fd.map((_, i) => optionAt(i, 0));
    // Each option's simplicity, worked out once: a point's is their sum (`simplicity.ts`).
    const scores = fd.map((d) => new Float64Array(Math.min(d.size, KEPT_OPTIONS)).fill(NaN));
    const scoreOf = (): number => {
      let sum = 0;
      for (let k = 0; k < fd.length; k++) {
        const i = choice[k]!;
        const cache = scores[k]!;
        if (i >= cache.length) { sum += optionSimplicity(current[k]!, i); continue; }
        let v = cache[i]!;
        if (Number.isNaN(v)) v = cache[i] = optionSimplicity(current[k]!, i);
        sum += v;
      }
      return sum;
    };
    for (const o of current) o.apply(state);
    const prepare = (s: EvalState): void => { s.counts.fill(-1); derived?.derive(s); };
    // A rule reading only some of the factor's dimensions is looked up in its table (`rule-tables.ts`); the others are evaluated at each point.
    const tablesOf = useTables ? chooseTables(factor, fd, sizes[fi]!, (q, reads) => ruleTable(rules[factor.rules[q]!]!, fd, reads, state, optionAt, prepare)) : factor.rules.map(() => undefined);
    const live = tablesOf.some((t) => !t);
    // Each table's index at the current point, and per dimension the tables it moves (and by how much).
    const at = new Float64Array(tablesOf.length);
    const moves: [number, number][][] = fd.map(() => []);
    tablesOf.forEach((t, q) => { t?.dims.forEach((k, j) => { moves[k]!.push([q, t.strides[j]!]); }); });
    const output = (q: number): unknown => { const t = tablesOf[q]; return t ? tableOutput(t, at[q]!) : rules[factor.rules[q]!]!.output(state); };
    const nr = factor.rules.length;
    const matched = new Array<number>(nr);
    const matchedAt = new Array<number>(nr);
    // `first` and `collect` cells by a number (`code` below), the others by `keyText`; in the order first met.
    const byCode: (Cell | undefined)[] = [];
    const byText = new Map<string, Cell>();
    const cells: Cell[] = [];
    let words: string | undefined;
    const text = (): string => (words ??= current.map((o) => o.words).filter(Boolean).join('; '));
    let weight = 1;
    for (const o of current) weight *= o.weight;
    for (;;) {
      if (live) prepare(state);
      total += weight;
      words = undefined;
      // The rules matched, in priority order (the factor's rules are in that order).
      let n = 0;
      let allInterp = true;
      for (let q = 0; q < nr; q++) {
        const t = tablesOf[q];
        const r = factor.rules[q]!;
        if (t ? t.verdict[at[q]!] === 1 : rules[r]!.when.test(state)) {
          matched[n] = r; matchedAt[n++] = q;
          matchedEver[r] = true;
          if (!rules[r]!.interpretation) allInterp = false;
        }
      }
      const first = n ? matched[0]! : -1;
      if (firstPolicy) for (let m = 0; m < n; m++) { const r = matched[m]!; if (lastFirst[r] !== first) { lastFirst[r] = first; firstsWhereMatched[r]!.add(first); } }
      else {
        for (let m = 0; m < n; m++) {
          const r = matched[m]!;
          if (onScale(inst, output(matchedAt[m]!))) continue;
          const o = offScale[r]!;
          o.weight += weight; o.points++;
          const score = scoreOf();
          const placed = placeOf(o.examples, score);
          if (placed >= 0) keepAt(o.examples, placed, [text(), weight, score]);
        }
      }
      let cell: Cell | undefined;
      if (ranked || unique) {
        const m = matched.slice(0, n);
        const won = ranked ? winningRules(inst, matchedAt.slice(0, n).map(output)) : undefined;
        const deciding = won ? won.winners.map((i) => m[i]!) : m;
        const key: Key = {
          first, off: false,
          allInterp: deciding.every((r) => !!rules[r]!.interpretation),
          win: deciding.length && won ? deciding[0]! : -1,
          rank: won ? won.rank : NaN,
          matched: unique ? m : [],
        };
        const kt = keyText(key, unique, ranked);
        cell = byText.get(kt);
        if (!cell) { cell = newCell(key, fd); byText.set(kt, cell); cells.push(cell); }
      } else {
        // The first rule, whether its output is off the scale (`first` only), whether every rule matched has an interpretation.
        const off = firstPolicy && first >= 0 && !onScale(inst, output(matchedAt[0]!));
        const code = ((first + 1) * 2 + (off ? 1 : 0)) * 2 + (allInterp ? 1 : 0);
        cell = byCode[code];
        if (!cell) { cell = byCode[code] = newCell({ first, off, allInterp, win: -1, rank: NaN, matched: [] }, fd); cells.push(cell); }
      }
      cell.weight += weight;
      cell.points++;
      const score = scoreOf();
      const placed = placeOf(cell.examples, score);
      if (placed >= 0) keepAt(cell.examples, placed, [text(), weight, score]);
      // Every point of a factor is distinct: the options each of its dimensions takes in this cell.
      const marks = cell.marks!;
      for (let k = 0; k < fd.length; k++) marks[k]![choice[k]!] = 1;
      // Next point of the factor (odometer, last dimension fastest).
      let i = fd.length - 1;
      while (i >= 0) {
        const was = choice[i]!;
        const next = ++choice[i]! < fd[i]!.size ? choice[i]! : (choice[i] = 0);
        const mv = moves[i]!;
        for (let j = 0; j < mv.length; j++) at[mv[j]![0]]! += (next - was) * mv[j]![1];
        current[i] = optionAt(i, next);
        if (live) current[i]!.apply(state);
        if (next) break;
        i--;
      }
      if (i < 0) break;
      weight = 1;
      for (let k = 0; k < current.length; k++) weight *= current[k]!.weight;
    }
    for (const cell of cells) table.set(keyText(cell.key, unique, ranked), cell);
    // The options each cell's points took, as a spread over the whole space's dimensions.
    for (const cell of table.values()) {
      const spread = emptySpread(dims.length);
      cell.marks!.forEach((m, k) => {
        const seen = new Set<number>();
        for (let i = 0; i < m.length; i++) if (m[i]) seen.add(i);
        const g = factor.dims[k]!;
        spread.seen[g] = seen;
        spread.words[g] = optionAt(k, seen.values().next().value!).words;
      });
      delete cell.marks;
      cell.spread = spread;
    }
    tables.push(table);
    totals.push({ weight: total, points: sizes[fi]! });
  }

  // The whole space: every factor's keys combined, the counts multiplied.
  const neutral: Key = { first: -1, off: false, allInterp: true, win: -1, rank: NaN, matched: [] };
  let acc = new Map<string, Cell>([[keyText(neutral, unique, ranked), { key: neutral, weight: 1, points: 1, examples: [['', 1, 0]], spread: emptySpread(dims.length) }]]);
  for (const table of tables) {
    const next = new Map<string, Cell>();
    for (const a of acc.values()) for (const b of table.values()) {
      const key = combineKeys(a.key, b.key, inst.policy);
      addTo(next, keyText(key, unique, ranked), key, a.weight * b.weight, a.points * b.points, crossExamples(a, b), crossSpreads(a.spread, b.spread));
    }
    if (next.size > LIMITS.maxAnalysisPoints) return undefined;
    acc = next;
  }

  const exhaustive = dims.every((d) => d.exhaustive);
  const base = { decision: inst.id };
  const found = new Map<string, { finding: Omit<AnalysisFinding, 'examples' | 'more' | 'count'>; cell: Cell }>();
  const note = (id: string, finding: Omit<AnalysisFinding, 'examples' | 'more' | 'count'>, cell: Cell): void => {
    const f = found.get(id);
    if (!f) { found.set(id, { finding, cell: { ...cell, examples: [...cell.examples] } }); return; }
    addTo(new Map([[id, f.cell]]), id, f.cell.key, cell.weight, cell.points, cell.examples, cell.spread);
  };
  for (const cell of acc.values()) {
    const k = cell.key;
    if (k.first < 0) {
      if (inst.fallback) {
        const interp = inst.fallback.interpretation;
        note(`fallback|${interp ?? ''}`, { ...base, kind: 'fallback-only', message: interp ? `covered only by the fallback, under interpretation "${interp}"` : 'covered only by the fallback', ...(interp ? { interpretation: interp } : {}) }, cell);
      } else {
        note('gap', { ...base, kind: 'gap', message: 'no rule and no fallback covers these inputs' }, cell);
      }
      continue;
    }
    if (unique && k.matched.length > 1) {
      const ids = k.matched.map((r) => rules[r]!.id);
      note(`overlap|${ids.join(' + ')}`, { ...base, kind: 'overlap', rule: ids.join(' + '), message: `rules ${ids.map((id) => `"${id}"`).join(' and ')} all match under hit policy unique` }, cell);
    }
    // Under max or min the rule named is the first giving the winning value; a value off the scale decides nothing.
    if (ranked && k.win < 0) continue;
    const r = rules[ranked ? k.win : k.first]!;
    if (firstPolicy && k.off) note(`novalue|${r.id}`, noValueHead(c, inst, r), cell);
    if ((firstPolicy && r.interpretation) || (!firstPolicy && k.allInterp)) {
      note(`interp|${r.id}`, interpretationOnlyHead(c, inst, r), cell);
    }
  }
  if (!firstPolicy) {
    // A rule off the scale somewhere in its factor is off the scale there whatever the other factors hold.
    factors.forEach((f, fi) => {
      const others = totals.filter((_, j) => j !== fi);
      const ow = others.reduce((n, t) => n * t.weight, 1);
      const op = others.reduce((n, t) => n * t.points, 1);
      for (const ri of f.rules) {
        const o = offScale[ri]!;
        if (!o.points) continue;
        const r = rules[ri]!;
        note(`novalue|${r.id}`, noValueHead(c, inst, r),
          { key: neutral, weight: o.weight * ow, points: o.points * op, examples: o.examples.map(([w, n, sc]) => [w, n * ow, sc]) });
      }
    });
  }
  const findings: AnalysisFinding[] = [...found.values()].map(({ finding, cell }) => {
    const examples = cell.examples.slice(0, MAX_EXAMPLES).map(([words, count]) => ({ inputs: wordsText(words) || '(any input)', count: finite(count) }));
    const varies = cell.spread ? whatVaries(dims, { ...cell.spread, points: cell.points }) : undefined;
    return { ...finding, count: finite(cell.weight), examples, more: finite(Math.max(0, cell.points - examples.length)), ...(varies ? { varies } : {}) };
  });

  const scope = { c, inst, qualifier: exhaustive ? '' : ` in the ${points.toLocaleString('en-GB')} points checked (not exhaustive)` };
  // `first`: the first rules the other factors can have, for each factor (a rule is chosen where it
  // is first in its factor and no other factor has an earlier one).
  const reachableFirsts = tables.map((t) => new Set([...t.values()].map((cell) => cell.key.first)));
  const firstsElsewhere = (fi: number): Set<number> => {
    let set = new Set<number>([-1]);
    reachableFirsts.forEach((s, j) => {
      if (j === fi) return;
      const next = new Set<number>();
      for (const a of set) for (const b of s) next.add(a < 0 ? b : b < 0 ? a : Math.min(a, b));
      set = next;
    });
    return set;
  };
  factors.forEach((f, fi) => {
    const elsewhere = firstPolicy && f.rules.some((r) => matchedEver[r]) ? firstsElsewhere(fi) : new Set<number>();
    for (const ri of f.rules) {
      const r = rules[ri]!;
      if (!matchedEver[ri]) {
        findings.push(unreachableFinding(scope, r));
        continue;
      }
      if (!firstPolicy) continue;
      const chosenBy = new Set<number>();
      for (const a of firstsWhereMatched[ri]!) for (const b of elsewhere) chosenBy.add(b < 0 ? a : Math.min(a, b));
      if (chosenBy.has(ri)) continue;
      findings.push(maskedFinding(scope, r, [...chosenBy].sort((a, b) => a - b).map((x) => rules[x]!)));
    }
  });
  return {
    decision: inst.id,
    label: inst.instance.domain ? `${inst.decision.label} (${inst.instance.domain.title})` : inst.decision.label,
    hitPolicy: inst.policy,
    exhaustive,
    points,
    combinations: finite(totals.reduce((n, t) => n * t.weight, 1)),
    dimensions: dims.map((d) => `${d.name} (${d.size})`),
    notes: dims.filter((d) => !d.exhaustive && d.note).map((d) => d.note!),
    findings,
  };
}
