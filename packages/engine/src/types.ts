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
export type { LeafCondition, AllCondition, AnyCondition, NotCondition, Condition } from './schema/shapes/condition.js';
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
export type { DecidedBy, Override, RecordedDecision } from './language/human-decision.js';
export type { ParameterDeclaration } from './language/parameters/parameter-declaration.js';
import type { Pack } from './schema/shapes/pack.js';
import type { RecordedDecision } from './language/human-decision.js';
import type { PluginDeclaration } from './language/plugin-declaration.js';
import type { OperatorDeclaration } from './language/plugin-operator.js';
import type { Explanation } from './explain/explanation.js';

/** An assessment: what an officer records. */
export interface Assessment {
  /** ISO date of the assessment (visit) — the date due dates run from. */
  date: string;
  /** Criterion id -> judgement. */
  judgements?: Record<string, string>;
  /** Named facts, as declared in the pack's `inputs`. */
  facts?: Record<string, unknown>;
  /** Decision instance id -> the decision a person recorded (of a `decidedBy` decision) or an override. */
  decisions?: Record<string, RecordedDecision>;
}

/** A custom operator: `(factValue, conditionValue) => boolean`. */
export type CustomOperator = (factValue: unknown, value: unknown) => boolean;
/** A custom fact: computed from params and the evaluation's facts. */
export type CustomFact = (params: Record<string, unknown>, facts: Readonly<Record<string, unknown>>) => unknown;
export type { PluginDeclaration } from './language/plugin-declaration.js';
export type { OperatorDeclaration, OperatorValueType } from './language/plugin-operator.js';

/** What a council plugin package contributes. */
export interface Extensions {
  operators?: Record<string, CustomOperator>;
  facts?: Record<string, CustomFact>;
  /** Per plugin fact: what it reads and returns, so ordering, validation and analysis treat it like a built-in. */
  declarations?: Record<string, PluginDeclaration>;
  /** Per plugin operator: what it compares, the value it takes, its words and where its verdict changes, so validation checks its uses, explanations word it and the analyser partitions on it. */
  operatorDeclarations?: Record<string, OperatorDeclaration>;
}

/** A council plugin: the default export of `@openqaf/councils-<slug>`. */
export interface CouncilPlugin {
  id: string;
  name: string;
  pack: Pack;
  extensions?: Extensions;
}

// ---------------------------------------------------------------- determination

/** A warning about the determination (`outcomes.warnings`) whose condition held. */
export interface DeterminationWarning {
  id: string;
  message: string;
  /** The document and section it rests on ("003 A2.grant"). */
  citation: string;
  interpretation?: string;
}

export interface DeterminationAction {
  id: string;
  label: string;
  owner: string;
  due: string;
  source: string;
  interpretation?: string;
}

export interface DeterminationScheduleEntry {
  id: string;
  activity: string;
  label: string;
  everyMonths?: number;
  everyDays?: number;
  /** Set for entries due on a day of each month. */
  dayOfMonth?: number;
  nextDue: string;
  source: string;
}

/**
 * One line of explanation in words: a decision's rule that fired or did not, with fact values.
 * Determinations stored before the explanation became data (format 2) carry these as `trace`;
 * `explainDetermination` gives them for either.
 */
export interface TraceEntry {
  decision: string;
  rule: string;
  label?: string;
  output?: unknown;
  fired: boolean;
  /** Why it did or did not fire, in plain words. */
  because: string[];
  source?: string;
}

/** A decision a person takes that is not yet recorded: the value its rules propose, who decides and by when. */
export interface DeterminationProposal {
  decision: string;
  proposed: unknown;
  role: string;
  roleLabel: string;
  /** The date the decision is due by (`decidedBy.within` from the assessment date), if the pack gives one. */
  due?: string;
  source: string;
  /** What the rest of the pack read meanwhile: the proposed value, or null (`undecided`). */
  meanwhile: 'proposed' | 'undecided';
}

/** A decision taken by a person (or overridden), as the determination records it. */
export interface DeterminationDecidedBy extends RecordedDecision {
  /** What the pack's rules gave. */
  computed: unknown;
  /** `decision`: a person the pack names took it; `override`: an officer replaced the computed value. */
  kind: 'decision' | 'override';
  role?: string;
}

export interface Determination {
  pack: { id: string; version: string; hash: string };
  asOf: string;
  assessmentDate: string;
  /** `pending` when the headline, or a decision it rests on, awaits a person's decision. */
  headline: { decision: string; value: unknown; scale: string; pending?: true };
  decisions: Record<string, unknown>;
  actions: DeterminationAction[];
  schedule: DeterminationScheduleEntry[];
  scores: Record<string, number | null>;
  interpretations: { id: string; title: string; note: string }[];
  /** Warnings about the determination itself (present only when some hold; stored determinations made before warnings have none). */
  warnings?: DeterminationWarning[];
  /** Decisions awaiting a person (present only when some are). */
  proposals?: DeterminationProposal[];
  /** Decisions taken by a person or overridden, by instance id (present only when some were). */
  decidedBy?: Record<string, DeterminationDecidedBy>;
  /** The explanation in words, as determinations made before format 2 carry it (never made now). */
  trace?: TraceEntry[];
  /** The explanation as data (with `explain`): see `explain/explanation.ts`. */
  explanation?: Explanation;
}
