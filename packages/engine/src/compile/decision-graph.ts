import type { Pack } from '../types.js';
import type { PluginDeclaration } from '../language/plugin-declaration.js';

/** Every fact name (and domainCount decision) a JSON value refers to. */
export function factReferences(v: unknown, out: Set<string> = new Set()): Set<string> {
  if (v === null || typeof v !== 'object') return out;
  if (Array.isArray(v)) { for (const x of v) factReferences(x, out); return out; }
  const o = v as Record<string, unknown>;
  if (typeof o.fact === 'string') {
    out.add(o.fact);
    const params = o.params as Record<string, unknown> | undefined;
    if (o.fact === 'domainCount' && typeof params?.decision === 'string') out.add(params.decision);
  }
  for (const [k, x] of Object.entries(o)) if (k !== 'params') factReferences(x, out);
  return out;
}

/** The decision a fact name stands for: `overallRating`, or `domainRating` for `domainRating.safeguarding`. */
export function decisionOfFact(pack: Pack, fact: string): string | undefined {
  if (Object.hasOwn(pack.decisions, fact)) return fact;
  const dot = fact.indexOf('.');
  if (dot > 0) {
    const base = fact.slice(0, dot);
    if (Object.hasOwn(pack.decisions, base) && pack.decisions[base]!.forEach === 'domain') return base;
  }
  return undefined;
}

/**
 * For each decision, the decisions its rules, fallback, limiters and override floor use, with the decisions the
 * plugin facts it uses declare they read (`declarations`, see `language/plugin-declaration.ts`).
 */
export function decisionDependencies(pack: Pack, declarations?: ReadonlyMap<string, PluginDeclaration>): Map<string, Set<string>> {
  const deps = new Map<string, Set<string>>();
  for (const [id, d] of Object.entries(pack.decisions)) {
    const refs = factReferences([(d.rules ?? []).map((r) => [r.when, r.output]), d.fallback?.output ?? null, (d.limits ?? []).map((l) => l.when), d.override?.secondPersonWhenBelow ?? null]);
    const set = new Set<string>();
    for (const f of refs) {
      const dd = decisionOfFact(pack, f);
      if (dd) set.add(dd);
      for (const r of declarations?.get(f)?.reads?.decisions ?? []) if (Object.hasOwn(pack.decisions, r)) set.add(r);
    }
    deps.set(id, set);
  }
  return deps;
}

/** Every cycle in a dependency graph, each as a path that returns to its start. */
export function findCycles(deps: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (n: string): void => {
    state.set(n, 1);
    stack.push(n);
    for (const m of deps.get(n) ?? []) {
      if (!deps.has(m)) continue;
      const s = state.get(m);
      if (s === 1) cycles.push([...stack.slice(stack.indexOf(m)), m]);
      else if (s === undefined) visit(m);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const n of deps.keys()) if (!state.has(n)) visit(n);
  return cycles;
}

/** Decisions in an order where each comes after every decision it uses (graph must be acyclic). */
export function topologicalOrder(deps: Map<string, Set<string>>): string[] {
  const order: string[] = [];
  const done = new Set<string>();
  const visit = (n: string): void => {
    if (done.has(n)) return;
    done.add(n);
    for (const m of deps.get(n) ?? []) if (deps.has(m)) visit(m);
    order.push(n);
  };
  for (const n of deps.keys()) visit(n);
  return order;
}
