import type { CompileScope } from './compile-fact.js';

/** Replaces `{ "param": name }` by the current domain's parameter. */
export function resolveParam(name: string, scope: CompileScope): unknown {
  return scope.index.domains[scope.domainIndex]?.parameters?.[name];
}
