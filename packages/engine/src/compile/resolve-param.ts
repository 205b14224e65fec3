import type { CompileScope } from './compile-fact.js';

/**
 * Replaces `{ "param": name }` by its value: the current domain's (`framework.domains[].parameters`)
 * inside a per-domain decision, else the pack-wide `value` of the declared parameter (`parameters`).
 */
export function resolveParam(name: string, scope: CompileScope): unknown {
  return scope.index.domains[scope.domainIndex]?.parameters?.[name] ?? scope.index.pack.parameters?.[name]?.value;
}
