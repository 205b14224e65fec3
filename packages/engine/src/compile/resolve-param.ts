import type { CompileScope } from './compile-fact.js';
import { ownMember } from './own-member.js';

/**
 * Replaces `{ "param": name }` by its value: the current domain's (`framework.domains[].parameters`)
 * inside a per-domain decision, else the pack-wide `value` of the declared parameter (`parameters`).
 */
export function resolveParam(name: string, scope: CompileScope): unknown {
  // Own members only: a parameter named `toString` is not every object's function of that name.
  return ownMember(scope.index.domains[scope.domainIndex]?.parameters, name) ?? ownMember(scope.index.pack.parameters, name)?.value;
}

/**
 * A copy of a pack value (a rule's condition or output) with every `{ "param": name }` replaced by
 * the parameter's value in the scope, where it has one: what the analyser reads, so a number
 * compared with a parameter, a band threshold or a date amount given by one is partitioned on
 * the parameter's current value as a literal is. A value with no parameter is returned as it is.
 */
export function withParamsResolved<T>(value: T, scope: Pick<CompileScope, 'index' | 'domainIndex'>): T {
  const walk = (v: unknown): unknown => {
    if (!v || typeof v !== 'object') return v;
    if (Array.isArray(v)) { const out = v.map(walk); return out.some((x, i) => x !== v[i]) ? out : v; }
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && typeof o.param === 'string') {
      const r = resolveParam(o.param, scope as CompileScope);
      return r === undefined ? v : r;
    }
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const k of keys) { out[k] = walk(o[k]); if (out[k] !== o[k]) changed = true; }
    return changed ? out : v;
  };
  return walk(value) as T;
}
