import { Type, type Static } from '@sinclair/typebox';
import type { Citation } from '../../types.js';
import { ParameterCountsSchema } from './parameter-counts.js';

const CitationRef = Type.Unsafe<Citation>({ $ref: '#/$defs/citation' });

/** The kinds of value a declared parameter takes, in the order hints and the docs list them. */
export const PARAMETER_TYPES = ['integer', 'number', 'date'] as const;

/** A bound or a value: a number, or a `YYYY-MM-DD` date for a parameter of type `date`. */
const ParameterValue = Type.Union([Type.Number(), Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })]);

/**
 * One declared parameter (`parameters.<name>`): a number a quality lead may change (a threshold,
 * a due time, a visit interval), with its label in the council's words, type, unit, bounds and
 * citation. Its value is `value` (one for the whole pack), or per domain in
 * `framework.domains[].parameters.<name>` (a domain's value wins inside a per-domain decision).
 */
export const ParameterDeclarationSchema = Type.Object({
  label: Type.String({ minLength: 1, description: 'What the number is, in the council\'s words ("Silver: Fully met criteria at least").' }),
  type: Type.Optional(Type.Union(PARAMETER_TYPES.map((t) => Type.Literal(t)), { description: '`integer`, `number` (the default) or `date`.' })),
  unit: Type.Optional(Type.String({ minLength: 1, description: 'The unit, in words: "criteria", "working days", "months", "days", "percent", ...' })),
  min: Type.Optional(ParameterValue),
  max: Type.Optional(ParameterValue),
  value: Type.Optional(ParameterValue),
  description: Type.Optional(Type.String()),
  source: CitationRef,
  interpretation: Type.Optional(Type.String({ description: 'Id of the interpretation the value relies on.' })),
  counts: Type.Optional(ParameterCountsSchema),
}, { additionalProperties: false, description: 'A declared parameter: label, type, unit, bounds (`min`, `max`), its value (or one per domain in `framework.domains[].parameters`) and its citation.' });

/** The pack's `parameters` section: declared parameters by name. */
export const ParametersSchema = Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_-]*$' }), ParameterDeclarationSchema, {
  description: 'Every number a quality lead may change, declared with its label, type, unit, bounds and citation; referenced as `{ "param": name }`.',
});

export type ParameterDeclaration = Static<typeof ParameterDeclarationSchema>;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

/** Whether a `{ "param": name }` reference, found anywhere in a JSON value. */
export function isParamRef(v: unknown): v is { param: string } {
  return !!v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { param?: unknown }).param === 'string';
}
