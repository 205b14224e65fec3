import type { Determination, Expression } from '../types.js';
import type { DecisionResult, ExplanationEntry, LimitResult, RuleResult } from './explanation.js';
import type { ExplainedPack } from './explain-determination.js';
import { compileExpression } from '../compile/compile-expression.js';
import { isOrdered, type DecisionInstance, type IndexedCriterion } from '../compile/pack-index.js';
import type { CompileScope } from '../compile/compile-fact.js';
import type { EvalState, Getter } from '../compile/eval-state.js';
import { unsetList } from '../compile/eval-state.js';
import { resolveParam } from '../compile/resolve-param.js';
import { resolveParams } from '../compile/condition-words.js';
import { domainInstanceId } from '../compile/domain-reference.js';
import { citationText } from '../compile/citation-text.js';
import { resolveBands } from '../language/expressions/band.js';
import { selectCriteria } from '../language/facts/criteria-count.js';
import { ownMember } from '../compile/own-member.js';

/** What one criterion gave a points (or weighted) sum: its judgement's points times its weight. */
export interface PointsContribution {
  id: string;
  title: string;
  /** The judgement given (null: not judged, scoring nothing). */
  judgement: string | null;
  weight: number;
  /** Points it gave (weight x the judgement's points). */
  points: number;
  /** Points it would give judged at the top of the scale. */
  possible: number;
}

/** A criterion whose judgement, raised, moves the number towards the next band. */
export interface CriterionRaise {
  id: string;
  title: string;
  judgement: string | null;
  /** The judgement it is raised to: the top of the scale, or for the last one listed the lowest that reaches the band. */
  needed: string;
  /** Points (x weight) raising it gives the sum. */
  gain: number;
  /** The banded number with it and those listed before it raised (absent when it cannot be worked out again). */
  number?: number;
}

/** A limiter of the decision that capped the value the band gave. */
export interface CappedBy {
  limit: string;
  label: string;
  source: string;
  atMost: unknown;
  /** Its condition in words, as it held ("needs at least 1 criteria in Safe judged 1; 1 was"). */
  because: string[];
}

/**
 * Why a decision given by a `band` expression is not the next band up: the number banded, the
 * next band's threshold and how far it is, the points behind the number (per criterion), the
 * criteria whose raising would reach the threshold (most gain first) and any limiter that capped it.
 */
export interface BandedNumber {
  /** The rule whose output is the band. */
  rule: string;
  label: string;
  source: string;
  /** What the number is, in the pack's words ("Percentage", "Score for Safe"). */
  of: string;
  number: number;
  /** True when the number is a percentage (shown with %). */
  percent: boolean;
  /** The band the number fell in. */
  band: unknown;
  /** The next band up; absent at the top band. */
  next?: string;
  /** The next band's lower bound, and whether the bound itself is in it (`atLeast`) or not (`above`). */
  threshold?: number;
  inclusive?: boolean;
  /** The points summed into the number (`criteriaPoints`), when it is made from them. */
  points?: { scored: number; possible: number; contributions: PointsContribution[] };
  /** Criteria to raise, most gain first, enough of them to reach the next band (all there are when that is not enough). */
  raise: CriterionRaise[];
  /** True when raising the criteria listed reaches the next band; false when even all of them would not; absent when it cannot be worked out again. */
  reaches?: boolean;
  /** Limiters that capped the value the band gave. */
  cappedBy: CappedBy[];
}

const CRITERIA_FACTS = new Set(['criteriaPoints', 'weightedCount', 'criteriaCount']);

/** Every fact reference in an expression: `{ fact, params }`. */
function factRefs(e: unknown, out: { fact: string; params?: Record<string, unknown> }[] = []): { fact: string; params?: Record<string, unknown> }[] {
  if (!e || typeof e !== 'object') return out;
  if (Array.isArray(e)) { for (const x of e) factRefs(x, out); return out; }
  const o = e as Record<string, unknown>;
  if (typeof o.fact === 'string') { out.push({ fact: o.fact, ...(o.params ? { params: o.params as Record<string, unknown> } : {}) }); return out; }
  for (const v of Object.values(o)) factRefs(v, out);
  return out;
}

/** True when an expression is a percentage (possibly rounded or clamped). */
function isPercentage(e: unknown): boolean {
  if (!e || typeof e !== 'object' || Array.isArray(e)) return false;
  const o = e as Record<string, unknown>;
  if ('percentage' in o) return true;
  if ('round' in o) return isPercentage(o.round);
  if ('clamp' in o) return isPercentage(o.clamp);
  return false;
}

/** The rule that fired for an instance, from its explanation entry, and its definition in the pack. */
function firedRule(p: ExplainedPack, entries: ExplanationEntry[], inst: DecisionInstance): { id: string; output: Expression } | undefined {
  const entry = entries.find((e): e is DecisionResult => e.kind === 'decision' && e.of === inst.id);
  const fired = entry?.rules.find((r) => r.fired === true);
  const rule = fired ? inst.decision.rules?.find((r) => r.id === fired.rule) : undefined;
  return rule ? { id: rule.id, output: rule.output } : undefined;
}

/** The instance a fact reference reads, seen from a domain (`$domain`), if it is a decision. */
function instanceRead(p: ExplainedPack, ref: { fact: string; params?: Record<string, unknown> }, domainIndex: number): DecisionInstance | undefined {
  const ix = p.index;
  return ix.instancesById.get(domainInstanceId(ix, ref.fact, ref.params, ix.domains[domainIndex]?.id) ?? ref.fact);
}

/**
 * The instances the number is made from, through the rules that fired (each after those it reads), and the
 * points sums among them, each with the domain it is read in.
 */
function chain(p: ExplainedPack, d: Determination, start: Expression, domainIndex: number): { instances: DecisionInstance[]; points: { params: Record<string, unknown>; domainIndex: number }[]; percent: boolean; of?: DecisionInstance } {
  const entries = d.explanation?.entries ?? [];
  const instances: DecisionInstance[] = [];
  const points: { params: Record<string, unknown>; domainIndex: number }[] = [];
  const seen = new Set<string>();
  let percent = isPercentage(start);
  let of: DecisionInstance | undefined;
  const walk = (e: Expression, at: number, top: boolean): void => {
    for (const ref of factRefs(e)) {
      if (ref.fact === 'criteriaPoints') { points.push({ params: ref.params ?? {}, domainIndex: at }); continue; }
      const inst = instanceRead(p, ref, at);
      if (!inst || seen.has(inst.id)) continue;
      seen.add(inst.id);
      const rule = firedRule(p, entries, inst);
      if (!rule) continue;
      if (top && !of && (e as { fact?: unknown }).fact === ref.fact) { of = inst; percent = percent || isPercentage(rule.output); }
      walk(rule.output, inst.domainIndex, false);
      // After those it reads: the order they are worked out in.
      instances.push(inst);
    }
  };
  walk(start, domainIndex, true);
  return { instances, points, percent, ...(of ? { of } : {}) };
}

/**
 * A reader of the banded number for other judgements: the decisions it is made from that read
 * criteria (directly or through one another) are worked out again by the rules that fired for
 * them, everything else is as determined, then the band's number is read. Compiled here from
 * the pack (not the evaluation's compiled pack), as the browser reads explanations too.
 */
function numberFor(p: ExplainedPack, d: Determination, band: Expression, domainIndex: number, made: readonly DecisionInstance[]): (ranks: number[]) => number | undefined {
  const ix = p.index;
  const countSlots = new Map<string, number>();
  const scope = (at: number): CompileScope => ({ index: ix, extensions: {}, domainIndex: at, countSlots });
  const entries = d.explanation?.entries ?? [];
  const fromCriteria = new Set<string>();
  const again: { slot: number; get: Getter }[] = [];
  // `made` lists each instance after those it reads: the order they are worked out in.
  for (const inst of made) {
    const fired = firedRule(p, entries, inst);
    if (!fired) continue;
    const reads = factRefs(fired.output).some((ref) => CRITERIA_FACTS.has(ref.fact) || fromCriteria.has(instanceRead(p, ref, inst.domainIndex)?.id ?? ''));
    if (!reads) continue;
    fromCriteria.add(inst.id);
    again.push({ slot: ix.instances.indexOf(inst), get: compileExpression(fired.output, scope(inst.domainIndex), inst.decision.scale) });
  }
  const banded = compileExpression(band, scope(domainIndex));
  const values = ix.instances.map((i) => ownMember(d.decisions, i.id));
  return (ranks) => {
    const s: EvalState = { facts: {}, assessmentDate: d.assessmentDate, asOf: d.asOf, values: values.slice(), ranks, judgements: {}, counts: unsetList(countSlots.size), interpretations: new Set() };
    try {
      for (const a of again) s.values[a.slot] = a.get(s);
      const n = banded(s);
      return typeof n === 'number' ? n : undefined;
    } catch { return undefined; }
  };
}

/** The words of a number: "62%" or "62". */
export function numberWords(n: number, percent: boolean): string {
  return `${String(n)}${percent ? '%' : ''}`;
}

/**
 * For a decision instance given by a band expression, in a determination made with `explain`
 * (format 3 with the number recorded): how far the number is from the next band up, the points
 * behind it and the criteria whose raising would reach it. Undefined when the value was not
 * given by a band rule; at the top band (`next` undefined), the number and its points only.
 */
export function bandedNextUp(p: ExplainedPack, d: Determination, instance: string, next: string | undefined): BandedNumber | undefined {
  const inst = p.index.instancesById.get(instance);
  const entries = d.explanation?.entries ?? [];
  const entry = entries.find((e): e is DecisionResult => e.kind === 'decision' && e.of === instance);
  const result: RuleResult | undefined = entry?.rules.find((r) => r.fired === true && r.banded !== undefined);
  const rule = result ? inst?.decision.rules?.find((r) => r.id === result.rule) : undefined;
  if (!inst || !result || !rule || result.banded === undefined) return undefined;
  const output = rule.output as { band: Expression; bands: Parameters<typeof resolveBands>[0] };
  const scope: CompileScope = { index: p.index, extensions: {}, domainIndex: inst.domainIndex, countSlots: new Map() };
  const bands = resolveBands(output.bands, (n) => resolveParam(n, scope));
  const up = next === undefined ? undefined : bands?.find((b) => b.value === next);
  const threshold = up?.atLeast ?? up?.above;
  if (next !== undefined && (!up || threshold === undefined)) return undefined;
  const inclusive = up?.atLeast !== undefined;
  const number = result.banded;
  const made = chain(p, d, output.band, inst.domainIndex);
  const ofWords = made.of ? (made.of.domain ? `${made.of.decision.label} for ${made.of.domain.title}` : made.of.decision.label) : inst.domain ? `The number for ${inst.domain.title}` : 'The number';
  const cappedBy: CappedBy[] = entries
    .filter((e): e is LimitResult => e.kind === 'limit' && e.of === instance && e.fired)
    .flatMap((e) => {
      const l = inst.decision.limits?.find((x) => x.id === e.limit);
      if (!l) return [];
      const because: string[] = [];
      p.words(`${instance}|limit|${l.id}`, l.when, inst.domainIndex).lines(e.conditions, 0, because, '');
      return [{ limit: l.id, label: l.label ?? l.id, source: citationText(l.source), atMost: l.atMost, because }];
    });
  const reached = (n: number): boolean => threshold === undefined || (inclusive ? n >= threshold : n > threshold);
  const out: BandedNumber = {
    rule: rule.id, label: rule.label ?? rule.id, source: citationText(rule.source), of: ofWords,
    number, percent: made.percent, band: result.output, ...(next !== undefined ? { next, threshold: threshold!, inclusive } : {}), raise: [], cappedBy,
  };
  const jscaleId = p.index.judgementScale;
  const jscale = jscaleId ? ownMember(p.pack.scales, jscaleId) : undefined;
  const ranks = jscaleId ? p.index.ranks.get(jscaleId) : undefined;
  if (!made.points.length || !isOrdered(jscale) || !jscale.points || !ranks) return out;
  const judgements = d.explanation?.judgements ?? [];
  const rankOf = (c: IndexedCriterion): number => { const j = judgements[c.index]; return j === null || j === undefined ? -1 : ranks.get(j) ?? -1; };
  // Each criterion summed once, with the points each judgement gives it under its sum's filter.
  const members = new Map<number, { c: IndexedCriterion; pointsAt: (rank: number) => number }>();
  for (const ref of made.points) {
    const at: CompileScope = { ...scope, domainIndex: ref.domainIndex };
    const { members: ms, filter } = selectCriteria(resolveParams(ref.params, at) ?? {}, at);
    const pointsAt = (rank: number): number => (rank < 0 || (filter && filter.mask[rank] !== 1) ? 0 : jscale.points![jscale.values[rank]!] ?? 0);
    for (const c of ms) if (!members.has(c.index)) members.set(c.index, { c, pointsAt });
  }
  const contributions: PointsContribution[] = [];
  const candidates: { c: IndexedCriterion; from: number; top: number; gain: number; pointsAt: (rank: number) => number }[] = [];
  for (const { c, pointsAt } of members.values()) {
    const weight = c.criterion.weight ?? 1;
    const from = rankOf(c);
    // The judgement giving the most points of those it may take (the first, on a tie).
    let top = -1;
    for (const v of c.allowed) { const r = ranks.get(v)!; if (top < 0 || pointsAt(r) > pointsAt(top)) top = r; }
    const points = weight * pointsAt(from);
    const possible = top < 0 ? 0 : weight * pointsAt(top);
    contributions.push({ id: c.criterion.id, title: c.criterion.title, judgement: from < 0 ? null : jscale.values[from]!, weight, points, possible });
    if (possible > points) candidates.push({ c, from, top, gain: possible - points, pointsAt });
  }
  out.points = { scored: contributions.reduce((a, x) => a + x.points, 0), possible: contributions.reduce((a, x) => a + x.possible, 0), contributions };
  if (reached(number)) return out;
  // Most gain first; on a tie, in the framework's order.
  candidates.sort((a, b) => b.gain - a.gain || a.c.index - b.c.index);
  const again = numberFor(p, d, output.band, inst.domainIndex, made.instances);
  const base = d.explanation?.judgements?.map((j) => (j === null ? -1 : ranks.get(j) ?? -1));
  if (!base || again(base) !== number) {
    // It cannot be worked out again here (a plugin's fact, an input read on the way): every criterion that could rise, most gain first.
    out.raise = candidates.map((x) => ({ id: x.c.criterion.id, title: x.c.criterion.title, judgement: x.from < 0 ? null : jscale.values[x.from]!, needed: jscale.values[x.top]!, gain: x.gain }));
    return out;
  }
  const trial = base.slice();
  for (const x of candidates) {
    trial[x.c.index] = x.top;
    const n = again(trial);
    const raise: CriterionRaise = { id: x.c.criterion.id, title: x.c.criterion.title, judgement: x.from < 0 ? null : jscale.values[x.from]!, needed: jscale.values[x.top]!, gain: x.gain, ...(n !== undefined ? { number: n } : {}) };
    out.raise.push(raise);
    if (n === undefined || !reached(n)) continue;
    // The last one need only rise as far as reaches the band: the lowest judgement above its own that does.
    const weight = x.c.criterion.weight ?? 1;
    for (const v of [...x.c.allowed].sort((u, w) => ranks.get(u)! - ranks.get(w)!)) {
      const r = ranks.get(v)!;
      if (r === x.top || x.pointsAt(r) <= x.pointsAt(x.from)) continue;
      trial[x.c.index] = r;
      const m = again(trial);
      if (m !== undefined && reached(m) && x.pointsAt(r) < x.pointsAt(x.top)) { Object.assign(raise, { needed: v, gain: weight * (x.pointsAt(r) - x.pointsAt(x.from)), number: m }); break; }
    }
    out.reaches = true;
    return out;
  }
  out.reaches = false;
  return out;
}

/** A number in words, to two decimal places at most: 76.47, 62.5, 63. */
function shown(n: number, percent: boolean): string {
  return numberWords(Math.round(n * 100) / 100, percent);
}

const pointsWords = (n: number): string => `${shown(n, false)} ${n === 1 ? 'point' : 'points'}`;

/**
 * A banded number's way to the next band up in words a provider can follow: "Percentage was
 * 62.5% (15 of 24 points): Good needs 63% or more.", then which criteria to raise, or what capped it.
 */
export function bandedWords(b: BandedNumber): string[] {
  const of = b.points ? ` (${shown(b.points.scored, false)} of ${pointsWords(b.points.possible)})` : '';
  const at = `${b.of} was ${shown(b.number, b.percent)}${of}, in the band ${String(b.band)}`;
  if (b.next === undefined || b.threshold === undefined) return [`${at}, the top band`, ...cappedWords(b)];
  if (b.band === b.next) return [`${at}: enough for ${b.next}`, ...cappedWords(b)];
  const need = b.inclusive ? `${shown(b.threshold, b.percent)} or more` : `more than ${shown(b.threshold, b.percent)}`;
  const out = [`${at}: ${b.next} needs ${need}`];
  const raise = b.raise.map((r) => `'${r.title}' from ${r.judgement ?? 'not judged'} to ${r.needed} (${pointsWords(r.gain)} more${r.number !== undefined ? `, ${shown(r.number, b.percent)}` : ''})`);
  if (b.reaches === true && raise.length) out.push(`it would reach ${b.next} by raising ${listWords(raise)}`);
  else if (b.reaches === false) out.push(`even raising every criterion to the top would not reach ${b.next}${raise.length ? `: raising ${listWords(raise)}` : ''}`);
  else if (raise.length) out.push(`criteria that could rise, most points first: ${listWords(raise)}`);
  return [...out, ...cappedWords(b)];
}

function cappedWords(b: BandedNumber): string[] {
  return b.cappedBy.map((c) => `'${c.label}' capped it: it cannot be above ${String(c.atMost)}${c.because.length ? ` (${c.because.join('; ')})` : ''}`);
}

function listWords(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}
