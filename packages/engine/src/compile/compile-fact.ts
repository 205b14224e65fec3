import type { Extensions } from '../types.js';
import type { EvalState, Getter } from './eval-state.js';
import type { PackIndex } from './pack-index.js';
import { FACT_BY_NAME } from '../language/registry.js';

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
  /** For a count with a filter, what it counted (criteria by index in the pack, or domains by index), for an explanation. */
  counted?: (s: EvalState) => number[];
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
  const builtin = FACT_BY_NAME.get(fact);
  if (builtin) return builtin.compile(params, scope);
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
