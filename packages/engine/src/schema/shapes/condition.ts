import { Type, type Static } from '@sinclair/typebox';
import { AnyObject, OneOf, ref } from './refs.js';

/** Stands for a nested condition in the forms' static types (the schema refers to `$defs.condition`). */
export interface NestedCondition { readonly __nestedCondition: true }
const nested = () => Type.Unsafe<NestedCondition>({ $ref: '#/$defs/condition' });
/** A form's static type with each nested condition replaced by `Condition`. */
type WithConditions<T> = T extends NestedCondition ? Condition
  : T extends readonly (infer U)[] ? WithConditions<U>[]
    : T extends Record<string, unknown> ? { [K in keyof T]: WithConditions<T[K]> }
      : T;

/** All of the conditions hold. */
export const AllConditionSchema = Type.Object({ all: Type.Array(nested()), label: Type.Optional(Type.String()) }, { additionalProperties: false });
/** At least one of the conditions holds. */
export const AnyConditionSchema = Type.Object({ any: Type.Array(nested()), label: Type.Optional(Type.String()) }, { additionalProperties: false });
/** The condition does not hold. */
export const NotConditionSchema = Type.Object({ not: nested(), label: Type.Optional(Type.String()) }, { additionalProperties: false });
/**
 * The expression a leaf compares instead of a fact: an expression form (`{ "subtract": [...] }`),
 * held by the schema to `#/$defs/expression` and by the meaning checks to a form. Typed as an
 * object of its own rather than the `Expression` union: the union inside every `Condition` made
 * the server's inferred route types too long for the compiler to write out (TS7056).
 */
export interface LeftExpression { readonly [key: string]: unknown }

/**
 * JSON-rules-engine leaf condition (with OpenQAF's scale operators). Its left side is a `fact`
 * or, in OpenQAF, an `expression` (exactly one of them: a meaning check refuses both or neither).
 */
export const LeafConditionSchema = Type.Object({
  fact: Type.Optional(Type.String({ description: 'The fact (or decision) compared. Give this or `expression`.' })),
  expression: Type.Optional(ref<LeftExpression>('expression', { description: 'An expression compared instead of a fact, e.g. { "subtract": [{ "fact": "weightedScore" }, { "fact": "penaltyPoints" }] }. Give this or `fact`.' })),
  operator: Type.String(),
  value: Type.Unknown(),
  params: Type.Optional(AnyObject()),
  path: Type.Optional(Type.String()),
  /** Plain words for the trace, e.g. "at least 9 criteria Fully met". */
  label: Type.Optional(Type.String()),
}, { additionalProperties: false });

/** `$defs.condition`: all / any / not, or a leaf. */
export const ConditionSchema = OneOf([AllConditionSchema, AnyConditionSchema, NotConditionSchema, LeafConditionSchema], {
  description: 'A json-rules-engine condition: all / any / not, or a leaf.',
});

export type LeafCondition = Static<typeof LeafConditionSchema>;
export type AllCondition = WithConditions<Static<typeof AllConditionSchema>>;
export type AnyCondition = WithConditions<Static<typeof AnyConditionSchema>>;
export type NotCondition = WithConditions<Static<typeof NotConditionSchema>>;
export type Condition = LeafCondition | AllCondition | AnyCondition | NotCondition;
