/**
 * Boundary coverage: for every number a pack compares a fact with (a rule's or a decision-table
 * row's threshold, a limiter's, an action's, a schedule entry's or a warning's, a count such as
 * "2 or more", a band's), every value of an ordered word scale it compares a fact with ("at least
 * Good", "worse than Silver"), and every date it compares a date with ("more than 3 months after
 * the notice", "on or after the last published deadline"), its sides, and which of the pack's
 * cases sit on each side's edge. A quality officer must be able
 * to defend a rating on either side of each threshold, so a side no case tests is a hole, unless
 * the pack says why it is left (a count of 80 of 79 criteria cannot occur).
 * See docs/pack-format.md#boundary-coverage.
 */
import type { Condition, Determination, Expression, Extensions, LeafCondition, Pack, PackCase } from '../types.js';
import type { LeafResult } from '../explain/explanation.js';
import { compilePack } from '../compile/compile-pack.js';
import { compileFact, type CompiledFact, type CompileScope } from '../compile/compile-fact.js';
import { compileLeftSide } from '../compile/compile-left-side.js';
import { resolveParams } from '../compile/condition-words.js';
import { resolveParam } from '../compile/resolve-param.js';
import { indexPack, isOrdered, type PackIndex } from '../compile/pack-index.js';
import { expandDecisionTables, tablePointer } from '../language/decision-table.js';
import { escapePointer } from '../schema/parse-json.js';
import { evaluate } from '../evaluate/evaluate.js';
import { caseAssessment, checkExpectation } from './run-cases.js';
import { thresholdWords } from './format-boundaries.js';
import { valueExpressionWords, showValue } from '../compile/condition-words.js';
import { isValueExpression } from '../language/registry.js';
import { operatorWords } from '../language/wording.js';
import { dayNumber, isIsoDate } from '../dates/iso-date.js';

/**
 * A side of a threshold: `below` / `at-or-above` for "at least n" and "fewer than n",
 * `at-or-below` / `above` for "more than n" and "at most n", and `below` / `at` / `above` for
 * "exactly n" (and "not n").
 */
export type BoundarySide = 'below' | 'at-or-above' | 'at-or-below' | 'above' | 'at';

/**
 * What a threshold compares: a number, a value of an ordered word scale (a CQC rating, a band, a
 * judgement), or a date (a day compared with another day, or with a day some time from it).
 */
export type ThresholdKind = 'number' | 'scale' | 'date';

/** One side of a threshold, the value a case must have to sit on its edge, and the cases that do. */
export interface BoundarySideCoverage {
  side: BoundarySide;
  /**
   * The value on the side's edge. A number: the threshold itself on its inclusive side, the next
   * whole number for a count or a whole-number input; absent for an exclusive side of a fact that
   * need not be whole, where any value on that side covers it. A scale: the threshold's value on
   * its inclusive side, the next value on the scale on the other ("below Good": Requires
   * improvement). A date: the days from the date compared with, 0 for the day itself on the
   * inclusive side, -1 (the day before) or 1 (the day after) on the other.
   */
  edge?: number | string;
  /** The ids of the passing cases whose value sits on the edge (on the side, when there is no edge). */
  coveredBy: string[];
  /** Why the pack leaves this side without a case, when it says so. */
  leftUncovered?: string;
}

/** One threshold of a decision (or an action, a schedule entry, a warning): where, in words, its sides. */
export interface BoundaryThreshold {
  /** The decision id, or `actions`, `schedule`, `warnings` for an outcome's condition. */
  decision: string;
  /** The rule (or table row, limiter, action, schedule entry, warning) the threshold is in. */
  rule: string;
  /** The leaf condition's JSON pointer in the pack as written (a table row's cell for a decision table). */
  pointer: string;
  /** What is compared: a number, a scale's value or a date (see {@link ThresholdKind}). */
  kind: ThresholdKind;
  /**
   * What the fact is compared with: the number or the scale's value (a parameter's value as the
   * pack sets it), or for a date the date compared with in words ("3 months after Advisory
   * notice issued on", a parameter's date).
   */
  threshold: number | string;
  /** The comparison in the council's words ("at least 9 criteria judged Fully met"). */
  words: string;
  /** The decision instance comparing with this number: for a per-domain decision, one domain's (each domain's thresholds are its own). */
  instances: string[];
  sides: BoundarySideCoverage[];
}

/** A side the pack leaves without a case, and why: `threshold` picks one value where a parameter differs by domain. */
export interface LeftUncoveredSide {
  pointer: string;
  side: BoundarySide;
  threshold?: number | string;
  reason: string;
}

/** The boundary coverage of a pack by its cases. */
export interface BoundaryCoverageReport {
  pack: { id: string; version: string };
  thresholds: BoundaryThreshold[];
  /** Cases not counted: they failed their expectation, or expect an error. */
  notCounted: { id: string; why: string }[];
  /** `leftUncovered` entries naming no side of the pack, or a side a case covers after all. */
  staleLeftUncovered: { entry: LeftUncoveredSide; why: string }[];
  summary: { thresholds: number; sides: number; covered: number; leftUncovered: number; uncovered: number };
}

/** Options of {@link boundaryCoverage}. */
export interface BoundaryCoverageOptions {
  /** The council plugin's operators and facts. */
  extensions?: Extensions;
  /** Sides deliberately left without a case, each with its reason. */
  leftUncovered?: readonly LeftUncoveredSide[];
}

/** The number operators whose threshold has sides, and the sides each has. */
const SIDES: Readonly<Record<string, readonly BoundarySide[]>> = {
  greaterThanInclusive: ['below', 'at-or-above'],
  lessThan: ['below', 'at-or-above'],
  greaterThan: ['at-or-below', 'above'],
  lessThanInclusive: ['at-or-below', 'above'],
  equal: ['below', 'at', 'above'],
  notEqual: ['below', 'at', 'above'],
};

/** The scale operators whose threshold (a value of an ordered scale) has sides, as the number operators they stand for. */
const SCALE_AS_NUMBER: Readonly<Record<string, string>> = { atLeast: 'greaterThanInclusive', below: 'lessThan', above: 'greaterThan', atMost: 'lessThanInclusive' };

/** The date operators, as the number operators they stand for (a day is a whole number of days). */
const DATE_AS_NUMBER: Readonly<Record<string, string>> = { onOrAfter: 'greaterThanInclusive', before: 'lessThan', after: 'greaterThan', onOrBefore: 'lessThanInclusive' };

/** Whether a value sits on a side's edge (or, with no edge, on the side). */
export function onSide(v: number, t: number, side: BoundarySide, edge: number | undefined): boolean {
  if (edge !== undefined) return v === edge;
  return side === 'below' ? v < t : side === 'above' ? v > t : v === t;
}

function sideEdge(side: BoundarySide, t: number, whole: boolean): number | undefined {
  if (side === 'at' || side === 'at-or-above' || side === 'at-or-below') return t;
  if (!whole) return undefined;
  return side === 'below' ? t - 1 : t + 1;
}

/**
 * A threshold's place in a rule (or outcome, score): its key, and where a case's value is read:
 * the leaf's place among the rule's leaves, or for a band the fact it bands.
 */
type FoundLeaf = { key: string; leafIndex: number } | { key: string; bands: string };

/** A date threshold's date when the pack gives it (a literal or a parameter): the explanation records only a computed one. */
type FixedDates = Map<string, string>;

/** The comparison each bound of a band stands for: `atLeast: 50` is "at least 50", and so on. */
const BAND_BOUNDS = { atLeast: 'greaterThanInclusive', above: 'greaterThan', atMost: 'lessThanInclusive', below: 'lessThan' } as const;

/** Every band expression in a pack value (a rule's output, a score's value), with its pointer. */
function bandsIn(v: unknown, pointer: string, out: { e: { band: unknown; bands: Record<string, unknown>[] }; pointer: string }[] = []): typeof out {
  if (!v || typeof v !== 'object') return out;
  if (Array.isArray(v)) { v.forEach((x, i) => bandsIn(x, `${pointer}/${i}`, out)); return out; }
  const o = v as Record<string, unknown>;
  if ('band' in o && Array.isArray(o.bands)) out.push({ e: o as { band: unknown; bands: Record<string, unknown>[] }, pointer });
  for (const [k, x] of Object.entries(o)) bandsIn(x, `${pointer}/${escapePointer(k)}`, out);
  return out;
}

function leavesOf(c: Condition, pointer: string, out: { leaf: LeafCondition; pointer: string }[]): void {
  if ('all' in c) c.all.forEach((x, i) => leavesOf(x, `${pointer}/all/${i}`, out));
  else if ('any' in c) c.any.forEach((x, i) => leavesOf(x, `${pointer}/any/${i}`, out));
  else if ('not' in c) leavesOf(c.not, `${pointer}/not`, out);
  else out.push({ leaf: c as LeafCondition, pointer });
}

/** What a fact's values can be: whole numbers or not, and the least and most it can be (a count is never negative; an input, as its schema says; a decision, as its numeric scale says). */
interface FactRange { whole: boolean; min?: number; max?: number }

function factRange(leaf: LeafCondition, fact: CompiledFact | undefined, pack: Pack, numeric?: { min: number; max: number; integer?: boolean }): FactRange {
  if (leaf.path !== undefined || leaf.fact === undefined) return { whole: false }; // a path's value, an expression's: no range known
  if (numeric) return { whole: numeric.integer === true, min: numeric.min, max: numeric.max };
  const input = (pack.inputs as { properties?: Record<string, { type?: unknown; minimum?: unknown; maximum?: unknown }> } | undefined)?.properties?.[leaf.fact];
  if (input) {
    return {
      whole: input.type === 'integer',
      ...(typeof input.minimum === 'number' ? { min: input.minimum } : {}),
      ...(typeof input.maximum === 'number' ? { max: input.maximum } : {}),
    };
  }
  return fact?.count === true ? { whole: true, min: 0 } : { whole: false };
}

/** Whether some value in the range lies on a side (at its edge, when it has one). */
function possible(side: BoundarySide, t: number, edge: number | undefined, r: FactRange): boolean {
  if (edge !== undefined) return (r.min === undefined || edge >= r.min) && (r.max === undefined || edge <= r.max);
  if (side === 'below') return r.min === undefined || r.min < t;
  return r.max === undefined || r.max > t;
}

/** A threshold's sides in a fact's range, each with its edge. */
function sidesOf(sides: readonly BoundarySide[], t: number, range: FactRange): BoundarySideCoverage[] {
  return sides.flatMap((side): BoundarySideCoverage[] => {
    const edge = sideEdge(side, t, range.whole);
    if (!possible(side, t, edge, range)) return [];
    return [edge === undefined ? { side, coveredBy: [] } : { side, edge, coveredBy: [] }];
  });
}

interface Collected {
  thresholds: Map<string, BoundaryThreshold>;
  fixedDates: FixedDates;
  /** `instance|rule` (or `action|id`, ...) -> its numeric leaves. */
  byRule: Map<string, FoundLeaf[]>;
}

function collect(source: Pack, extensions: Extensions): Collected {
  const { pack, origins } = expandDecisionTables(source);
  const index: PackIndex = indexPack(pack);
  const thresholds: Collected['thresholds'] = new Map();
  const fixedDates: FixedDates = new Map();
  const byRule = new Map<string, FoundLeaf[]>();
  const found = (ruleKey: string, key: string, instance: string, leafIndex: number): void => {
    const th = thresholds.get(key)!;
    if (!th.instances.includes(instance)) th.instances.push(instance);
    const list = byRule.get(ruleKey) ?? byRule.set(ruleKey, []).get(ruleKey)!;
    list.push({ key, leafIndex });
  };
  const factOf = (leaf: LeafCondition, scope: CompileScope): CompiledFact | undefined => {
    try { return compileLeftSide(leaf, scope); } catch { return undefined; }
  };
  // "At least Good": the value at the threshold and the next one on the other side, as the fact's scale orders them.
  const visitScale = (leaf: LeafCondition, t: string, written: string, scope: CompileScope, key: string, decision: string, rule: string): boolean => {
    const fact = factOf(leaf, scope);
    const scale = fact?.scale !== undefined ? index.scales.get(fact.scale) : undefined;
    if (!fact || !isOrdered(scale)) return false;
    const values = scale.values;
    const at = values.indexOf(t);
    if (at < 0) return false;
    const sides = SIDES[SCALE_AS_NUMBER[leaf.operator]!]!.flatMap((side): BoundarySideCoverage[] => {
      const edge = side === 'below' ? values[at - 1] : side === 'above' ? values[at + 1] : t;
      // "At least" the lowest value has no side below it.
      return edge === undefined ? [] : [{ side, edge, coveredBy: [] }];
    });
    thresholds.set(key, { decision, rule, pointer: written, kind: 'scale', threshold: t, words: `${fact.label} ${operatorWords(leaf.operator)} ${t}`, instances: [], sides });
    return true;
  };
  // "After 3 months from the notice": the day on the edge and the day beyond, whatever the dates.
  const visitDate = (leaf: LeafCondition, t: unknown, written: string, scope: CompileScope, decision: string, rule: string, own: string): string | undefined => {
    const raw = leaf.value as unknown;
    let compared: string;
    let fixed: string | undefined;
    if (typeof t === 'string') {
      if (!isIsoDate(t)) return undefined;
      compared = t; fixed = t;
    } else if (raw && typeof raw === 'object' && !Array.isArray(raw) && typeof (raw as { fact?: unknown }).fact === 'string') {
      const other = factOf(raw as LeafCondition, scope);
      if (!other) return undefined;
      compared = other.label;
    } else if (isValueExpression(raw)) {
      try { compared = valueExpressionWords(raw as Expression, scope); } catch { return undefined; }
    } else return undefined;
    const key = `${written}|${compared}|${own}`;
    if (!thresholds.has(key)) {
      const label = factOf(leaf, scope)?.label ?? leaf.fact;
      const sides = SIDES[DATE_AS_NUMBER[leaf.operator]!]!.map((side): BoundarySideCoverage => ({ side, edge: side === 'below' ? -1 : side === 'above' ? 1 : 0, coveredBy: [] }));
      thresholds.set(key, {
        decision, rule, pointer: written, kind: 'date', threshold: compared,
        words: `${label} ${operatorWords(leaf.operator)} ${showValue(compared)}${leaf.label !== undefined ? ` (${leaf.label})` : ''}`, instances: [], sides,
      });
      if (fixed !== undefined) fixedDates.set(key, fixed);
    }
    return key;
  };
  const visit = (decision: string, rule: string, ruleKey: string, instance: string, when: Condition, at: string, domainIndex: number): void => {
    const scope: CompileScope = { index, extensions, domainIndex, countSlots: new Map() };
    const leaves: { leaf: LeafCondition; pointer: string }[] = [];
    leavesOf(when, at, leaves);
    leaves.forEach(({ leaf, pointer }, leafIndex) => {
      const raw = leaf.value;
      const t = raw && typeof raw === 'object' && !Array.isArray(raw) && typeof (raw as { param?: unknown }).param === 'string'
        ? resolveParam((raw as { param: string }).param, scope) : raw;
      const written = tablePointer(pointer, origins);
      // Each domain's thresholds are its own: its parameters, its criteria.
      const own = domainIndex >= 0 ? instance : '';
      if (DATE_AS_NUMBER[leaf.operator] !== undefined) {
        const key = visitDate(leaf, t, written, scope, decision, rule, own);
        if (key !== undefined) found(ruleKey, key, instance, leafIndex);
        return;
      }
      if (SCALE_AS_NUMBER[leaf.operator] !== undefined && typeof t === 'string') {
        const key = `${written}|${t}|${own}`;
        if (thresholds.has(key) || visitScale(leaf, t, written, scope, key, decision, rule)) found(ruleKey, key, instance, leafIndex);
        return;
      }
      const sides = SIDES[leaf.operator];
      if (!sides) return;
      if (typeof t !== 'number' || !Number.isFinite(t)) return;
      const key = `${written}|${t}|${own}`;
      let th = thresholds.get(key);
      if (!th) {
        let fact: CompiledFact | undefined;
        try { fact = compileLeftSide(leaf, scope); } catch { /* named by its id */ }
        // A fact on a scale of words (a rating) compared with a number is no numeric threshold.
        const scale = fact?.scale !== undefined ? index.scales.get(fact.scale) : undefined;
        if (isOrdered(scale)) return;
        const range = factRange(leaf, fact, pack, scale && 'numeric' in scale ? scale.numeric : undefined);
        const count = fact?.count === true;
        th = {
          decision, rule, pointer: written, kind: 'number', threshold: t, words: thresholdWords(leaf.operator, t, fact?.label ?? leaf.fact ?? 'the expression', count), instances: [],
          // A value the fact cannot take (a count below 0, an input outside its schema's bounds) is not a side.
          sides: sidesOf(sides, t, range),
        };
        thresholds.set(key, th);
      }
      found(ruleKey, key, instance, leafIndex);
    });
  };
  /**
   * Where a case's value of a banded fact is read: an input's name, a whole decision's id, or one
   * domain's instance of a per-domain decision (`{ "fact": "domainScore", "params": { "domain": "$domain" } }`
   * inside a per-domain decision is its own domain's, `domainScore.safe`); undefined for a fact
   * whose value neither the assessment nor the determination holds.
   */
  const bandRead = (name: string, params: unknown, domainIndex: number): string | undefined => {
    if (params === undefined) {
      if (index.inputFacts.has(name)) return name;
      if (Object.hasOwn(pack.decisions, name) && pack.decisions[name]!.forEach === undefined) return name;
      return index.instancesById.has(name) ? name : undefined;
    }
    if (!params || typeof params !== 'object' || Array.isArray(params)) return undefined;
    const { domain, ...rest } = params as Record<string, unknown>;
    if (Object.keys(rest).length || typeof domain !== 'string') return undefined;
    const domainId = domain === '$domain' ? index.domains[domainIndex]?.id : domain;
    const id = `${name}.${domainId}`;
    return domainId !== undefined && Object.hasOwn(pack.decisions, name) && index.instancesById.has(id) ? id : undefined;
  };
  // A band over an input, a whole decision or one domain's value of a per-domain decision: its value is the assessment's or the determination's.
  const visitBands = (decision: string, rule: string, siteKey: string, instance: string, value: unknown, at: string, domainIndex: number): void => {
    const scope: CompileScope = { index, extensions, domainIndex, countSlots: new Map() };
    for (const { e, pointer } of bandsIn(value, at)) {
      const x = e.band as { fact?: unknown; params?: unknown; path?: unknown } | null;
      if (!x || typeof x !== 'object' || typeof x.fact !== 'string' || x.path !== undefined) continue;
      const name = x.fact;
      const readAs = bandRead(name, x.params, domainIndex);
      if (readAs === undefined) continue;
      let fact: CompiledFact | undefined;
      try { fact = compileFact(name, resolveParams(x.params as Record<string, unknown> | undefined, scope), undefined, scope); } catch { continue; }
      const scale = fact.scale !== undefined ? index.scales.get(fact.scale) : undefined;
      const range = factRange({ fact: name, operator: 'equal', value: null }, fact, pack, scale && 'numeric' in scale ? scale.numeric : undefined);
      const written = tablePointer(pointer, origins);
      e.bands.forEach((b, bi) => {
        for (const [k, operator] of Object.entries(BAND_BOUNDS)) {
          const raw = b[k];
          const t = raw && typeof raw === 'object' && typeof (raw as { param?: unknown }).param === 'string' ? resolveParam((raw as { param: string }).param, scope) : raw;
          if (typeof t !== 'number' || !Number.isFinite(t)) continue;
          // Bands meet: one band's "below 50" is the next one's "at least 50", one threshold; each domain's value its own.
          const key = `${written}/bands|${t}|${domainIndex >= 0 ? instance : ''}|${readAs}`;
          let th = thresholds.get(key);
          if (!th) {
            th = { decision, rule, pointer: `${written}/bands/${bi}/${k}`, kind: 'number', threshold: t, words: `${thresholdWords(operator, t, fact.label, false)} (the band ${String(b.value)})`, instances: [], sides: sidesOf(SIDES[operator]!, t, range) };
            thresholds.set(key, th);
          }
          if (!th.instances.includes(instance)) th.instances.push(instance);
          const list = byRule.get(siteKey) ?? byRule.set(siteKey, []).get(siteKey)!;
          if (!list.some((f) => f.key === key)) list.push({ key, bands: readAs });
        }
      });
    }
  };
  for (const inst of index.instances) {
    const at = `/decisions/${escapePointer(inst.decisionId)}`;
    (inst.decision.rules ?? []).forEach((r, ri) => {
      visit(inst.decisionId, r.id, `${inst.id}|${r.id}`, inst.id, r.when, `${at}/rules/${ri}/when`, inst.domainIndex);
      visitBands(inst.decisionId, r.id, `${inst.id}|${r.id}`, inst.id, r.output, `${at}/rules/${ri}/output`, inst.domainIndex);
    });
    if (inst.decision.fallback) visitBands(inst.decisionId, 'fallback', `${inst.id}|fallback`, inst.id, inst.decision.fallback.output, `${at}/fallback/output`, inst.domainIndex);
    (inst.decision.limits ?? []).forEach((l, li) => {
      visit(inst.decisionId, l.id, `${inst.id}|limit|${l.id}`, inst.id, l.when, `/decisions/${escapePointer(inst.decisionId)}/limits/${li}/when`, inst.domainIndex);
    });
  }
  const outcomes = [['actions', 'action', pack.outcomes.actions], ['schedule', 'schedule', pack.outcomes.schedule], ['warnings', 'warning', pack.outcomes.warnings]] as const;
  for (const [group, kind, list] of outcomes) {
    (list ?? []).forEach((o, i) => { if (o.when) visit(group, o.id, `${kind}|${o.id}`, group, o.when, `/outcomes/${group}/${i}/when`, -1); });
  }
  (pack.outcomes.scores ?? []).forEach((o, i) => visitBands('scores', o.id, `score|${o.id}`, 'scores', o.value, `/outcomes/scores/${i}/value`, -1));
  return { thresholds, fixedDates, byRule };
}

/** Whether a case's leaf result sits on a side's edge of its threshold. */
function sits(c: Collected, key: string, th: BoundaryThreshold, s: BoundarySideCoverage, v: unknown, wanted: unknown): boolean {
  if (th.kind === 'scale') return v === s.edge;
  if (th.kind === 'date') {
    // The day compared with: as evaluated (recorded when computed), else the pack's own.
    const to = wanted !== undefined ? wanted : c.fixedDates.get(key);
    return typeof v === 'string' && typeof to === 'string' && dayNumber(v.slice(0, 10)) - dayNumber(to.slice(0, 10)) === s.edge;
  }
  return typeof v === 'number' && typeof th.threshold === 'number' && onSide(v, th.threshold, s.side, s.edge as number | undefined);
}

function record(c: Collected, ruleKey: string, leaves: readonly LeafResult[], caseId: string, read: (fact: string) => unknown): void {
  for (const f of c.byRule.get(ruleKey) ?? []) {
    const leaf = 'bands' in f ? undefined : leaves[f.leafIndex];
    const v = 'bands' in f ? read(f.bands) : leaf?.value;
    const th = c.thresholds.get(f.key)!;
    for (const s of th.sides) if (sits(c, f.key, th, s, v, leaf?.wanted) && !s.coveredBy.includes(caseId)) s.coveredBy.push(caseId);
  }
}

const sameSide = (e: LeftUncoveredSide, th: BoundaryThreshold, s: BoundarySideCoverage): boolean =>
  e.pointer === th.pointer && e.side === s.side && (e.threshold === undefined || e.threshold === th.threshold);

/**
 * Every threshold of a pack (a number, a value of an ordered scale, a date) with its sides, and
 * which passing cases sit on each side's edge, read from the cases' explanations (each
 * condition's value as evaluated, and the date it was compared with): "at least 9" is tested
 * below by a case with 8 and at or above by one with 9; "at least Good" below by a case rated
 * Requires improvement and at or above by one rated Good; "after 3 months from the notice" on or
 * before by a case on the day 3 months after it and after by one the day after that. A side the pack leaves without
 * a case carries the reason given in `leftUncovered`; entries naming no side, or a side a case
 * covers, are reported as stale.
 * @example
 * const r = boundaryCoverage(plugin.pack, plugin.pack.cases ?? [], { leftUncovered });
 * r.summary.uncovered // 0 when every side is tested or left for a stated reason
 */
export function boundaryCoverage(pack: Pack, cases: readonly PackCase[], opts: BoundaryCoverageOptions = {}): BoundaryCoverageReport {
  const extensions = opts.extensions ?? {};
  const compiled = compilePack(pack, { extensions });
  const c = collect(pack, extensions);
  const notCounted: BoundaryCoverageReport['notCounted'] = [];
  for (const k of cases) {
    if (k.wantError !== undefined) { notCounted.push({ id: k.id, why: 'it expects the assessment to be refused' }); continue; }
    const assessment = caseAssessment(compiled.pack, k);
    let d: Determination;
    try {
      d = evaluate(compiled, assessment, { explain: true, ...(k.asOf ? { asOf: k.asOf } : {}) });
    } catch (e) { notCounted.push({ id: k.id, why: `evaluation failed: ${(e as Error).message}` }); continue; }
    const failures = checkExpectation(d, k.want ?? {});
    if (failures.length) { notCounted.push({ id: k.id, why: `it fails: ${failures.join('; ')}` }); continue; }
    const facts = assessment.facts ?? {};
    const decisions = d.decisions;
    // A band's number: an input's as the case gives it, a decision's as the determination does.
    const read = (fact: string): unknown => (Object.hasOwn(facts, fact) ? facts[fact] : decisions[fact]);
    for (const e of d.explanation?.entries ?? []) {
      if (e.kind === 'decision') {
        for (const r of e.rules) record(c, `${e.of}|${r.rule}`, r.conditions, k.id, read);
        if (e.fallback) record(c, `${e.of}|fallback`, [], k.id, read);
      } else if (e.kind === 'limit') record(c, `${e.of}|limit|${e.limit}`, e.conditions, k.id, read);
      else if (e.kind === 'action' || e.kind === 'schedule' || e.kind === 'warning') record(c, `${e.kind}|${e.of}`, e.conditions, k.id, read);
    }
    for (const [id, v] of Object.entries(d.scores)) if (v !== null) record(c, `score|${id}`, [], k.id, read);
  }
  const thresholds: BoundaryThreshold[] = [...c.thresholds.values()];
  const left = opts.leftUncovered ?? [];
  const staleLeftUncovered: BoundaryCoverageReport['staleLeftUncovered'] = [];
  for (const entry of left) {
    const matches = thresholds.flatMap((th) => th.sides.filter((s) => sameSide(entry, th, s)));
    if (!matches.length) { staleLeftUncovered.push({ entry, why: 'no threshold of the pack has this side' }); continue; }
    if (!entry.reason.trim()) staleLeftUncovered.push({ entry, why: 'it gives no reason' });
    const covered = matches.filter((s) => s.coveredBy.length);
    if (covered.length) staleLeftUncovered.push({ entry, why: `a case covers it: ${covered.flatMap((s) => s.coveredBy).join(', ')}` });
    for (const s of matches) if (!s.coveredBy.length) s.leftUncovered = entry.reason;
  }
  const sides = thresholds.flatMap((th) => th.sides);
  const covered = sides.filter((s) => s.coveredBy.length).length;
  const leftCount = sides.filter((s) => !s.coveredBy.length && s.leftUncovered !== undefined).length;
  return {
    pack: { id: pack.metadata.id, version: pack.metadata.version },
    thresholds, notCounted, staleLeftUncovered,
    summary: { thresholds: thresholds.length, sides: sides.length, covered, leftUncovered: leftCount, uncovered: sides.length - covered - leftCount },
  };
}
