import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import type { Assessment, Condition, LeafCondition } from '../types.js';
import type { CompiledInstance, CompiledPack } from '../compile/compile-pack.js';
import { isOrdered, scaleOfFact, type PackIndex } from '../compile/pack-index.js';
import { PLAIN_OPERATORS, SCALE_OPERATORS, scaleOperator } from '../compile/operators.js';
import { OPERATORS } from '../language/registry.js';
import { initialState } from '../evaluate/evaluate.js';
import { ownMember } from '../compile/own-member.js';

/** What the reference interpreter found: each instance's value and each rule's truth. */
export interface ReferenceResult {
  decisions: Record<string, unknown>;
  /** Instance id -> rule id -> whether its conditions hold. */
  rules: Record<string, Record<string, boolean>>;
}

/** Rewrites an OpenQAF condition for json-rules-engine: per-domain params resolved, scale operators named by scale. */
function toEngineCondition(c: Condition, ix: PackIndex, domainIndex: number): Condition {
  const domain = ix.domains[domainIndex];
  const fix = (v: unknown): unknown => (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { param?: unknown }).param === 'string' ? (ownMember(domain?.parameters, (v as { param: string }).param) ?? ownMember(ix.pack.parameters, (v as { param: string }).param)?.value) : v);
  if ('all' in c) return { all: c.all.map((x) => toEngineCondition(x, ix, domainIndex)) };
  if ('any' in c) return { any: c.any.map((x) => toEngineCondition(x, ix, domainIndex)) };
  if ('not' in c) return { not: toEngineCondition(c.not, ix, domainIndex) };
  const leaf = c as LeafCondition;
  const params = leaf.params ? Object.fromEntries(Object.entries(leaf.params).map(([k, v]) => [k, k === 'domain' && v === '$domain' ? domain?.id : fix(v)])) : undefined;
  let operator = leaf.operator;
  if (SCALE_OPERATORS.has(operator)) operator = `${operator}@${(leaf.fact === undefined ? undefined : scaleOfFact(ix, leaf.fact)) ?? ''}`;
  let value = fix(leaf.value);
  if (value && typeof value === 'object' && !Array.isArray(value) && (value as { params?: Record<string, unknown> }).params) {
    const v = value as { fact: string; params: Record<string, unknown> };
    value = { ...v, params: Object.fromEntries(Object.entries(v.params).map(([k, x]) => [k, k === 'domain' && x === '$domain' ? domain?.id : x])) };
  }
  return { fact: leaf.fact, operator, value, ...(params ? { params } : {}), ...(leaf.path ? { path: leaf.path } : {}) };
}

/** An independent implementation of the built-in facts, straight from the judgements. */
function addBuiltinFacts(engine: Engine, c: CompiledPack): void {
  const ix = c.index;
  const jr = ix.judgementScale ? ix.ranks.get(ix.judgementScale)! : new Map<string, number>();
  const inFilter = (value: string | undefined, params: Record<string, unknown>, ranks: ReadonlyMap<string, number>): boolean => {
    if (value === undefined) return false;
    const r = ranks.get(value);
    if (r === undefined) return false;
    if (params.is !== undefined && !(Array.isArray(params.is) ? params.is : [params.is]).includes(value)) return false;
    const b = (k: string) => ranks.get(params[k] as string) ?? -99;
    if (params.atLeast !== undefined && !(r >= b('atLeast'))) return false;
    if (params.atMost !== undefined && !(r <= b('atMost'))) return false;
    if (params.above !== undefined && !(r > b('above'))) return false;
    if (params.below !== undefined && !(r < b('below'))) return false;
    return true;
  };
  const hasJudgementFilter = (p: Record<string, unknown>) => ['is', 'atLeast', 'atMost', 'above', 'below'].some((k) => p[k] !== undefined);
  engine.addFact('criteriaCount', async (params: Record<string, unknown>, almanac) => {
    const judgements = await almanac.factValue<Record<string, string>>('__judgements');
    let n = 0;
    for (const d of ix.pack.framework?.domains ?? []) {
      if (params.domain !== undefined && d.id !== params.domain) continue;
      for (const s of d.standards) {
        if (params.standard !== undefined && s.id !== params.standard) continue;
        for (const cr of s.criteria) {
          const flags = cr.flags ?? [];
          if (params.flag !== undefined && !flags.includes(params.flag as string)) continue;
          if (params.notFlag !== undefined && flags.includes(params.notFlag as string)) continue;
          if (!hasJudgementFilter(params) || inFilter(judgements[cr.id], params, jr)) n++;
        }
      }
    }
    return n;
  }, { cache: false });
  engine.addFact('domainCount', async (params: Record<string, unknown>, almanac) => {
    const values = await almanac.factValue<Record<string, unknown>>('__values');
    const d = ix.pack.decisions[params.decision as string];
    const ranks = d ? ix.ranks.get(d.scale) ?? new Map<string, number>() : new Map<string, number>();
    let n = 0;
    for (const dom of ix.domains) {
      const v = values[`${params.decision as string}.${dom.id}`] as string | undefined;
      if (v !== undefined && (!hasJudgementFilter(params) || inFilter(v, params, ranks))) n++;
    }
    return n;
  }, { cache: false });
  engine.addFact('judgement', async (params: Record<string, unknown>, almanac) => (await almanac.factValue<Record<string, string>>('__judgements'))[params.criterion as string], { cache: false });
}

/** A json-rules-engine set up the straightforward way for one decision instance. */
interface ReferenceEngine { inst: CompiledInstance; engine: Engine }

/**
 * The reference interpreter: json-rules-engine, used directly, decides which rules' conditions
 * hold; hit policies and outputs then apply as in the engine. The compiled evaluator is tested
 * against it on generated inputs so the two never disagree.
 */
export function createReferenceEvaluator(c: CompiledPack): (assessment: Assessment, asOf?: string) => Promise<ReferenceResult> {
  const ix = c.index;
  const operators: [string, (a: unknown, b: unknown) => boolean][] = [];
  for (const [id, scale] of ix.scales) {
    for (const op of SCALE_OPERATORS) operators.push([`${op}@${id}`, scaleOperator(op, isOrdered(scale) ? ix.ranks.get(id) : undefined)]);
  }
  for (const op of SCALE_OPERATORS) operators.push([`${op}@`, scaleOperator(op, undefined)]);
  const extra = { ...PLAIN_OPERATORS, ...(c.extensions.operators ?? {}) };
  // json-rules-engine's own operators stay its own, so the reference checks the engine's copies.
  const jsonRulesDefaults = new Set(OPERATORS.filter((o) => o.jsonRulesEngine).map((o) => o.name));
  const engines: ReferenceEngine[] = c.order.map((inst) => {
    const engine = new Engine([], { allowUndefinedFacts: true });
    for (const [name, fn] of operators) engine.addOperator(name, (a: unknown, b: unknown) => fn(a, b));
    for (const [name, fn] of Object.entries(extra)) if (!jsonRulesDefaults.has(name)) engine.addOperator(name, (a: unknown, b: unknown) => fn(a, b));
    for (const [name, fn] of Object.entries(c.extensions.facts ?? {})) {
      engine.addFact(name, async (params: Record<string, unknown>, almanac) => fn(params, await almanac.factValue<Record<string, unknown>>('__all')), { cache: false });
    }
    addBuiltinFacts(engine, c);
    for (const r of inst.rules) {
      const raw = inst.decision.rules![r.position]!;
      const cond = toEngineCondition(raw.when, ix, inst.instance.domainIndex);
      const top = ('all' in cond || 'any' in cond || 'not' in cond ? cond : { all: [cond] }) as TopLevelCondition;
      const rule: RuleProperties = { name: r.id, conditions: top, event: { type: r.id } };
      engine.addRule(rule);
    }
    return { inst, engine };
  });

  return async (assessment, asOf) => {
    const when = asOf ?? assessment.date;
    const s = initialState(c, assessment, when);
    const judgements = assessment.judgements ?? {};
    const values: Record<string, unknown> = {};
    const rules: Record<string, Record<string, boolean>> = {};
    for (const { inst, engine } of engines) {
      const base: Record<string, unknown> = { ...(assessment.facts ?? {}), assessmentDate: assessment.date, asOf: when, ...values };
      const facts: Record<string, unknown> = { ...base, __judgements: judgements, __values: values, __all: Object.freeze({ ...base }) };
      const result = await engine.run(facts);
      const truth: Record<string, boolean> = {};
      for (const r of result.results) truth[(r as unknown as { name: string }).name] = true;
      for (const r of result.failureResults) truth[(r as unknown as { name: string }).name] = false;
      rules[inst.id] = truth;
      const matched = inst.rules.filter((r) => truth[r.id]);
      let value: unknown;
      if (inst.policy === 'first' || inst.policy === 'unique') value = matched[0]?.output(s);
      else if (inst.policy === 'collect') value = matched.length ? matched.map((r) => r.output(s)) : undefined;
      else {
        const outs = matched.map((r) => r.output(s));
        const rank = (v: unknown) => (inst.ranks ? inst.ranks.get(v as string)! : (v as number));
        value = outs.reduce<unknown>((best, v) => (best === undefined || (inst.policy === 'max' ? rank(v) > rank(best) : rank(v) < rank(best)) ? v : best), undefined);
      }
      if (!matched.length && inst.fallback) {
        value = inst.fallback.output(s);
        if (inst.policy === 'collect' && !Array.isArray(value)) value = value === undefined || value === null ? [] : [value];
      }
      values[inst.id] = value;
      s.values[inst.slot] = value;
    }
    const decisions: Record<string, unknown> = {};
    for (const inst of c.instances) decisions[inst.id] = values[inst.id];
    return { decisions, rules };
  };
}
