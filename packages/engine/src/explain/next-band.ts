import type { Condition, Decision, Determination, DeterminationDecidedBy, LeafCondition, Pack, Rule } from '../types.js';
import type { LeftExpression } from '../schema/shapes/condition.js';
import type { DecisionResult, LeafResult } from './explanation.js';
import { explainedPack } from './explain-determination.js';
import { isOrdered } from '../compile/pack-index.js';
import { bandUp, takesWorseBand, worseBand } from './band-up.js';
import { resolveParams } from '../compile/condition-words.js';
import { resolveParam } from '../compile/resolve-param.js';
import { selectCriteria } from '../language/facts/criteria-count.js';
import { citationText } from '../compile/citation-text.js';
import type { CompileScope } from '../compile/compile-fact.js';
import { bandedNextUp, type BandedNumber } from './banded-next.js';
import { ownMember } from '../compile/own-member.js';

/** A criterion whose judgement would have had to be higher. */
export interface CriterionToRaise {
  id: string;
  title: string;
  /** The judgement given (null: not judged). */
  judgement: string | null;
  /** The lowest judgement it may take that would have counted the other way. */
  needed: string;
}

/** A condition of the next band's rule that failed; of a rule that fired for a worse band, one that held (no criteria listed). */
export interface FailedCondition {
  /** The fact compared; absent when the condition compares an `expression` (issue 10). */
  fact?: string;
  /** The expression compared, when the condition compares one instead of a fact. */
  expression?: LeftExpression;
  params?: Record<string, unknown>;
  operator: string;
  /** The fact's value (for a count, how many were counted). */
  value: unknown;
  /** The value it was compared with, resolved (a domain parameter's value, a computed date). */
  wanted: unknown;
  /** The condition in words, as the explanation shows it. */
  words: string;
  /**
   * For a count of criteria: the criteria whose judgements would have had to be higher, and how
   * many of them (`needs`): all of them when too many were counted, some when too few were.
   */
  criteria?: CriterionToRaise[];
  needs?: number;
}

/**
 * A rule giving the next band up, and what it lacked; or, under a hit policy that takes the worse
 * band of those matched (`max` on a scale whose better end is `first`, as Bolton's PQR), a rule
 * that fired for a worse band (`fired`), and the conditions of it that held (in `failed`): for the
 * band up, it must not fire.
 */
export interface NextBandRule {
  rule: string;
  label: string;
  source: string;
  failed: FailedCondition[];
  fired?: true;
}

/** The rule that gave a decision its value: the rule that fired, the fallback, or a person's decision. */
export interface GivenBy {
  /** The rule's id, `fallback`, `decided-by` (a person's recorded decision) or `override`. */
  rule: string;
  /** In the pack's words: the rule's label, the fallback's, or who decided. */
  label: string;
}

/** Why a decision's value is not the next band up its scale. */
export interface NextBand {
  instance: string;
  value: unknown;
  /**
   * What gave the value, in the pack's words ("The most recent rating"): for a band that is not
   * decided rule by rule on its own criteria (a rating taken from other decisions), this is what
   * a reader is told instead of an empty list. Absent without an explanation.
   */
  given?: GivenBy;
  /** The next band up, towards the scale's better end; absent there, from or to a value that is no band, off an ordered scale, or without an explanation. */
  next?: string;
  /**
   * The rules that give the next value (each an alternative), with their failed conditions; for a
   * value a higher-priority rule gave before a band rule could (a limiter written as a rule), that
   * rule (`fired`) and its conditions that held.
   */
  rules: NextBandRule[];
  /**
   * For a value given by a `band` expression (format 3, number recorded): the number banded, the
   * next band's threshold, the points behind it and the criteria to raise to reach it.
   */
  band?: BandedNumber;
}

/** The leaves of a condition that made it fail, with their places among its leaves (depth first). */
function failedLeaves(c: Condition, leaves: readonly LeafResult[], at: { i: number }, out: { leaf: LeafCondition; i: number }[]): boolean {
  if ('all' in c || 'any' in c) {
    const parts = 'all' in c ? c.all : c.any;
    const found: { leaf: LeafCondition; i: number }[][] = [];
    const holds = parts.map((p) => { const f: { leaf: LeafCondition; i: number }[] = []; found.push(f); return failedLeaves(p, leaves, at, f); });
    const ok = 'all' in c ? holds.every(Boolean) : parts.length === 0 || holds.some(Boolean);
    // A failing `all` fails by its failing parts; a failing `any` by every part.
    if (!ok) holds.forEach((h, k) => { if (!h) out.push(...found[k]!); });
    return ok;
  }
  if ('not' in c) {
    const before = at.i;
    const inner = failedLeaves(c.not, leaves, at, []);
    // A failing `not` fails by the leaves of what held.
    if (inner) for (let i = before; i < at.i; i++) if (leaves[i]!.holds) out.push({ leaf: leafAt(c.not, i - before), i });
    return !inner;
  }
  const i = at.i++;
  const ok = leaves[i]!.holds === true;
  if (!ok) out.push({ leaf: c as LeafCondition, i });
  return ok;
}

function leafAt(c: Condition, n: number): LeafCondition {
  const all: LeafCondition[] = [];
  const walk = (x: Condition): void => {
    if ('all' in x) x.all.forEach(walk); else if ('any' in x) x.any.forEach(walk); else if ('not' in x) walk(x.not); else all.push(x);
  };
  walk(c);
  return all[n]!;
}

/** The value a leaf wanted: recorded when computed, else the pack's literal or domain parameter. */
function wantedOf(leaf: LeafCondition, r: LeafResult, scope: CompileScope): unknown {
  if (r.wanted !== undefined) return r.wanted;
  const v = leaf.value as { param?: unknown } | null;
  return v && typeof v === 'object' && typeof v.param === 'string' ? resolveParam(v.param, scope) : leaf.value;
}

/** How many more (positive) or fewer (negative) a count needed to hold, or undefined. */
function shortfall(operator: string, value: number, wanted: number): number | undefined {
  switch (operator) {
    case 'greaterThanInclusive': return wanted - value;
    case 'greaterThan': return wanted + 1 - value;
    case 'lessThanInclusive': return wanted - value;
    case 'lessThan': return wanted - 1 - value;
    case 'equal': return wanted - value;
    default: return undefined;
  }
}

/**
 * For a per-domain band (or any decision on an ordered scale) of a determination made with
 * `explain`: the next band up, each rule that gives it, the conditions of those rules that
 * failed, and for a count of criteria the criteria whose judgements would have had to be higher
 * (the judgement given and the lowest that would do). "What kept Safeguarding from Silver".
 * @example nextBandUp(pack, determination, 'domainRating.safeguarding').rules[0].failed[0].criteria
 *   // [{ id: 'saf-02', title: '...', judgement: 'Partly met', needed: 'Fully met' }]
 */
export function nextBandUp(pack: Pack, d: Determination, instance: string): NextBand {
  const value = ownMember(d.decisions, instance);
  const p = explainedPack(pack);
  const inst = p.index.instancesById.get(instance);
  const scale = inst ? ownMember(p.pack.scales, inst.decision.scale) : undefined;
  const entry = d.explanation?.entries.find((e): e is DecisionResult => e.kind === 'decision' && e.of === instance);
  if (!inst || !entry) return { instance, value, rules: [] };
  const given = givenBy(inst.decision, entry, ownMember(d.decidedBy, instance));
  const at = { instance, value, ...(given ? { given } : {}) };
  if (!isOrdered(scale) || typeof value !== 'string') return { ...at, rules: [] };
  const next = bandUp(scale, value);
  if (next === undefined) return { ...at, rules: [] };
  const scope: CompileScope = { index: p.index, extensions: {}, domainIndex: inst.domainIndex, countSlots: new Map() };
  const rules: NextBandRule[] = [];
  const band = bandedNextUp(p, d, instance, next);
  if (band) return { ...at, next, rules, band };
  const before = inst.decision.hitPolicy === 'first' ? ruleBeforeBand(inst.decision, entry, next) : undefined;
  // The worse band of those matched is taken: what keeps the value from the band up is each rule that fired for a band worse than it.
  const worseWins = takesWorseBand(inst.decision.hitPolicy, scale);
  for (const rule of inst.decision.rules!) {
    if (rule === before) {
      // A rule before the band fired (a limiter written as a rule): for the band up it must not fire.
      const result = entry.rules.find((r) => r.rule === rule.id)!;
      const found: { leaf: LeafCondition; i: number }[] = [];
      failedLeaves({ not: rule.when }, result.conditions, { i: 0 }, found);
      rules.push({
        rule: rule.id, label: rule.label ?? rule.id, source: citationText(rule.source),
        failed: found.map(({ leaf, i }) => failedCondition(p.index, d, leaf, result.conditions, i, scope, `${instance}|${rule.id}|${i}`, true)),
        fired: true,
      });
      continue;
    }
    if (worseWins ? !worseBand(scale, rule.output, next) : rule.output !== next) continue;
    const result = entry.rules.find((r) => r.rule === rule.id);
    if (!result || (result.fired === true) !== worseWins) continue;
    const found: { leaf: LeafCondition; i: number }[] = [];
    // A rule that fired stops firing when any condition that held fails: the leaves of `not` its condition that fail.
    failedLeaves(worseWins ? { not: rule.when } : rule.when, result.conditions, { i: 0 }, found);
    rules.push({
      rule: rule.id, label: rule.label ?? rule.id, source: citationText(rule.source),
      failed: found.map(({ leaf, i }) => failedCondition(p.index, d, leaf, result.conditions, i, scope, `${instance}|${rule.id}|${i}`, worseWins)),
      ...(worseWins ? { fired: true as const } : {}),
    });
  }
  return { ...at, next, rules };
}

/**
 * Under `first`, the rule that fired before a rule banding a number whose bands hold `next`
 * (so the band was never reached), if that is how the value was given.
 */
function ruleBeforeBand(decision: Decision, entry: DecisionResult, next: string): Rule | undefined {
  const fired = entry.rules.find((r) => r.fired === true);
  const rules = decision.rules ?? [];
  const rule = fired ? rules.find((r) => r.id === fired.rule) : undefined;
  if (!rule) return undefined;
  const bandsNext = (o: unknown): boolean => !!o && typeof o === 'object' && Array.isArray((o as { bands?: unknown }).bands) && (o as { bands: { value: unknown }[] }).bands.some((b) => b.value === next);
  // A band rule considered after it (so below it in priority) that could give the band up.
  return !bandsNext(rule.output) && rules.some((r) => r !== rule && bandsNext(r.output) && !entry.rules.some((x) => x.rule === r.id)) ? rule : undefined;
}

/** The rule that gave the value: a person's recorded decision or override first, else the rule that fired, else the fallback. */
function givenBy(decision: Decision, entry: DecisionResult, taken: DeterminationDecidedBy | undefined): GivenBy | undefined {
  if (taken) {
    return taken.kind === 'decision' && decision.decidedBy
      ? { rule: 'decided-by', label: `decided by ${decision.decidedBy.label}` }
      : { rule: 'override', label: 'overridden by an officer' };
  }
  const fired = entry.rules.find((r) => r.fired === true);
  const rule = fired ? decision.rules?.find((x) => x.id === fired.rule) : undefined;
  if (rule) return { rule: rule.id, label: rule.label ?? rule.id };
  if (entry.fallback && decision.fallback) return { rule: 'fallback', label: decision.fallback.label ?? 'no rule matched, so the fallback applies' };
  return undefined;
}

function failedCondition(index: CompileScope['index'], d: Determination, leaf: LeafCondition, leaves: readonly LeafResult[], i: number, scope: CompileScope, key: string, held: boolean): FailedCondition {
  const r = leaves[i]!;
  const p = explainedPack(index.pack);
  const line: string[] = [];
  p.words(key, leaf, scope.domainIndex).lines([r], 0, line, '');
  const wanted = wantedOf(leaf, r, scope);
  const out: FailedCondition = { ...(leaf.fact !== undefined ? { fact: leaf.fact } : { expression: leaf.expression }), ...(leaf.params ? { params: leaf.params } : {}), operator: leaf.operator, value: r.value, wanted, words: line.join(' ') };
  const gap = typeof r.value === 'number' && typeof wanted === 'number' ? shortfall(leaf.operator, r.value, wanted) : undefined;
  const jscale = index.judgementScale ? ownMember(index.pack.scales, index.judgementScale) : undefined;
  const ranks = index.judgementScale ? index.ranks.get(index.judgementScale) : undefined;
  if (held || leaf.fact !== 'criteriaCount' || gap === undefined || gap === 0 || !isOrdered(jscale) || !ranks) return out;
  const { members, filter } = selectCriteria(resolveParams(leaf.params, scope) ?? {}, scope);
  if (!filter) return out;
  const counted = new Set(r.counted ?? []);
  const judgements = d.explanation?.judgements ?? [];
  // Too few counted: criteria not counted must rise into the filter; too many: counted ones must rise out of it.
  const into = gap > 0;
  const criteria: CriterionToRaise[] = [];
  for (const c of members) {
    if (counted.has(c.index) !== !into) continue;
    const judgement = judgements[c.index] ?? null;
    const from = judgement === null ? -1 : ranks.get(judgement) ?? -1;
    const needed = jscale.values.find((v, rank) => rank > from && (filter.mask[rank] === 1) === into && c.allowed.includes(v));
    if (needed !== undefined) criteria.push({ id: c.criterion.id, title: c.criterion.title, judgement, needed });
  }
  return { ...out, criteria, needs: Math.abs(gap) };
}
