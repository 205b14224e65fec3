import type { Extensions } from '../types.js';
import type { EvalState, Getter } from './eval-state.js';
import { isOrdered, type PackIndex } from './pack-index.js';

/** Where a fact is being compiled: the pack, the plugin extensions and the current domain. */
export interface CompileScope {
  index: PackIndex;
  extensions: Extensions;
  /** Domain index inside a per-domain decision, else -1. */
  domainIndex: number;
  /** Distinct criteria counts -> their slot in the state's count cache (shared by the whole pack). */
  countSlots: Map<string, number>;
}

/** A compiled fact: how to read it and how to name it in plain words. */
export interface CompiledFact {
  get: Getter;
  label: string;
  /** The scale its values lie on, for scale operators and readable values. */
  scale?: string;
  /** True for counts (criteriaCount, domainCount): explained as "needs at least 12 ...; 10 were". */
  count?: boolean;
}

/** A set of ranks on an ordered scale selected by `is`/`atLeast`/`atMost`/`above`/`below`. */
export function rankFilter(params: Record<string, unknown>, ranks: ReadonlyMap<string, number>, size: number): { mask: Uint8Array; words: string } | undefined {
  const parts: string[] = [];
  const mask = new Uint8Array(size).fill(1);
  let any = false;
  const apply = (pred: (r: number) => boolean): void => { for (let r = 0; r < size; r++) if (!pred(r)) mask[r] = 0; };
  if (params.is !== undefined) {
    const list = (Array.isArray(params.is) ? params.is : [params.is]) as string[];
    const set = new Set(list.map((v) => ranks.get(v)));
    apply((r) => set.has(r));
    parts.push(list.join(' or '));
    any = true;
  }
  const bound = (key: string, words: string, pred: (r: number, b: number) => boolean): void => {
    if (params[key] === undefined) return;
    const b = ranks.get(params[key] as string) ?? -99;
    apply((r) => pred(r, b));
    parts.push(`${words} ${String(params[key])}`);
    any = true;
  };
  bound('atLeast', 'at least', (r, b) => r >= b);
  bound('atMost', 'at most', (r, b) => r <= b);
  bound('above', 'above', (r, b) => r > b);
  bound('below', 'below', (r, b) => r < b);
  return any ? { mask, words: parts.join(' and ') } : undefined;
}

/** Reads a simple JSONPath-like `path` (`$.a.b` or `a.b`) from a value. */
export function readPath(value: unknown, path: string): unknown {
  let v = value;
  for (const key of path.replace(/^\$\.?/, '').split('.').filter(Boolean)) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Compiles a fact reference (`fact` + `params` + `path`) into a reader with a plain-words label. */
export function compileFact(fact: string, params: Record<string, unknown> = {}, path: string | undefined, scope: CompileScope): CompiledFact {
  const base = compileBareFact(fact, params, scope);
  if (!path) return base;
  const get = base.get;
  return { get: (s) => readPath(get(s), path), label: `${base.label} ${path}` };
}

function compileBareFact(fact: string, params: Record<string, unknown>, scope: CompileScope): CompiledFact {
  const ix = scope.index;
  if (fact === 'assessmentDate') return { get: (s) => s.assessmentDate, label: 'the assessment date' };
  if (fact === 'asOf') return { get: (s) => s.asOf, label: 'the determination date' };
  if (fact === 'criteriaCount') return compileCriteriaCount(params, scope);
  if (fact === 'domainCount') return compileDomainCount(params, scope);
  if (fact === 'judgement') {
    const id = params.criterion as string;
    return { get: (s) => s.judgements[id], label: `the judgement of criterion ${id}`, ...(ix.judgementScale ? { scale: ix.judgementScale } : {}) };
  }
  const inst = ix.instancesById.get(fact);
  if (inst) {
    const i = ix.instances.indexOf(inst);
    const label = inst.domain ? `${inst.decision.label} for ${inst.domain.title}` : inst.decision.label;
    return { get: (s) => s.values[i], label, scale: inst.decision.scale };
  }
  const plugin = scope.extensions.facts?.[fact];
  if (plugin && !ix.inputFacts.has(fact)) {
    return {
      get: (s) => plugin(params, factsView(s, ix)),
      label: fact,
    };
  }
  const schema = ix.pack.inputs.properties[fact];
  const label = typeof schema?.title === 'string' ? schema.title : fact;
  const scale = schema?.['x-scale'];
  return { get: (s) => s.facts[fact], label, ...(scale ? { scale } : {}) };
}

/** A read-only object of every fact and decision value, for plugin facts. */
function factsView(s: EvalState, ix: PackIndex): Readonly<Record<string, unknown>> {
  const view: Record<string, unknown> = { ...s.facts, assessmentDate: s.assessmentDate, asOf: s.asOf };
  ix.instances.forEach((inst, i) => { if (s.values[i] !== undefined) view[inst.id] = s.values[i]; });
  return Object.freeze(view);
}

function compileCriteriaCount(params: Record<string, unknown>, scope: CompileScope): CompiledFact {
  const ix = scope.index;
  const domainId = params.domain === '$domain' ? ix.domains[scope.domainIndex]?.id : params.domain as string | undefined;
  const flag = params.flag as string | undefined;
  const notFlag = params.notFlag as string | undefined;
  const standard = params.standard as string | undefined;
  const members = ix.criteria.filter((c) =>
    (domainId === undefined || c.domain.id === domainId)
    && (standard === undefined || c.standardId === standard)
    && (flag === undefined || c.flags.has(flag))
    && (notFlag === undefined || !c.flags.has(notFlag))).map((c) => c.index);
  const idx = Int32Array.from(members);
  const jscale = ix.judgementScale ? ix.scales.get(ix.judgementScale) : undefined;
  const jranks = ix.judgementScale ? ix.ranks.get(ix.judgementScale) : undefined;
  const filter = jranks && isOrdered(jscale) ? rankFilter(params, jranks, jscale.values.length) : undefined;
  const flags = ix.pack.framework?.flags ?? {};
  const domainTitle = domainId ? ix.domains.find((d) => d.id === domainId)?.title ?? domainId : undefined;
  const label = [
    flag ? `${(flags[flag]?.label ?? flag).toLowerCase()} criteria` : 'criteria',
    notFlag ? `not ${(flags[notFlag]?.label ?? notFlag).toLowerCase()}` : '',
    standard ? `in standard ${standard}` : '',
    domainTitle ? `in ${domainTitle}` : '',
    filter ? `judged ${filter.words}` : '',
  ].filter(Boolean).join(' ');
  if (!filter) {
    const n = idx.length;
    return { get: () => n, label, count: true };
  }
  const mask = filter.mask;
  // The same count is often read by several rules (e.g. "Not met" by Silver, Bronze and
  // Inadequate): it is computed once per evaluation.
  const key = `${Array.from(idx).join(',')}|${mask.join('')}`;
  let slot = scope.countSlots.get(key);
  if (slot === undefined) { slot = scope.countSlots.size; scope.countSlots.set(key, slot); }
  const cacheSlot = slot;
  return {
    get: (s) => {
      const cached = s.counts[cacheSlot]!;
      if (cached >= 0) return cached;
      let n = 0;
      const r = s.ranks;
      for (let k = 0; k < idx.length; k++) {
        const v = r[idx[k]!]!;
        if (v >= 0 && mask[v] === 1) n++;
      }
      s.counts[cacheSlot] = n;
      return n;
    },
    label,
    count: true,
  };
}

function compileDomainCount(params: Record<string, unknown>, scope: CompileScope): CompiledFact {
  const ix = scope.index;
  const decisionId = params.decision as string;
  const insts = ix.instancesOf.get(decisionId) ?? [];
  const positions = insts.map((i) => ix.instances.indexOf(i));
  const scaleId = ix.pack.decisions[decisionId]?.scale ?? '';
  const ranks = ix.ranks.get(scaleId) ?? new Map<string, number>();
  const filter = rankFilter(params, ranks, ranks.size);
  const label = `domains whose ${ix.pack.decisions[decisionId]?.label ?? decisionId} is ${filter?.words ?? 'decided'}`;
  if (!filter) return { get: () => positions.length, label, count: true };
  const mask = filter.mask;
  return {
    get: (s) => {
      let n = 0;
      for (const p of positions) {
        const r = ranks.get(s.values[p] as string);
        if (r !== undefined && mask[r] === 1) n++;
      }
      return n;
    },
    label,
    count: true,
  };
}
