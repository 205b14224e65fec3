import type { Condition, Expression, LeafCondition } from '../types.js';
import type { CompiledInstance, CompiledPack } from '../compile/compile-pack.js';
import type { EvalState } from '../compile/eval-state.js';
import { isOrdered, type IndexedCriterion } from '../compile/pack-index.js';
import { FACT_BY_NAME, expressionOf, isValueExpression } from '../language/registry.js';
import type { FactRefs } from '../language/fact.js';
import { domainInstanceId } from '../compile/domain-reference.js';
import { withParamsResolved } from '../compile/resolve-param.js';
import { pluginDeclarations, pluginReadKey, resolvePluginParams, returnedValues } from '../language/plugin-declaration.js';
import { readableValues } from '../language/human-decision.js';
import { operatorChangePoints, operatorDeclarations, type OperatorDeclaration } from '../language/plugin-operator.js';
import { countVectorAt, countVectorTotal, multinomial } from './count-vectors.js';
import { dateGridDimension, dateOrderingDimension, dateReads, isDateFact } from './date-orderings.js';

/** One value a dimension can take: how to put it in the state, how to name it, how many inputs it stands for. */
export interface DimensionOption {
  apply: (s: EvalState) => void;
  words: string;
  /** Number of concrete input combinations this option stands for (multinomial for count vectors). */
  weight: number;
  /**
   * Count vectors: how many things are away from the first (best) value, and how many distinct
   * values there are, for ordering examples simplest first (see `simplicity.ts`).
   */
  away?: number;
  distinct?: number;
}

/**
 * One independent input of a decision: a fact, a decision, a class of criteria or a group of
 * domains. Its options are counted first and built one at a time on demand, so a space too
 * large to enumerate is never held in memory.
 */
export interface Dimension {
  name: string;
  /** How many options there are (for count vectors, a binomial: may be far beyond what could be listed). */
  size: number;
  /** The option at `index` (0 <= index < size), built when asked for. */
  option(index: number): DimensionOption;
  /** The input's title in the pack, where `name` is its id (a fact with a title): what its options' words begin with. */
  title?: string;
  /** False when the options are a sample of an unbounded set (numbers, dates, free text). */
  exhaustive: boolean;
  /** Why it is not exhaustive, in plain words. */
  note?: string;
  /** True for a dimension of dates. */
  dates?: boolean;
  /**
   * What its options write, as read keys (`v:<fact or decision>`, `criterion:<index>`, `asOf`):
   * a rule depends on it when the rule reads one of them (see `ruleReads`).
   */
  reads?: string[];
}

/** Representative dates: before, at and after the assessment date (which is also asOf). */
export const ANALYSIS_DATE = '2025-06-01';
const LATER_AS_OF = '2025-12-01';
const SAMPLE_DATES = ['2023-06-01', '2024-06-01', ANALYSIS_DATE, '2025-09-01', '2026-03-01'];

/** The name the analyser knows a fact reference by: a same-domain decision reference by its instance's id. */
type FactName = (fact: string, params: Record<string, unknown>) => string;

function collect(cond: Condition | Expression | undefined, refs: FactRefs, domainId: string | undefined, name: FactName): void {
  if (cond === null || cond === undefined || typeof cond !== 'object') return;
  if (Array.isArray(cond)) { cond.forEach((c) => collect(c as Expression, refs, domainId, name)); return; }
  const o = cond as Record<string, unknown>;
  if (expressionOf(o)?.analyse?.(refs, o, domainId) === true) return;
  if ('operator' in o && o.expression !== undefined && o.fact === undefined) {
    // A leaf comparing an expression (issue 10): the facts it reads are varied as an expression's
    // are (sampled where unbounded, every value where finite), and so are those its value reads.
    collect(o.expression as Expression, refs, domainId, name);
    const v = o.value;
    if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { fact?: unknown }).fact === 'string') {
      const r = v as { fact: string; params?: Record<string, unknown> };
      noteFact(name(r.fact, r.params ?? {}), r.params ?? {}, refs, domainId, undefined);
    } else if (isValueExpression(v)) collect(v, refs, domainId, name);
    return;
  }
  if (typeof o.fact === 'string') {
    const params = (o.params ?? {}) as Record<string, unknown>;
    const leaf = o as unknown as LeafCondition;
    noteFact(name(o.fact, params), params, refs, domainId, 'operator' in o ? leaf.value : undefined, 'operator' in o && o.path === undefined ? leaf.operator : undefined);
    if ('operator' in o && leaf.value && typeof leaf.value === 'object' && typeof (leaf.value as { fact?: unknown }).fact === 'string') {
      const v = leaf.value as { fact: string; params?: Record<string, unknown> };
      noteFact(name(v.fact, v.params ?? {}), v.params ?? {}, refs, domainId, undefined);
    }
    else if ('operator' in o && isValueExpression(leaf.value)) collect(leaf.value as Expression, refs, domainId, name);
  }
  const isLeaf = 'operator' in o;
  for (const [k, v] of Object.entries(o)) if (k !== 'params' && k !== 'fact' && !(isLeaf && k === 'value')) collect(v as Expression, refs, domainId, name);
}

/** Number operators whose verdict on a number only changes at the number compared with. */
const PARTITIONING_OPERATORS = new Set(['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

/** Operators whose verdict on a text only tells the texts compared with apart from every other text. */
const TEXT_OPERATORS = new Set(['equal', 'notEqual', 'in', 'notIn']);

/** How a plain fact is read: compared with a number, with texts, tested for presence, or some other way. */
type ReadKind = 'number' | 'text' | 'present' | 'other';

/** The ways each plain fact is read, per gathering (kept beside `FactRefs`, which other constructs share). */
const readKinds = new WeakMap<FactRefs, Map<string, Set<ReadKind>>>();

function noteKind(refs: FactRefs, fact: string, kind: ReadKind): void {
  const byFact = readKinds.get(refs) ?? new Map<string, Set<ReadKind>>();
  readKinds.set(refs, byFact);
  byFact.set(fact, (byFact.get(fact) ?? new Set<ReadKind>()).add(kind));
}

/** True when every read of `fact` is one of `kinds` (and there is at least one). */
function readOnlyAs(refs: FactRefs, fact: string, ...kinds: ReadKind[]): boolean {
  const seen = readKinds.get(refs)?.get(fact);
  return !!seen && [...seen].every((k) => kinds.includes(k));
}

/** The plugin operators' declarations each gathering knows (`language/plugin-operator.ts`): one that says where its verdict changes is partitioned on. */
const operatorsOf = new WeakMap<FactRefs, ReadonlyMap<string, OperatorDeclaration>>();

function noteFact(fact: string, params: Record<string, unknown>, refs: FactRefs, domainId: string | undefined, literal: unknown, operator?: string): void {
  const hook = FACT_BY_NAME.get(fact)?.analyse;
  if (hook) { hook(params, refs, domainId); return; }
  // A plugin operator declaring where its verdict on a number changes reads the number as a number comparison does, at those points.
  const changes = operator !== undefined && !PARTITIONING_OPERATORS.has(operator) ? operatorChangePoints(operatorsOf.get(refs)?.get(operator), literal) : undefined;
  if (changes) {
    noteKind(refs, fact, 'number');
    const points = refs.numberComparisons.get(fact) ?? new Set<number>();
    for (const n of changes) points.add(n);
    refs.numberComparisons.set(fact, points);
    const entry = refs.facts.get(fact) ?? { literals: [] };
    entry.literals.push(...changes);
    refs.facts.set(fact, entry);
    return;
  }
  const isText = typeof literal === 'string' || (Array.isArray(literal) && literal.every((v) => typeof v === 'string'));
  noteKind(refs, fact, operator !== undefined && PARTITIONING_OPERATORS.has(operator) && typeof literal === 'number' && Number.isFinite(literal) ? 'number'
    : operator === 'present' ? 'present' : operator !== undefined && TEXT_OPERATORS.has(operator) && isText ? 'text' : 'other');
  if (operator !== undefined && PARTITIONING_OPERATORS.has(operator) && typeof literal === 'number' && Number.isFinite(literal)) {
    const points = refs.numberComparisons.get(fact) ?? new Set<number>();
    refs.numberComparisons.set(fact, points.add(literal));
  } else refs.otherReads.add(fact);
  const entry = refs.facts.get(fact) ?? { literals: [] };
  if (literal !== undefined && (typeof literal !== 'object' || Array.isArray(literal))) entry.literals.push(literal);
  refs.facts.set(fact, entry);
}

/**
 * A class of weighted criteria's label names the weight its members share ("other criteria of
 * weight 2"): criteria of different weights are different classes (a weighted count tells them
 * apart), and would otherwise read as the same group.
 */
function ofWeight(cr: IndexedCriterion): string {
  const w = cr.criterion.weight;
  return w === undefined ? '' : ` of weight ${w}`;
}

/** True when a criterion is one a `criteriaCount`-like filter reads. */
function matchesFilter(cr: IndexedCriterion, f: Record<string, unknown>): boolean {
  return (f.domain === undefined || cr.domain.id === f.domain) && (f.standard === undefined || cr.standardId === f.standard)
    && (f.flag === undefined || cr.flags.has(f.flag as string)) && (f.notFlag === undefined || !cr.flags.has(f.notFlag as string));
}

function emptyRefs(): FactRefs {
  return { facts: new Map(), criteriaFilters: [], judgementCriteria: new Set(), domainCountDecisions: new Set(), instances: new Set(), mostRecent: false, partitions: new Map(), numberComparisons: new Map(), otherReads: new Set() };
}

/** The members of `FactRefs` `ruleReads` maps to dimensions; a construct noting anything else makes a rule read everything. */
const MAPPED_REFS = new Set(['facts', 'criteriaFilters', 'judgementCriteria', 'domainCountDecisions', 'instances', 'mostRecent', 'partitions', 'numberComparisons', 'otherReads']);

/** True when a member of `FactRefs` holds something (a non-empty collection, or true). */
function holdsSomething(v: unknown): boolean {
  if (v instanceof Map || v instanceof Set) return v.size > 0;
  if (Array.isArray(v)) return v.length > 0;
  return !!v;
}

/**
 * What part of a decision (a rule's condition and output) reads, as the read keys of the
 * dimensions of `inputSpace` (`Dimension.reads`), or `'*'` when it cannot tell (a plugin fact,
 * or a construct whose analyser hook notes something this mapping does not know): such a part
 * is taken to read every input. A construct joins the mapping by noting its reads in `FactRefs`
 * through its `analyse` hook (facts, criteria filters, decisions), as the built-ins do.
 * Sound by construction: the dimensions themselves are built from the same gathering.
 */
export function ruleReads(c: CompiledPack, inst: CompiledInstance, parts: unknown[]): Set<string> | '*' {
  const ix = c.index;
  const domainId = inst.instance.domain?.id;
  const refs = emptyRefs();
  operatorsOf.set(refs, operatorDeclarations(c.pack, c.extensions));
  // Plugin facts keep their own name here, so a part that reads one reads everything ('*').
  const name: FactName = (fact, params) => domainInstanceId(ix, fact, params, domainId) ?? fact;
  const scope = { index: ix, domainIndex: inst.instance.domainIndex };
  for (const part of parts) collect(withParamsResolved(part, scope) as Condition, refs, domainId, name);
  for (const [k, v] of Object.entries(refs)) if (!MAPPED_REFS.has(k) && holdsSomething(v)) return '*';
  const keys = new Set<string>();
  const allCriteria = (): void => { for (const cr of ix.criteria) keys.add(`criterion:${cr.index}`); };
  const plain = (name: string): boolean => {
    if (name === 'asOf' || name === 'assessmentDate') { keys.add('asOf'); return true; }
    if (ix.instancesById.has(name)) { keys.add(`v:${name}`); return true; }
    const schema = ix.pack.inputs.properties[name];
    if (!schema) return false;
    keys.add(`v:${name}`);
    // Dates are compared with the determination date (asOf) by the constructs that read them.
    if (schema.format === 'date') keys.add('asOf');
    return true;
  };
  for (const name of refs.facts.keys()) if (!plain(name)) return '*';
  for (const name of refs.partitions.keys()) {
    if (FACT_BY_NAME.has(name)) allCriteria();
    else if (!plain(name)) return '*';
  }
  for (const f of refs.criteriaFilters) for (const cr of ix.criteria) if (matchesFilter(cr, f)) keys.add(`criterion:${cr.index}`);
  for (const id of refs.judgementCriteria) {
    const cr = ix.criteria.find((x) => x.criterion.id === id);
    if (cr) keys.add(`criterion:${cr.index}`); else allCriteria();
  }
  for (const decisionId of refs.domainCountDecisions) {
    keys.add(`domains:${decisionId}`);
    for (const m of ix.instancesOf.get(decisionId) ?? []) keys.add(`v:${m.id}`);
  }
  for (const id of refs.instances) keys.add(`v:${id}`);
  if (refs.mostRecent) keys.add('asOf');
  return keys;
}

/** A dimension over options already listed (facts, decisions: a handful of values each). */
function listed({ options, ...dim }: Omit<Dimension, 'size' | 'option'> & { options: DimensionOption[] }): Dimension {
  return { ...dim, size: options.length, option: (i) => options[i]! };
}

const NOT_JUDGED = '(not judged)';

/** How far a count vector is from everything at its first (best) value, and how many values it mixes. */
function plainness(counts: number[]): { away: number; distinct: number } {
  return { away: counts.reduce((n, x) => n + x, 0) - (counts[0] ?? 0), distinct: counts.filter((x) => x > 0).length };
}

/**
 * The input space of one decision instance, as independent dimensions: count vectors per
 * class of interchangeable criteria, multisets of domain values where only counts of domains
 * matter, and the values of every other fact or decision its rules read.
 */
export function inputSpace(c: CompiledPack, inst: CompiledInstance, options: InputSpaceOptions = {}): Dimension[] {
  const ix = c.index;
  const d = inst.decision;
  const refs = emptyRefs();
  operatorsOf.set(refs, operatorDeclarations(c.pack, c.extensions));
  const domainId = inst.instance.domain?.id;
  // A plugin fact that declares what it returns is known by its read key (its resolved parameters), so each reading is varied on its own.
  const pluginReads = new Map<string, string>();
  const declarations = pluginDeclarations(c.pack, c.extensions);
  const name: FactName = (fact, params) => {
    if (declarations.get(fact)?.returns && c.extensions.facts?.[fact] && !ix.inputFacts.has(fact) && !FACT_BY_NAME.has(fact) && !ix.instancesById.has(fact)) {
      const key = pluginReadKey(fact, resolvePluginParams(params, inst.instance.domain, ix.pack.parameters));
      pluginReads.set(key, fact);
      return key;
    }
    return domainInstanceId(ix, fact, params, domainId) ?? fact;
  };
  // Parameters are read at their current values (the domain's inside a per-domain decision), as literals.
  const scope = { index: ix, domainIndex: inst.instance.domainIndex };
  const read = (part: Condition | Expression | undefined): void => collect(withParamsResolved(part, scope), refs, domainId, name);
  for (const r of d.rules ?? []) { read(r.when); read(r.output); }
  if (d.fallback) read(d.fallback.output);
  // A limiter's condition is part of the decision: its facts are dimensions too (so its partitions are analysed).
  for (const l of d.limits ?? []) read(l.when);
  const dims: Dimension[] = [];

  // Facts naming decision instances are decisions; the rest are inputs or built-ins.
  for (const [name] of [...refs.facts]) if (ix.instancesById.has(name)) { refs.instances.add(name); refs.facts.delete(name); }

  // Numbers read only by bands: partitioned on the thresholds (exhaustive); read otherwise too, sampled there.
  for (const [name, points] of refs.partitions) {
    // A built-in fact banded as it is (`criteriaPoints`) is varied by its own hook (count vectors: exhaustive).
    if (FACT_BY_NAME.has(name)) { noteFact(name, {}, refs, domainId, undefined); continue; }
    const other = c.instances.find((ci) => ci.id === name);
    if (!refs.otherReads.has(name)) {
      // Compared only with numbers besides: those numbers are thresholds of the same partition.
      for (const n of refs.numberComparisons.get(name) ?? []) points.add(n);
      refs.facts.delete(name);
      refs.instances.delete(name);
    }
    if (refs.facts.has(name) || refs.instances.has(name)) {
      if (other) continue;
      refs.facts.get(name)!.literals.push(...points);
      continue;
    }
    const dim = partitionDimension(c, name, [...points], other);
    if (dim) dims.push({ ...dim, reads: [`v:${name}`] }); else if (other) refs.instances.add(name); else refs.facts.set(name, { literals: [...points] });
  }

  // Domain groups: symmetric unless an instance of the group is also read by name.
  for (const decisionId of refs.domainCountDecisions) {
    const members = ix.instancesOf.get(decisionId) ?? [];
    if (members.some((m) => refs.instances.has(m.id))) { for (const m of members) refs.instances.add(m.id); continue; }
    const scale = ix.scales.get(ix.pack.decisions[decisionId]!.scale);
    if (!isOrdered(scale)) continue;
    const slots = members.map((m) => c.instances.find((ci) => ci.id === m.id)!.slot);
    const values = readableValues(ix.pack.decisions[decisionId]!, scale.values).reverse();
    dims.push({
      name: `${ix.pack.decisions[decisionId]!.label} of the ${members.length} domains`,
      exhaustive: true,
      reads: [`domains:${decisionId}`, ...members.map((m) => `v:${m.id}`)],
      size: countVectorTotal(members.length, values.length),
      option: (index) => {
        const counts = countVectorAt(members.length, values.length, index);
        const assigned: (string | null)[] = [];
        counts.forEach((n, i) => { for (let k = 0; k < n; k++) assigned.push(values[i]!); });
        let words: string | undefined;
        return {
          apply: (s) => { slots.forEach((slot, i) => { s.values[slot] = assigned[i]; }); },
          get words() { return (words ??= counts.map((n, i) => (n ? `${n} ${values[i] ?? 'undecided'}` : '')).filter(Boolean).join(' + ')); },
          weight: multinomial(counts),
          ...plainness(counts),
        };
      },
    });
  }

  // Decision instances read by name.
  for (const id of refs.instances) {
    const other = c.instances.find((ci) => ci.id === id)!;
    const scale = ix.scales.get(other.decision.scale);
    const label = other.instance.domain ? `${other.decision.label} (${other.instance.domain.title})` : other.decision.label;
    if (isOrdered(scale) && other.policy !== 'collect') {
      // A decision a person takes is read as a value a person can record, one that leaves nothing to decide, or meanwhile the proposal or nothing (`readableValues`).
      dims.push(listed({ name: label, exhaustive: true, reads: [`v:${id}`], options: readableValues(other.decision, scale.values).map((v) => ({ apply: (s: EvalState) => { s.values[other.slot] = v; }, words: `${label} ${v ?? 'undecided'}`, weight: 1 })) }));
    } else if (scale && 'numeric' in scale && scale.numeric.integer && scale.numeric.max - scale.numeric.min <= 200) {
      const opts: DimensionOption[] = [];
      for (let v = scale.numeric.min; v <= scale.numeric.max; v++) opts.push({ apply: (s) => { s.values[other.slot] = v; }, words: `${label} ${v}`, weight: 1 });
      dims.push(listed({ name: label, exhaustive: true, reads: [`v:${id}`], options: opts }));
    } else {
      const samples: unknown[] = isOrdered(scale) ? [[], ...scale.values.map((v) => [v])] : [scale && 'numeric' in scale ? scale.numeric.min : 0, scale && 'numeric' in scale ? scale.numeric.max : 1];
      dims.push(listed({ name: label, exhaustive: false, reads: [`v:${id}`], note: `${label} is sampled`, options: samples.map((v) => ({ apply: (s) => { s.values[other.slot] = v; }, words: `${label} ${JSON.stringify(v)}`, weight: 1 })) }));
    }
  }

  // Criteria classes: criteria read by the same filters with the same allowed judgements are interchangeable.
  if (refs.criteriaFilters.length || refs.judgementCriteria.size) {
    const jscale = ix.judgementScale ? ix.scales.get(ix.judgementScale) : undefined;
    const jr = ix.judgementScale ? ix.ranks.get(ix.judgementScale)! : new Map<string, number>();
    const required = !!ix.pack.framework?.judgements.required;
    const classes = new Map<string, IndexedCriterion[]>();
    for (const cr of ix.criteria) {
      const sig = refs.criteriaFilters.map((f) => (matchesFilter(cr, f) ? '1' : '0')).join('');
      const single = refs.judgementCriteria.has(cr.criterion.id) ? cr.criterion.id : '';
      if (!sig.includes('1') && !single) continue;
      // A weighted criterion is interchangeable only with criteria of the same weight.
      const key = `${sig}|${single}|${cr.allowed.join(',')}${cr.criterion.weight === undefined ? '' : `|${cr.criterion.weight}`}`;
      const members = classes.get(key);
      if (members) members.push(cr);
      else classes.set(key, [cr]);
    }
    const flagLabels = ix.pack.framework?.flags ?? {};
    for (const members of classes.values()) {
      const first = members[0]!;
      const options = [...first.allowed].reverse();
      if (!required) options.push(NOT_JUDGED);
      const commonFlags = [...first.flags].filter((f) => members.every((m) => m.flags.has(f)));
      const where = members.every((m) => m.domain.id === first.domain.id) && !domainId ? ` in ${first.domain.title}` : '';
      const label = members.length === 1 && refs.judgementCriteria.has(first.criterion.id)
        ? `criterion ${first.criterion.id}`
        : `${commonFlags.length ? commonFlags.map((f) => (flagLabels[f]?.label ?? f).toLowerCase()).join(' ') : 'other'} criteria${ofWeight(first)}${where} (${members.length})`;
      const idx = members.map((m) => m.index);
      const ranks = options.map((o) => (o === NOT_JUDGED ? -1 : jr.get(o) ?? -1));
      const ids = members.map((m) => m.criterion.id);
      dims.push({
        name: label,
        exhaustive: isOrdered(jscale),
        reads: idx.map((i) => `criterion:${i}`),
        size: countVectorTotal(members.length, options.length),
        option: (index) => {
          const counts = countVectorAt(members.length, options.length, index);
          let words: string | undefined;
          return {
            apply: (s) => {
              // The first counts[0] members take the first option, the next counts[1] the second, ...
              let k = 0;
              for (let o = 0; o < counts.length; o++) {
                for (let end = k + counts[o]!; k < end; k++) { s.ranks[idx[k]!] = ranks[o]!; s.judgements[ids[k]!] = options[o]!; }
              }
            },
            get words() { return (words ??= `${label}: ${counts.map((n, i) => (n ? `${n} ${options[i]}` : '')).filter(Boolean).join(', ')}`); },
            weight: multinomial(counts),
            ...plainness(counts),
          };
        },
      });
    }
  }

  // Input facts and built-ins.
  // A plugin reading's dimension names no read key, so a decision that has one is enumerated whole, not by factors.
  for (const [name, { literals }] of refs.facts) {
    const plugin = pluginReads.get(name);
    const title = ix.pack.inputs.properties[name]?.title;
    dims.push(plugin !== undefined ? pluginDimension(c, plugin, name) : { ...factDimension(c, name, literals, refs), reads: [name === 'asOf' || name === 'assessmentDate' ? 'asOf' : `v:${name}`], ...(typeof title === 'string' ? { title } : {}) });
  }
  // Dates read only to be put in order: one dimension of their orderings (exhaustive), in place of samples.
  const ordered = [...refs.facts.keys()].some((f) => isDateFact(c, f)) || refs.mostRecent ? datesInOrder(c, inst, options) : undefined;
  if (ordered) return [...dims.filter((x) => !x.dates), ordered];
  // Where dates matter, the determination date varies too: on the assessment date, and later
  // (a source dated after the visit counts only once asOf has reached it).
  if (dims.some((d) => d.dates) || refs.facts.has('asOf') || refs.mostRecent) {
    dims.push(listed({
      name: 'determination date', exhaustive: false, reads: ['asOf'], note: 'the determination date (asOf) is sampled: the assessment date, and six months later',
      options: [ANALYSIS_DATE, LATER_AS_OF].map((v) => ({ apply: (s) => { s.asOf = v; }, words: v === ANALYSIS_DATE ? '' : `determined on ${v}`, weight: 1 })),
    }));
  }
  return dims;
}

/** How to build an input space: `dateGrid` puts every date read in order on these days instead (a check on the orderings). */
export interface InputSpaceOptions {
  dateGrid?: string[];
}

/** The dimension of the orderings of the dates a decision reads (or of a grid of days), when it reads them only to order them. */
function datesInOrder(c: CompiledPack, inst: CompiledInstance, options: InputSpaceOptions): Dimension | undefined {
  const d = inst.decision;
  const reads = dateReads(c, withParamsResolved([...(d.rules ?? []).flatMap((r) => [r.when, r.output]), d.fallback?.output, ...(d.limits ?? []).map((l) => l.when)], { index: c.index, domainIndex: inst.instance.domainIndex }));
  if (!reads || !reads.facts.size) return undefined;
  return options.dateGrid ? dateGridDimension(c, reads, options.dateGrid) : dateOrderingDimension(c, reads, ANALYSIS_DATE);
}

/**
 * A plugin fact's reading: the values its declared `returns` allows, put in place of the
 * plugin's result (exhaustive when they can be listed), else one unvaried option.
 */
function pluginDimension(c: CompiledPack, fact: string, key: string): Dimension {
  const values = returnedValues(pluginDeclarations(c.pack, c.extensions).get(fact), c.pack);
  if (!values) return listed({ name: key, exhaustive: false, note: `fact "${fact}" comes from a plugin that declares no listable values it returns (extensions.declarations returns), so it is not enumerated`, options: [{ apply: () => {}, words: '', weight: 1 }] });
  return listed({
    name: key, exhaustive: true,
    options: values.map((v) => ({ apply: (s) => { (s.pluginFacts ??= new Map()).set(key, v); }, words: `${key} ${typeof v === 'string' ? v : JSON.stringify(v)}`, weight: 1 })),
  });
}

function factDimension(c: CompiledPack, name: string, literals: unknown[], refs: FactRefs): Dimension {
  const ix = c.index;
  const schema = ix.pack.inputs.properties[name];
  const required = (ix.pack.inputs.required ?? []).includes(name);
  // The analysis owns its state's facts object, so it may write to it.
  const set = (v: unknown) => (s: EvalState) => { const f = s.facts as Record<string, unknown>; if (v === undefined) delete f[name]; else f[name] = v; };
  const title = typeof schema?.title === 'string' ? schema.title : name;
  const opt = (v: unknown): DimensionOption => ({ apply: set(v), words: `${title} ${v === undefined ? 'not recorded' : typeof v === 'string' ? v : JSON.stringify(v)}`, weight: 1 });
  const withMissing = (vals: unknown[]): unknown[] => (required ? vals : [...vals, undefined]);
  if (name === 'assessmentDate' || name === 'asOf') {
    // asOf gets its own dimension (see inputSpace); the assessment date is fixed.
    return listed({ name, exhaustive: true, note: 'the assessment date is fixed for analysis', options: [{ apply: () => {}, words: '', weight: 1 }] });
  }
  if (!schema) {
    return listed({ name, exhaustive: false, note: `fact "${name}" comes from a plugin and is not enumerated`, options: [{ apply: () => {}, words: '', weight: 1 }] });
  }
  const scale = schema['x-scale'] ? ix.scales.get(schema['x-scale']) : undefined;
  const enumValues = isOrdered(scale) ? scale.values : Array.isArray(schema.enum) ? schema.enum : undefined;
  if (enumValues) return listed({ name, exhaustive: true, options: withMissing(enumValues).map(opt) });
  if (schema.type === 'boolean') return listed({ name, exhaustive: true, options: withMissing([true, false]).map(opt) });
  if (schema.format === 'date') return listed({ name, exhaustive: false, dates: true, note: `dates of "${name}" are sampled at representative points`, options: withMissing(SAMPLE_DATES).map(opt) });
  if (schema.type === 'integer' && typeof schema.minimum === 'number' && typeof schema.maximum === 'number' && schema.maximum - schema.minimum <= 200) {
    const vals: number[] = [];
    for (let v = schema.minimum; v <= schema.maximum; v++) vals.push(v);
    return listed({ name, exhaustive: true, options: withMissing(vals).map(opt) });
  }
  // A number only compared with numbers (or tested for presence) is partitioned on them: exhaustive.
  if ((schema.type === 'integer' || schema.type === 'number') && readOnlyAs(refs, name, 'number', 'present')) {
    const dim = partitionDimension(c, name, [...(refs.numberComparisons.get(name) ?? [0])], undefined);
    if (dim) return dim;
  }
  const nums = literals.filter((v): v is number => typeof v === 'number');
  if (schema.type === 'integer' || schema.type === 'number') {
    const pts = new Set<number>([0]);
    for (const v of nums) { pts.add(v - 1); pts.add(v); pts.add(v + 1); }
    const lo = typeof schema.minimum === 'number' ? schema.minimum : -Infinity;
    const hi = typeof schema.maximum === 'number' ? schema.maximum : Infinity;
    const vals = [...pts].filter((v) => v >= lo && v <= hi).sort((a, b) => a - b);
    return listed({ name, exhaustive: false, note: `numbers of "${name}" are sampled at the thresholds the rules compare with`, options: withMissing(vals).map(opt) });
  }
  const strings = [...new Set(literals.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => typeof v === 'string'))];
  // Text only compared with texts (or tested for presence): each text compared with, and one other text, stand for all.
  if (schema.type === 'string' && schema.format === undefined && readOnlyAs(refs, name, 'text', 'present')) {
    return listed({ name, exhaustive: true, options: withMissing([...strings, '(other text)']).map(opt) });
  }
  return listed({ name, exhaustive: false, note: `text of "${name}" is sampled at the values the rules compare with`, options: withMissing([...strings, '(other text)']).map(opt) });
}

/**
 * A number read only to be banded, as one option per piece of the partition its thresholds
 * make: each threshold, one number between each two, one below the lowest and one above the
 * highest (within the fact's or the numeric scale's bounds, whole numbers where it takes only
 * those), and not recorded when it may be missing. Every number in a piece gives the same band,
 * so the options are exhaustive. Undefined when the number is not a plain input or numeric decision.
 */
function partitionDimension(c: CompiledPack, name: string, thresholds: number[], inst: CompiledInstance | undefined): Dimension | undefined {
  let lo = -Infinity;
  let hi = Infinity;
  let integer = false;
  let required = true;
  let title = name;
  let apply: (v: number | undefined) => (s: EvalState) => void;
  if (inst) {
    const scale = c.index.scales.get(inst.decision.scale);
    if (!scale || !('numeric' in scale) || inst.policy === 'collect') return undefined;
    ({ min: lo, max: hi } = scale.numeric);
    integer = !!scale.numeric.integer;
    title = inst.instance.domain ? `${inst.decision.label} (${inst.instance.domain.title})` : inst.decision.label;
    apply = (v) => (s) => { s.values[inst.slot] = v; };
  } else {
    const schema = c.index.pack.inputs.properties[name];
    if (!schema || (schema.type !== 'number' && schema.type !== 'integer')) return undefined;
    if (typeof schema.minimum === 'number') lo = schema.minimum;
    if (typeof schema.maximum === 'number') hi = schema.maximum;
    integer = schema.type === 'integer';
    required = (c.index.pack.inputs.required ?? []).includes(name);
    if (typeof schema.title === 'string') title = schema.title;
    apply = (v) => (s) => { const f = s.facts as Record<string, unknown>; if (v === undefined) delete f[name]; else f[name] = v; };
  }
  const t = [...new Set(thresholds)].sort((a, b) => a - b);
  const candidates = new Set<number>([...t, lo, hi, Math.floor(t[0]!) - 1, Math.ceil(t[t.length - 1]!) + 1]);
  for (let i = 0; i + 1 < t.length; i++) { const mid = (t[i]! + t[i + 1]!) / 2; candidates.add(mid); candidates.add(Math.floor(mid)); candidates.add(Math.ceil(mid)); }
  // One representative per piece: pieces are told apart by where a number stands against every threshold.
  const pieces = new Map<string, number>();
  for (const v of [...candidates].sort((a, b) => a - b)) {
    if (!Number.isFinite(v) || v < lo || v > hi || (integer && !Number.isInteger(v))) continue;
    const key = t.map((x) => Math.sign(v - x)).join(',');
    if (!pieces.has(key)) pieces.set(key, v);
  }
  const values: (number | undefined)[] = [...pieces.values()];
  if (!required) values.push(undefined);
  return listed({
    name: title, exhaustive: true,
    options: values.map((v) => ({ apply: apply(v), words: `${title} ${v === undefined ? 'not recorded' : v}`, weight: 1 })),
  });
}
