import type { Extensions } from '../types.js';
import type { EvalState, Getter } from './eval-state.js';
import type { PackIndex } from './pack-index.js';
import { FACT_BY_NAME } from '../language/registry.js';
import { domainInstanceId } from './domain-reference.js';
import { inputFactLabel } from './input-fact-label.js';
import { decisionOfFact } from './decision-graph.js';
import { inheritedName, ownMember } from './own-member.js';
import { checkedReturns, guardedFacts, pluginDeclarations, pluginReadKey, resolvePluginParams } from '../language/plugin-declaration.js';

/** Where a fact is being compiled: the pack, the plugin extensions and the current domain. */
export interface CompileScope {
  index: PackIndex;
  extensions: Extensions;
  /** Domain index inside a per-domain decision, else -1. */
  domainIndex: number;
  /** Distinct criteria counts -> their slot in the state's count cache (shared by the whole pack). */
  countSlots: Map<string, number>;
  /** The decision instance being compiled, for evaluation errors of plugin facts. */
  where?: string;
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
  /**
   * Where `get` reads the value as it is, when it does: a decision's slot in the state's values,
   * or an input fact by name. A test against a fixed value then reads it in place.
   */
  reads?: { slot: number } | { input: string };
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

/**
 * Compiles a fact reference (`fact` + `params` + `path`) into a reader with a plain-words label;
 * `pointer` is where the reference is in the pack (for the evaluation error of a plugin fact
 * returning a value it does not declare).
 */
export function compileFact(fact: string, params: Record<string, unknown> = {}, path: string | undefined, scope: CompileScope, pointer?: string): CompiledFact {
  const base = compileBareFact(fact, params, scope, pointer);
  if (!path) return base;
  const get = base.get;
  return { get: (s) => readPath(get(s), path), label: `${base.label} ${path}` };
}

function compileBareFact(fact: string, params: Record<string, unknown>, scope: CompileScope, pointer: string | undefined): CompiledFact {
  const ix = scope.index;
  const builtin = FACT_BY_NAME.get(fact);
  if (builtin) return builtin.compile(params, scope);
  const sameDomain = domainInstanceId(ix, fact, params, ix.domains[scope.domainIndex]?.id);
  const inst = ix.instancesById.get(sameDomain ?? fact);
  if (inst) {
    const i = ix.instances.indexOf(inst);
    const label = inst.domain ? `${inst.decision.label} for ${inst.domain.title}` : inst.decision.label;
    return { get: (s) => s.values[i], label, scale: inst.decision.scale, reads: { slot: i } };
  }
  const plugin = ownMember(scope.extensions.facts, fact);
  if (plugin && !ix.inputFacts.has(fact)) {
    const domain = ix.domains[scope.domainIndex];
    // `$domain` (and a domain parameter) reach the plugin resolved.
    const resolved = resolvePluginParams(params, domain, ix.pack.parameters);
    const key = pluginReadKey(fact, resolved);
    const decl = pluginDeclarations(ix.pack, scope.extensions).get(fact);
    const where = scope.where ?? fact;
    // Held to what it declares it reads (guardedFacts) and returns (checkedReturns).
    const call = checkedReturns(fact, decl, ix.pack, decl?.reads
      ? (s: EvalState) => plugin(resolved, guardedFacts(fact, decl, factsView(s, ix), (k) => decisionOfFact(ix.pack, k), ix.inputFacts, where))
      : (s: EvalState) => plugin(resolved, factsView(s, ix)), pointer, where);
    return {
      get: (s) => (s.pluginFacts !== undefined && s.pluginFacts.has(key) ? s.pluginFacts.get(key) : call(s)),
      label: fact,
      ...(decl?.returns?.scale ? { scale: decl.returns.scale } : {}),
    };
  }
  const schema = ownMember(ix.pack.inputs.properties, fact);
  const label = inputFactLabel(fact, schema);
  const scale = schema?.['x-scale'];
  // A fact named as a property every object inherits (`toString`) is read as the assessment's own
  // member only, and not in place (`reads`): not given, it is undefined, as any other fact not given.
  if (inheritedName(fact)) return { get: (s) => ownMember(s.facts, fact), label, ...(scale ? { scale } : {}) };
  return { get: (s) => s.facts[fact], label, ...(scale ? { scale } : {}), reads: { input: fact } };
}

/** A read-only object of every fact and decision value, for plugin facts. */
function factsView(s: EvalState, ix: PackIndex): Readonly<Record<string, unknown>> {
  const view: Record<string, unknown> = { ...s.facts, assessmentDate: s.assessmentDate, asOf: s.asOf };
  ix.instances.forEach((inst, i) => { if (s.values[i] !== undefined) view[inst.id] = s.values[i]; });
  return Object.freeze(view);
}
