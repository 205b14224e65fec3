import { Type, type TSchema } from '@sinclair/typebox';
import type { CompileScope } from '../compile/compile-fact.js';
import type { Getter } from '../compile/eval-state.js';
import type { Expression } from './expression-type.js';
import type { FactRefs } from './fact.js';
import type { ParameterUse } from './parameters/parameter-use.js';

/**
 * Stands for a nested expression in a fragment's static type; `expression-type.ts` puts
 * `Expression` in its place, so the fragments can refer to the whole they are part of.
 */
export interface NestedExpression { readonly __nestedExpression: true }

/** A nested expression in a schema fragment: a reference to `#/$defs/expression`. */
export const Nested = (): TSchema & { static: NestedExpression } => Type.Unsafe<NestedExpression>({ $ref: '#/$defs/expression' });

/** How an expression's compile function compiles what it holds. */
export interface ExpressionCompileContext {
  scope: CompileScope;
  /** The scale `max`/`min` order by (the decision's scale for outputs), if any. */
  scale?: string;
  /** The expression's JSON pointer in the pack ('' when compiled on its own), for evaluation errors. */
  pointer: string;
  /** Compiles a nested expression on the same scale (its value is the expression's value), at `key` under the pointer. */
  sub: (e: Expression, key?: string) => Getter;
  /** Compiles a nested expression with no scale (a date, a number, a mapping's input), at `key` under the pointer. */
  plain: (e: Expression, key?: string) => Getter;
  /** Compiles a nested expression whose values lie on another scale (a mapping's input: its `from` scale), at `key` under the pointer. */
  onScale: (e: Expression, scale: string | undefined, key?: string) => Getter;
}

/** What an expression's meaning check can use. */
export interface ExpressionCheckContext {
  /** The expression's pointer. */
  pointer: string;
  err: (pointer: string, message: string, hint?: string, code?: string) => void;
  /** Checks a fact reference (`fact` at `pointer`). */
  checkFactRef: (fact: string, params: Record<string, unknown> | undefined, pointer: string) => void;
  /** Checks a parameter reference: declared (or given by every domain), and, with a use, of a type and unit that fit it. */
  checkParam: (name: string, pointer: string, use?: ParameterUse) => void;
  /** The values a parameter takes here: one per domain inside a per-domain decision, else its pack-wide value (none when unresolved). */
  paramValues: (name: string) => unknown[];
  /** The values of an ordered scale of the pack, if it is one. */
  scaleValues?: (id: string) => readonly string[] | undefined;
  /** Mapping ids of the pack, and each mapping's target scale. */
  mappingTo: (id: string) => string | undefined;
  mappingIds: () => string[];
  /** Checks a nested expression whose value is the expression's value (outputs on a scale), at `key` under the pointer. */
  sub: (e: Expression, key: string) => void;
  /** Checks a nested expression whose value is only an input (a date, a number), at `key` under the pointer. */
  plain: (e: Expression, key: string) => void;
  /** Reports a value the expression gives (for checking an output against its decision's scale). */
  onScale?: (value: unknown, pointer: string) => void;
}

/**
 * One expression form of the pack language (`{ "map": ..., "of": ... }`, `{ "sum": [...] }`):
 * the key that names it, its schema fragment (TypeBox, so its TypeScript type is derived from
 * it), its meaning check, its compile function, its analyser hook and its docs row.
 */
export interface ExpressionDefinition {
  /** The property that names the form. */
  readonly key: string;
  /** The JSON Schema of the form (an object with `key`). */
  readonly schema: TSchema;
  /** The form as written, for the docs table: `{ "sum": [expr, ...] }`. */
  readonly syntax: string;
  /** One sentence for the docs table. */
  readonly doc: string;
  readonly check: (o: Record<string, unknown>, ctx: ExpressionCheckContext) => void;
  readonly compile: (e: Record<string, unknown>, ctx: ExpressionCompileContext) => Getter;
  /**
   * The form in plain words, given words for its nested expressions (`fact` and `param` have
   * none here: their words depend on the pack and the domain, so the caller supplies them).
   */
  readonly words?: (o: Record<string, unknown>, w: (e: Expression) => string) => string;
  /**
   * Notes what the analyser must vary for it, beyond the facts it reads; returns true when it has
   * noted what it holds itself (the analyser then does not look inside it).
   */
  readonly analyse?: (refs: FactRefs, o: Record<string, unknown>, domainId: string | undefined) => boolean | void;
}
