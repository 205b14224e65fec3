import { Type, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox';
import type { Resolve } from '../../language/expression-type.js';

/**
 * Building blocks of the pack's shape declarations (`schema/shapes/`): a reference to a named
 * `$defs` entry typed as what it names, a map of named entries (`additionalProperties`, the
 * form the schema reference reads as "map of"), and a `oneOf` choice typed as the union of its forms.
 */

/** `{ "$ref": "#/$defs/<name>" }`, typed as `T`. */
export const ref = <T>(name: string, options: Record<string, unknown> = {}): TUnsafe<T> => Type.Unsafe<T>({ $ref: `#/$defs/${name}`, ...options });

/** An object whose every property is `T` (`{ "type": "object", "additionalProperties": T }`). */
export const MapOf = <T extends TSchema>(of: T, options: Record<string, unknown> = {}): TUnsafe<Record<string, Static<T>>> =>
  Type.Unsafe<Record<string, Static<T>>>({ type: 'object', additionalProperties: of, ...options });

/** Exactly one of the forms (`oneOf`), typed as their union. */
export const OneOf = <T extends TSchema[]>(forms: [...T], options: Record<string, unknown> = {}): TUnsafe<Static<T[number]>> =>
  Type.Unsafe<Static<T[number]>>({ ...options, oneOf: forms });

/** Any JSON object (`{ "type": "object" }`), typed as `T`. */
export const AnyObject = <T = Record<string, unknown>>(options: Record<string, unknown> = {}): TUnsafe<T> => Type.Unsafe<T>({ type: 'object', ...options });

/** One of these values (`{ "enum": [...] }`), typed as their union. */
export const OneOfValues = <const V extends readonly (string | number)[]>(values: V, options: Record<string, unknown> = {}): TUnsafe<V[number]> =>
  Type.Unsafe<V[number]>({ enum: [...values], ...options });

/** Exactly this value (`{ "const": v }`). */
export const Exactly = <const V extends string | number>(value: V, options: Record<string, unknown> = {}): TUnsafe<V> => Type.Unsafe<V>({ const: value, ...options });

/** A language fragment holding nested expressions, typed with each one as `Expression` (`language/expression-type.ts`). */
export const WithExpressions = <T extends TSchema>(fragment: T): TUnsafe<Resolve<Static<T>>> => Type.Unsafe<Resolve<Static<T>>>(fragment);

interface JsonTypes { number: number; string: string; boolean: boolean; null: null }
/** A value of one of these JSON types (`{ "type": ["number", "string"] }`), typed as their union. */
export const OfTypes = <const N extends readonly (keyof JsonTypes)[]>(names: N): TUnsafe<JsonTypes[N[number]]> =>
  Type.Unsafe<JsonTypes[N[number]]>({ type: [...names] });
