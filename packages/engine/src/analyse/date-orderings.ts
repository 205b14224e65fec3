import type { CompiledPack } from '../compile/compile-pack.js';
import type { EvalState } from '../compile/eval-state.js';
import { addDays, isIsoDate } from '../dates/iso-date.js';
import { FACT_BY_NAME } from '../language/registry.js';
import type { Dimension, DimensionOption } from './input-space.js';

/**
 * Dates split by their orderings: where a decision reads its dates only to put them in order
 * (`before`, `after`, `onOrBefore`, `onOrAfter`, `equal`, `notEqual` between dates or with a
 * date written in the pack, `present`, and `mostRecent`, which orders its sources' dates and
 * asOf), only the order of those dates (with ties, and whether each is recorded) can change what
 * its rules do. Every such ordering is one point, so the dates are analysed exhaustively.
 */

/** Operators that compare two dates by their order alone. */
const ORDER_OPERATORS = new Set(['before', 'after', 'onOrBefore', 'onOrAfter', 'equal', 'notEqual']);

/** Most assignments of dates to grid days tried when listing the orderings; more dates than that are sampled. */
export const MAX_DATE_ASSIGNMENTS = 1_000_000;

/** The dates a decision orders: the facts (input dates, `asOf`, `assessmentDate`) and the dates written in the pack. */
export interface DateReads {
  facts: Set<string>;
  literals: Set<string>;
  /** The pairs compared (`a|b`, facts or written dates): only their order tells points apart. */
  pairs: Set<string>;
}

/** True for a fact holding a date: an input of format date, the assessment date or asOf. */
export function isDateFact(c: CompiledPack, name: string): boolean {
  return name === 'asOf' || name === 'assessmentDate' || c.index.pack.inputs.properties[name]?.format === 'date';
}

/** The fact a plain reference `{ "fact": name }` (no parameters, no path) names. */
function plainRef(v: unknown): string | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.fact !== 'string' || o.path !== undefined || (o.params && Object.keys(o.params).length)) return undefined;
  return o.fact;
}

/** Puts dates in the state: asOf, the assessment date, or an input date (undefined: not recorded). */
function putDates(facts: string[], vals: (string | undefined)[]): (s: EvalState) => void {
  return (s) => {
    facts.forEach((f, i) => {
      const v = vals[i];
      if (f === 'asOf') s.asOf = v!;
      else if (f === 'assessmentDate') s.assessmentDate = v!;
      else { const inputs = s.facts as Record<string, unknown>; if (v === undefined) delete inputs[f]; else inputs[f] = v; }
    });
  };
}

/**
 * The determination date is on or after the assessment date (as the analysis has always taken
 * it: a determination for a date before the visit is not one to check).
 */
function determinedOnOrAfterAssessment(facts: string[], anchor: string): (vals: (string | undefined)[]) => boolean {
  const a = facts.indexOf('asOf');
  const d = facts.indexOf('assessmentDate');
  if (a < 0) return () => true;
  return (vals) => vals[a]! >= (d >= 0 ? vals[d]! : anchor);
}

/** The read keys of dimensions writing these dates (see `ruleReads`: a rule reading a date reads asOf too). */
function dateKeys(facts: string[]): string[] {
  return [...new Set([...facts.map((f) => (f === 'asOf' || f === 'assessmentDate' ? 'asOf' : `v:${f}`)), 'asOf'])];
}

/**
 * The dates the parts of a decision (rule conditions and outputs, fallback, limiters) order,
 * or undefined when a date is read some other way (date arithmetic, an output, a plugin fact
 * that could read any date), where orderings would not be enough.
 */
export function dateReads(c: CompiledPack, parts: unknown[]): DateReads | undefined {
  const out: DateReads = { facts: new Set(), literals: new Set(), pairs: new Set() };
  const pair = (a: string, b: string): void => { out.pairs.add(a < b ? `${a}|${b}` : `${b}|${a}`); };
  const ix = c.index;
  const isDate = (f: string): boolean => isDateFact(c, f);
  const known = (f: string): boolean => FACT_BY_NAME.has(f) || ix.inputFacts.has(f) || ix.instancesById.has(f) || !!ix.pack.inputs.properties[f] || !!ix.pack.decisions[f];
  const walk = (node: unknown): boolean => {
    if (node === null || typeof node !== 'object') return true;
    if (Array.isArray(node)) return node.every(walk);
    const o = node as Record<string, unknown>;
    if (Array.isArray(o.mostRecent)) {
      // mostRecent orders its sources' dates, and skips those after asOf.
      out.facts.add('asOf');
      const dated: string[] = ['asOf'];
      for (const e of o.mostRecent as Record<string, unknown>[]) {
        const f = plainRef(e?.date);
        if (f !== undefined && isDate(f)) { out.facts.add(f); dated.push(f); }
        else if (!walk(e?.date)) return false;
        if (!walk(e?.value)) return false;
      }
      for (const a of dated) for (const b of dated) if (a !== b) pair(a, b);
      return true;
    }
    if (typeof o.fact === 'string') {
      // A plugin fact may read any date as it likes.
      if (!known(o.fact)) return false;
      const lhs = isDate(o.fact) ? plainRef(o) : undefined;
      if (!('operator' in o)) return !isDate(o.fact) && walk(o.params);
      const v = o.value;
      const rhs = plainRef(v);
      if (isDate(o.fact)) {
        if (lhs === undefined) return false;
        if (o.operator === 'present' && typeof v === 'boolean') { out.facts.add(lhs); return true; }
        if (!ORDER_OPERATORS.has(o.operator as string)) return false;
        if (rhs !== undefined && isDate(rhs)) { out.facts.add(lhs); out.facts.add(rhs); pair(lhs, rhs); return true; }
        if (isIsoDate(v)) { out.facts.add(lhs); out.literals.add(v); pair(lhs, v); return true; }
        return false;
      }
      if (rhs !== undefined && isDate(rhs)) return false;
      return walk(o.params) && walk(v);
    }
    return Object.values(o).every(walk);
  };
  return parts.every(walk) ? out : undefined;
}

/**
 * One dimension over every ordering of the dates read (each optional input date also not
 * recorded) among themselves and the dates written in the pack; undefined when there are more
 * than `MAX_DATE_ASSIGNMENTS` to try. The assessment date is fixed at `anchor` when no date is
 * written in the pack (only orders matter, so one assessment date stands for all); else it is
 * ordered like the rest.
 */
export function dateOrderingDimension(c: CompiledPack, reads: DateReads, anchor: string): Dimension | undefined {
  const ix = c.index;
  const literals = [...reads.literals].sort();
  const fixed = literals.length ? literals : [anchor];
  const vary = [...reads.facts].filter((f) => literals.length || f !== 'assessmentDate').sort();
  const k = vary.length;
  if (!k) return undefined;
  // The days a date can take: every fixed date, and k days in each gap between them (fewer where there are fewer).
  const days: string[] = [];
  for (let i = 0; i < k; i++) days.push(addDays(fixed[0]!, i - k));
  fixed.forEach((d, j) => {
    days.push(d);
    const next = fixed[j + 1];
    for (let i = 1; i <= k; i++) { const x = addDays(d, i); if (next !== undefined && x >= next) break; days.push(x); }
  });
  const required = new Set(ix.pack.inputs.required ?? []);
  const choices = vary.map((f) => (f === 'asOf' || f === 'assessmentDate' || required.has(f) ? days : [...days, undefined]));
  const total = choices.reduce((n, ch) => n * ch.length, 1);
  if (total > MAX_DATE_ASSIGNMENTS) return undefined;
  // One representative per ordering: orderings are told apart by which dates are recorded and how each pair compared compares.
  // The assessment date, when fixed, is the anchor.
  const where = (f: string): number => { const i = vary.indexOf(f); return i >= 0 ? i : -1; };
  const pairs = [...reads.pairs].map((p) => p.split('|') as [string, string]).map(([a, b]) => [where(a), where(b), a, b] as const);
  const valueOf = (vals: (string | undefined)[], i: number, name: string): string | undefined => (i >= 0 ? vals[i] : name === 'assessmentDate' ? anchor : name);
  const signature = (vals: (string | undefined)[]): string => {
    let s = vals.map((v) => (v === undefined ? '_' : '+')).join('');
    for (const [i, j, a, b] of pairs) {
      const x = valueOf(vals, i, a);
      const y = valueOf(vals, j, b);
      s += x === undefined || y === undefined ? '.' : x < y ? '<' : x > y ? '>' : '=';
    }
    return s;
  };
  const seen = new Map<string, (string | undefined)[]>();
  const pick = new Array<number>(k).fill(0);
  const possible = determinedOnOrAfterAssessment(vary, anchor);
  for (let n = 0; n < total; n++) {
    const vals = pick.map((p, i) => choices[i]![p]);
    const sig = possible(vals) ? signature(vals) : undefined;
    if (sig !== undefined && !seen.has(sig)) seen.set(sig, vals);
    for (let i = k - 1; i >= 0; i--) { if (++pick[i]! < choices[i]!.length) break; pick[i] = 0; }
  }
  const title = (f: string): string => (f === 'asOf' ? 'determined on' : f === 'assessmentDate' ? 'assessed on' : typeof ix.pack.inputs.properties[f]?.title === 'string' ? ix.pack.inputs.properties[f]!.title as string : f);
  const options: DimensionOption[] = [...seen.values()].map((vals) => ({
    apply: putDates(vary, vals),
    words: vary.map((f, i) => (f === 'asOf' && vals[i] === anchor ? '' : `${title(f)} ${vals[i] ?? 'not recorded'}`)).filter(Boolean).join('; '),
    weight: 1,
  }));
  return {
    name: `orderings of ${vary.join(', ')}${literals.length ? ` against ${literals.join(', ')}` : ''}`,
    exhaustive: true,
    dates: true,
    reads: dateKeys(vary),
    size: options.length,
    option: (i) => options[i]!,
  };
}

/**
 * A dimension over a fine grid of days for every date read (a check on the orderings: the
 * analysis over it must find what the orderings find).
 */
export function dateGridDimension(c: CompiledPack, reads: DateReads, grid: string[]): Dimension {
  const vary = [...reads.facts].sort();
  const required = new Set(c.index.pack.inputs.required ?? []);
  const choices = vary.map((f) => (f === 'asOf' || f === 'assessmentDate' || required.has(f) ? grid : [...grid, undefined]));
  const total = choices.reduce((n, ch) => n * ch.length, 1);
  const possible = determinedOnOrAfterAssessment(vary, grid[Math.floor(grid.length / 2)]!);
  const all: (string | undefined)[][] = [];
  for (let index = 0; index < total; index++) {
    const vals: (string | undefined)[] = [];
    let r = index;
    for (let i = vary.length - 1; i >= 0; i--) { vals[i] = choices[i]![r % choices[i]!.length]; r = Math.floor(r / choices[i]!.length); }
    if (possible(vals)) all.push(vals);
  }
  return {
    name: `grid of ${vary.join(', ')}`, exhaustive: false, dates: true, note: 'dates on a grid of days',
    reads: dateKeys(vary),
    size: all.length,
    option: (index) => ({ apply: putDates(vary, all[index]!), words: vary.map((f, i) => `${f} ${all[index]![i] ?? 'not recorded'}`).join('; '), weight: 1 }),
  };
}
