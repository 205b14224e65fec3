import type { CustomOperator } from '../types.js';
import { OPERATORS, OPERATOR_BY_NAME } from '../language/registry.js';
import type { PlainOperatorDefinition, ScaleOperatorDefinition } from '../language/operator.js';

/** Operators compared by a scale's order; they need to know the fact's scale. */
export const SCALE_OPERATORS: ReadonlySet<string> = new Set(OPERATORS.filter((o): o is ScaleOperatorDefinition => o.kind === 'scale').map((o) => o.name));

/**
 * The operators with one test for every fact (from the language registry): json-rules-engine's
 * defaults with the same semantics, plus OpenQAF's date and presence operators. Scale operators
 * are built per scale by `scaleOperator`.
 */
export const PLAIN_OPERATORS: Readonly<Record<string, CustomOperator>> = Object.fromEntries(
  OPERATORS.filter((o): o is PlainOperatorDefinition => o.kind === 'plain').map((o) => [o.name, o.test]),
);

/** Every operator name the engine knows without plugins. */
export const BUILTIN_OPERATORS: ReadonlySet<string> = new Set(OPERATORS.map((o) => o.name));

/**
 * An operator comparing two values by their rank on a scale; false when either is not on it.
 * For a numeric scale the ranks are the numbers themselves.
 */
export function scaleOperator(op: string, ranks: ReadonlyMap<string, number> | undefined): CustomOperator {
  const { rank, cmp } = scaleOrder(op, ranks);
  return (a, b) => {
    const x = rank(a);
    const y = rank(b);
    return x !== undefined && y !== undefined && cmp(x, y);
  };
}

/**
 * `scaleOperator` against a value fixed by the pack (a literal or a parameter): its rank is
 * looked up once, when the condition is compiled, rather than at every evaluation.
 */
export function scaleTestAgainst(op: string, ranks: ReadonlyMap<string, number> | undefined, b: unknown): (a: unknown) => boolean {
  const { rank, cmp } = scaleOrder(op, ranks);
  const y = rank(b);
  if (y === undefined) return () => false;
  return (a) => {
    const x = rank(a);
    return x !== undefined && cmp(x, y);
  };
}

function scaleOrder(op: string, ranks: ReadonlyMap<string, number> | undefined): { rank: (v: unknown) => number | undefined; cmp: (x: number, y: number) => boolean } {
  const rank = ranks
    ? (v: unknown): number | undefined => ranks.get(v as string)
    : (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  const def = OPERATOR_BY_NAME.get(op);
  const cmp = def?.kind === 'scale' ? def.compareRanks : (x: number, y: number) => x < y;
  return { rank, cmp };
}
