/**
 * The OpenQAF pack DSL and the determination contract, as TypeScript types.
 *
 * The JSON Schema in `schema/pack.schema.json` is the published form of the same
 * shapes; `docs/pack-format.md` explains each concept with examples.
 * @see ../../../docs/pack-format.md
 */

/**
 * The pack's shapes are declared once, in TypeBox, in `schema/shapes/` and `language/`;
 * `schema/pack-schema.ts` assembles the JSON Schema from them and these are their static types.
 */
export type { Citation } from './schema/shapes/citation.js';
export type { SourceDocument } from './schema/shapes/source-document.js';
export type { PackMetadata } from './schema/shapes/metadata.js';
export type { OrderedScale, NumericScale, Scale } from './schema/shapes/scale.js';
export type { Mapping } from './schema/shapes/mapping.js';
export type { FlagDefinition, Criterion, Standard, Domain, Framework } from './schema/shapes/framework.js';
export type { LeafCondition, LeftExpression, AllCondition, AnyCondition, NotCondition, Condition } from './schema/shapes/condition.js';
export type { Rule } from './schema/shapes/rule.js';
export type { HitPolicy, Fallback, Decision } from './schema/shapes/decision.js';
export type { Offset, Action } from './schema/shapes/action.js';
export type { Warning } from './schema/shapes/warning.js';
export type { ScheduleEntry } from './schema/shapes/schedule-entry.js';
export type { ScoreDefinition } from './schema/shapes/score.js';
export type { Outcomes } from './schema/shapes/outcomes.js';
export type { Interpretation } from './schema/shapes/interpretation.js';
export type { CaseAcceptance, CaseExpectation, PackCase } from './schema/shapes/case.js';
export type { ExtensionDeclarations } from './schema/shapes/extensions.js';
export type { InputSchema, InputFactSchema } from './schema/shapes/inputs.js';
export type { Pack } from './schema/shapes/pack.js';
export type { Expression } from './language/expression-type.js';
export type { DecidedBy, Override } from './language/human-decision.js';
export type { ParameterDeclaration } from './language/parameters/parameter-declaration.js';
export type { RecordedDecision } from './schema/shapes/recorded-decision.js';
export type { Assessment } from './schema/shapes/assessment.js';
export type { CustomOperator, CustomFact, Extensions, CouncilPlugin } from './schema/shapes/extensions.js';
export type { PluginDeclaration } from './language/plugin-declaration.js';
export type { OperatorDeclaration, OperatorValueType } from './language/plugin-operator.js';

// The determination contract: declared in TypeBox like the pack (`schema/determination-schema.ts`
// publishes `assessment.schema.json` and `determination.schema.json`); these are its static types.
export type { DeterminationAction } from './schema/shapes/determination-action.js';
export type { DeterminationScheduleEntry } from './schema/shapes/determination-schedule-entry.js';
export type { DeterminationWarning } from './schema/shapes/determination-warning.js';
export type { DeterminationProposal } from './schema/shapes/determination-proposal.js';
export type { DeterminationDecidedBy } from './schema/shapes/determination-decided-by.js';
export type { TraceEntry } from './schema/shapes/trace-entry.js';
export type { Determination } from './schema/shapes/determination.js';
