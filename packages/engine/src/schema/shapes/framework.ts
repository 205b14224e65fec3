import { Type, type Static } from '@sinclair/typebox';
import type { Citation } from './citation.js';
import { MapOf, OfTypes, ref } from './refs.js';

const citation = () => Type.Optional(ref<Citation>('citation'));
const id = () => ref<string>('id');

/** A flag a criterion can carry (`mandatory`, `advanced`). */
export const FlagDefinitionSchema = Type.Object({
  label: Type.String(),
  description: Type.Optional(Type.String()),
  source: citation(),
  interpretation: Type.Optional(Type.String()),
}, { additionalProperties: false });
export type FlagDefinition = Static<typeof FlagDefinitionSchema>;

/** A criterion: what an officer judges. */
export const CriterionSchema = Type.Object({
  id: id(),
  title: Type.String(),
  flags: Type.Optional(Type.Array(Type.String(), { uniqueItems: true })),
  /** Free tags such as CQC key lines of enquiry. */
  tags: Type.Optional(Type.Array(Type.String(), { uniqueItems: true })),
  /** Judgements this criterion may take; defaults from `framework.judgements`. */
  judgements: Type.Optional(Type.Array(Type.String(), { minItems: 1 })),
  /** True when the title is a placeholder the council must replace. */
  placeholder: Type.Optional(Type.Boolean()),
  /** The criterion's weight in `criteriaPoints` and `weightedCount` (1 unless given); a finite number. */
  weight: Type.Optional(Type.Number({ description: 'The criterion\'s weight in criteriaPoints and weightedCount (1 unless given).' })),
  description: Type.Optional(Type.String()),
  /** Interpretation this criterion's wording or flags rely on. */
  interpretation: Type.Optional(Type.String()),
}, { additionalProperties: false });
export type Criterion = Static<typeof CriterionSchema>;

/** A standard: a group of criteria within a domain. */
export const StandardSchema = Type.Object({
  id: id(),
  title: Type.String(),
  description: Type.Optional(Type.String()),
  source: citation(),
  interpretation: Type.Optional(Type.String()),
  criteria: Type.Array(CriterionSchema),
}, { additionalProperties: false });
export type Standard = Static<typeof StandardSchema>;

/** A domain: the top level of the framework. */
export const DomainSchema = Type.Object({
  id: id(),
  title: Type.String(),
  description: Type.Optional(Type.String()),
  /** Per-domain thresholds, referenced from per-domain rules as `{ "param": "name" }`; once the pack declares `parameters`, each name must be declared there. */
  parameters: Type.Optional(MapOf(OfTypes(['number', 'string']))),
  source: citation(),
  interpretation: Type.Optional(Type.String()),
  standards: Type.Array(StandardSchema),
}, { additionalProperties: false });
export type Domain = Static<typeof DomainSchema>;

/** `$defs.framework`: domains > standards > criteria, with the judgements criteria may take. */
export const FrameworkSchema = Type.Object({
  /** Display names of the three levels in the council's words. */
  labels: Type.Optional(Type.Object({
    domain: Type.Optional(Type.String()),
    standard: Type.Optional(Type.String()),
    criterion: Type.Optional(Type.String()),
  }, { additionalProperties: false })),
  judgements: Type.Object({
    /** The ordered scale judgements are on. */
    scale: Type.String(),
    /** Judgements a criterion may take unless a flag or the criterion says otherwise. */
    default: Type.Array(Type.String(), { minItems: 1 }),
    /** Judgements allowed by carrying a flag (union over the criterion's flags). */
    byFlag: Type.Optional(MapOf(Type.Array(Type.String()))),
    /** When true an assessment must judge every criterion. */
    required: Type.Optional(Type.Boolean()),
  }, { additionalProperties: false }),
  flags: Type.Optional(MapOf(FlagDefinitionSchema)),
  /** Interpretations the framework's structure relies on (e.g. which criteria are mandatory). */
  interpretations: Type.Optional(Type.Array(Type.String(), { description: 'Interpretations the framework\'s structure relies on.' })),
  tags: Type.Optional(MapOf(Type.String())),
  domains: Type.Array(DomainSchema, { minItems: 1 }),
  source: citation(),
}, { additionalProperties: false });
export type Framework = Static<typeof FrameworkSchema>;
