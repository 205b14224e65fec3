/**
 * Derived decisions: a decision another decision reads, whose own inputs all lie in the reading
 * decision's input space, is not an independent input. Birmingham's "Quality Monitoring Visit
 * band" is worked out from the five domain ratings, so a score reading both the band and the
 * domain ratings can never see "band Gold with two domains Inadequate". Varying such a decision
 * as a dimension of its own visits points no assessment can reach, and reports rules as
 * reachable (or gaps as open) only there. Here such a decision is taken out of the space and
 * computed at every point from the inputs it is derived from, as evaluation would.
 */
import type { CompiledInstance, CompiledPack } from '../compile/compile-pack.js';
import type { EvalState } from '../compile/eval-state.js';
import { decideInstance } from '../evaluate/decide.js';
import { takesRecordedDecision } from '../language/human-decision.js';
import { applyLimits } from '../language/limits.js';
import { ruleReads, type Dimension } from './input-space.js';

/** An input space with its derived decisions taken out of it. */
export interface DerivedDecisions {
  /** The dimensions left to vary: the space's, less the derived decisions'. */
  dims: Dimension[];
  /** The decision instances computed, not varied, in evaluation order. */
  instances: CompiledInstance[];
  /** Writes each derived decision's value into the state, from the inputs already written there. */
  derive: (s: EvalState) => void;
  /**
   * A rule's read keys (`ruleReads`) with each derived decision's own key replaced by the keys
   * it is derived from (through every derived decision it reads in turn).
   */
  expand: (keys: Set<string> | '*') => Set<string> | '*';
}

/** The dimension of one decision instance: it writes that instance's value and nothing else. */
function instanceOfDimension(c: CompiledPack, d: Dimension): CompiledInstance | undefined {
  const only = d.reads?.length === 1 ? d.reads[0]! : undefined;
  if (!only?.startsWith('v:')) return undefined;
  return c.instances.find((i) => i.id === only.slice(2));
}

/**
 * A decision whose value a point of the space can fix: not one a person takes or overrides (a
 * recorded decision may give any value, whatever the inputs), whose reads can be told.
 */
function derivableReads(c: CompiledPack, inst: CompiledInstance): Set<string> | undefined {
  if (takesRecordedDecision(inst.decision)) return undefined;
  const d = inst.decision;
  const reads = ruleReads(c, inst, [...(d.rules ?? []).flatMap((r) => [r.when, r.output]), d.fallback?.output, ...(d.limits ?? []).map((l) => l.when)]);
  return reads === '*' ? undefined : reads;
}

/**
 * Takes out of `dims` (the input space of `inst`, from `inputSpace`) every decision derived
 * from the rest: one whose reads are all written by the space's other dimensions (varied, or
 * derived themselves: the decision graph has no cycles, so each is computed after what it reads). A group of domain decisions read by count (`domains:<decision>`) counts
 * as written where each of its members is.
 * @example
 * const { dims, derive } = derivedDecisions(c, homeSupportBaseScore, inputSpace(c, homeSupportBaseScore));
 * // visitBand is gone from dims; derive(state) writes it from the domain ratings in state
 */
export function derivedDecisions(c: CompiledPack, inst: CompiledInstance, dims: Dimension[]): DerivedDecisions {
  const candidates = new Map<number, { inst: CompiledInstance; reads: Set<string> }>();
  dims.forEach((d, i) => {
    const other = instanceOfDimension(c, d);
    const reads = other && other !== inst ? derivableReads(c, other) : undefined;
    if (other && reads) candidates.set(i, { inst: other, reads });
  });
  // Every dimension writes its keys at each point, varied or (a derived decision) computed.
  const written = new Set(dims.flatMap((d) => d.reads ?? []));
  const isWritten = (key: string): boolean => {
    if (written.has(key)) return true;
    const group = /^domains:(.+)$/.exec(key);
    const members = group ? c.index.instancesOf.get(group[1]!) ?? [] : [];
    return members.length > 0 && members.every((m) => written.has(`v:${m.id}`));
  };
  const taken = new Set([...candidates].filter(([, cand]) => [...cand.reads].every(isWritten)).map(([i]) => i));
  const order = new Map(c.order.map((x, i) => [x.id, i]));
  const derived = [...taken].map((i) => candidates.get(i)!).sort((a, b) => order.get(a.inst.id)! - order.get(b.inst.id)!);
  const instances = derived.map((x) => x.inst);
  // What each derived decision stands for, in evaluation order so a decision it reads is known first.
  const standsFor = new Map<string, Set<string>>();
  const replaced = (keys: Iterable<string>): Set<string> => {
    const out = new Set<string>();
    for (const k of keys) {
      const inner = standsFor.get(k);
      if (inner) for (const j of inner) out.add(j); else out.add(k);
    }
    return out;
  };
  for (const x of derived) standsFor.set(`v:${x.inst.id}`, replaced(x.reads));
  return {
    dims: dims.filter((_, i) => !taken.has(i)),
    instances,
    derive: (s) => {
      for (const x of instances) {
        // Off its scale or a gap, the decision has no value: evaluation would stop there, so no rule reads one.
        let value: unknown;
        try { value = decideInstance(x, s).value; } catch { value = undefined; }
        if (x.limits && value !== undefined) value = applyLimits(x.limits, value, s, x.ranks ? (v) => x.ranks!.get(v as string) : (v) => (typeof v === 'number' ? v : undefined)).value;
        s.values[x.slot] = value;
      }
    },
    expand: (keys) => (keys === '*' || !instances.length ? keys : replaced(keys)),
  };
}
