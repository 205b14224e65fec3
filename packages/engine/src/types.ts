/**
 * The OpenQAF pack DSL and the determination contract, as TypeScript types.
 *
 * The JSON Schema in `schema/pack.schema.json` is the published form of the same
 * shapes; `docs/pack-format.md` explains each concept with examples.
 * @see ../../../docs/pack-format.md
 */

/** A citation: a document id declared in `sources` and one of its sections. */
export interface Citation {
  doc: string;
  section: string;
  /** Optional short quotation or page reference, shown beside the citation. */
  quote?: string;
}

/** One source document a pack encodes. */
export interface SourceDocument {
  title: string;
  publisher?: string;
  date?: string;
  /** File name of the document in the council's own archive, if any. */
  file?: string;
  /** Section number -> section heading. Every citation must name one of these. */
  sections: Record<string, string>;
}

export interface PackMetadata {
  /** The council slug, e.g. `birmingham`. */
  id: string;
  council: string;
  title: string;
  /** Semver of this pack version. */
  version: string;
  /** ISO date the framework takes effect. */
  effectiveFrom: string;
  /** Ids of the `sources` this pack encodes. */
  documents: string[];
  description?: string;
}

/** An ordered set of values, lowest first (`Inadequate < Bronze < Silver < Gold`). */
export interface OrderedScale {
  label: string;
  values: string[];
  /** Optional plain-words description per value. */
  descriptions?: Record<string, string>;
  /** Points each value scores (a statement scored 1-4; Excellent 3 ... Poor 0), read by `criteriaPoints`: every value, or none. */
  points?: Record<string, number>;
  source?: Citation;
}

/** A numeric scale: integers or decimals within a range, ordered numerically. */
export interface NumericScale {
  label: string;
  numeric: { min: number; max: number; integer?: boolean };
  source?: Citation;
}

export type Scale = OrderedScale | NumericScale;

/** A total table from every value of one scale to a value of another. */
export interface Mapping {
  label?: string;
  from: string;
  to: string;
  table: Record<string, string>;
  source: Citation;
}

/** A flag a criterion can carry (`mandatory`, `advanced`). */
export interface FlagDefinition {
  label: string;
  description?: string;
  source?: Citation;
  interpretation?: string;
}

export interface Criterion {
  id: string;
  title: string;
  flags?: string[];
  /** Free tags such as CQC key lines of enquiry. */
  tags?: string[];
  /** Judgements this criterion may take; defaults from `framework.judgements`. */
  judgements?: string[];
  /** True when the title is a placeholder the council must replace. */
  placeholder?: boolean;
  /** The criterion's weight in `criteriaPoints` and `weightedCount` (1 unless given); a finite number. */
  weight?: number;
  description?: string;
  /** Interpretation this criterion's wording or flags rely on. */
  interpretation?: string;
}

export interface Standard {
  id: string;
  title: string;
  description?: string;
  criteria: Criterion[];
  source?: Citation;
  interpretation?: string;
}

export interface Domain {
  id: string;
  title: string;
  description?: string;
  standards: Standard[];
  /** Per-domain thresholds, referenced from per-domain rules as `{ "param": "name" }`; once the pack declares `parameters`, each name must be declared there. */
  parameters?: Record<string, number | string>;
  source?: Citation;
  interpretation?: string;
}

/** Domains > standards > criteria, with the judgements criteria may take. */
export interface Framework {
  /** Display names of the three levels in the council's words. */
  labels?: { domain?: string; standard?: string; criterion?: string };
  judgements: {
    /** The ordered scale judgements are on. */
    scale: string;
    /** Judgements a criterion may take unless a flag or the criterion says otherwise. */
    default: string[];
    /** Judgements allowed by carrying a flag (union over the criterion's flags). */
    byFlag?: Record<string, string[]>;
    /** When true an assessment must judge every criterion. */
    required?: boolean;
  };
  flags?: Record<string, FlagDefinition>;
  tags?: Record<string, string>;
  domains: Domain[];
  source?: Citation;
  /** Interpretations the framework's structure relies on (e.g. which criteria are mandatory). */
  interpretations?: string[];
}

/** JSON-rules-engine leaf condition (with OpenQAF's scale operators). */
export interface LeafCondition {
  fact: string;
  operator: string;
  value: unknown;
  params?: Record<string, unknown>;
  path?: string;
  /** Plain words for the trace, e.g. "at least 9 criteria Fully met". */
  label?: string;
}
export interface AllCondition { all: Condition[]; label?: string }
export interface AnyCondition { any: Condition[]; label?: string }
export interface NotCondition { not: Condition; label?: string }
export type Condition = LeafCondition | AllCondition | AnyCondition | NotCondition;

/** A value expression (a literal or one form of `language/expressions/`), typed from its schema. */
export type { Expression } from './language/expression-type.js';
import type { Expression, Resolve } from './language/expression-type.js';
import type { Static } from '@sinclair/typebox';
import type { OffsetSchema } from './language/timing/due.js';
import type { DecisionTable } from './language/decision-table.js';
import type { Limit } from './language/limits.js';
import type { PluginDeclaration } from './language/plugin-declaration.js';
import type { Explanation } from './explain/explanation.js';
import type { EverySchema } from './language/timing/every.js';
import type { PerYearSchema } from './language/timing/per-year.js';
import type { MonthlyOnDaySchema } from './language/timing/monthly-on-day.js';
import type { MonthlyOnWeekdaySchema } from './language/timing/monthly-on-weekday.js';
import type { OnDatesSchema } from './language/timing/on-dates.js';
import type { DecidedBy, Override, RecordedDecision } from './language/human-decision.js';
export type { DecidedBy, Override, RecordedDecision } from './language/human-decision.js';

export interface Rule {
  id: string;
  /** Plain words, in the council's terms: "Silver: at least 9 of 12 Fully met...". */
  label?: string;
  /** Higher runs first under the `first` hit policy; ties keep document order. */
  priority?: number;
  when: Condition;
  output: Expression;
  source: Citation;
  /** Id of the interpretation this rule relies on, if the document is silent or ambiguous here. */
  interpretation?: string;
}

export type HitPolicy = 'first' | 'max' | 'min' | 'collect' | 'unique';

export interface Fallback {
  output: Expression;
  source?: Citation;
  interpretation?: string;
  label?: string;
}

export interface Decision {
  label: string;
  description?: string;
  scale: string;
  hitPolicy: HitPolicy;
  /** Evaluate once per framework domain: instances are named `<decision>.<domainId>`. */
  forEach?: 'domain';
  /** The decision's rules; may be left out when `table` is given (its rows are the rules). */
  rules?: Rule[];
  /** The decision written as a table: its rows are compiled to rules after `rules` (`language/decision-table.ts`). */
  table?: DecisionTable;
  /** Limiters applied after the hit policy: while one's condition holds, the value is at most its `atMost` (`language/limits.ts`). */
  limits?: Limit[];
  fallback?: Fallback;
  source?: Citation;
  /** A person takes this decision: its rules propose the value (`language/human-decision.ts`). */
  decidedBy?: DecidedBy;
  /** An officer may override the computed value, with a reason (`language/human-decision.ts`). */
  override?: Override;
}

/** A duration from a date: one unit only. */
/** When an action is due: one unit of `language/timing/due.ts`, from a date (default the assessment date); typed from its schema. */
export type Offset = Resolve<Static<typeof OffsetSchema>>;

export interface Action {
  id: string;
  label: string;
  owner: string;
  when: Condition;
  /** When it is due; absent means immediately (the assessment date). */
  due?: Offset;
  source: Citation;
  interpretation?: string;
  description?: string;
}

export interface ScheduleEntry {
  id: string;
  activity: string;
  label: string;
  when: Condition;
  /** Interval between occurrences. Exactly one of `every`, `perYear`, `monthlyOnDay`, `monthlyOnWeekday` or `onDates` (`language/timing/`). */
  every?: Resolve<Static<typeof EverySchema>>;
  /** Occurrences per year; the interval is 12 / n months, rounded down to whole days. */
  perYear?: Resolve<Static<typeof PerYearSchema>>;
  /** Due on this day of every month (1-31; a shorter month's last day when it has fewer). */
  monthlyOnDay?: Static<typeof MonthlyOnDaySchema>;
  /** Due on the nth weekday of every month ("the second Wednesday of each month"). */
  monthlyOnWeekday?: Static<typeof MonthlyOnWeekdaySchema>;
  /** Due on these published dates: the next is the first after the `from` date. */
  onDates?: Static<typeof OnDatesSchema>;
  /** Date the interval runs from; default the assessment date. */
  from?: Expression;
  source: Citation;
  interpretation?: string;
  description?: string;
}

export interface ScoreDefinition {
  id: string;
  label: string;
  when?: Condition;
  value: Expression;
  source: Citation;
  interpretation?: string;
}

export interface Outcomes {
  headline: string;
  actions?: Action[];
  schedule?: ScheduleEntry[];
  scores?: ScoreDefinition[];
}

export interface Interpretation {
  title: string;
  note: string;
  /** Where in the documents the gap or ambiguity is. */
  source?: Citation;
}

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

/** What a case expects. Only the keys given are checked. */
export interface CaseExpectation {
  headline?: string | number | string[] | null;
  decisions?: Record<string, unknown>;
  /** Action ids that must be present (with due date when given as an object). */
  actions?: (string | { id: string; due?: string })[];
  /** When true, `actions` must be exactly this set. */
  actionsExact?: boolean;
  /** Action ids that must not be present. */
  noActions?: string[];
  schedule?: (string | { id: string; nextDue?: string; everyMonths?: number; everyDays?: number })[];
  /** Schedule entry ids that must not be present. */
  noSchedule?: string[];
  scores?: Record<string, number | null>;
  interpretations?: string[];
}

export interface PackCase {
  id: string;
  note: string;
  source?: Citation;
  input: Assessment;
  /**
   * Case shorthand: criteria missing from `input.judgements` get this judgement before
   * evaluation. A string for every criterion, or domain id -> judgement with `"*"` as default.
   */
  fillJudgements?: string | Record<string, string>;
  asOf?: string;
  want?: CaseExpectation;
  /** Expect evaluation to be refused with an error whose message contains this text. */
  wantError?: string;
}

/** Custom operators and facts a council plugin contributes; the pack names what it uses. */
export interface ExtensionDeclarations {
  operators?: string[];
  facts?: string[];
  /** Per plugin fact: the inputs and decisions it reads and the values it can return (`language/plugin-declaration.ts`); overrides the plugin's own. */
  declarations?: Record<string, PluginDeclaration>;
}

export interface Pack {
  $schema?: string;
  metadata: PackMetadata;
  sources: Record<string, SourceDocument>;
  scales: Record<string, Scale>;
  mappings?: Record<string, Mapping>;
  framework?: Framework;
  /** JSON Schema (draft 2020-12) of `assessment.facts`: an object schema with `properties`. */
  inputs: InputSchema;
  decisions: Record<string, Decision>;
  outcomes: Outcomes;
  interpretations?: Record<string, Interpretation>;
  extensions?: ExtensionDeclarations;
  cases?: PackCase[];
  /** Declared parameters (`language/parameters/`): every number a quality lead may change, with label, unit, bounds and citation. */
  parameters?: Record<string, ParameterDeclaration>;
}

export type { ParameterDeclaration } from './language/parameters/parameter-declaration.js';
import type { ParameterDeclaration } from './language/parameters/parameter-declaration.js';

/** The object schema of an assessment's facts; each property may carry `x-scale` and `x-source`. */
export interface InputSchema {
  type: 'object';
  properties: Record<string, InputFactSchema>;
  required?: string[];
  additionalProperties?: boolean;
  [key: string]: unknown;
}

export interface InputFactSchema {
  type?: string | string[];
  enum?: unknown[];
  description?: string;
  /** The fact's values are on this scale (its enum is then the scale's values). */
  'x-scale'?: string;
  'x-source'?: Citation;
  format?: string;
  minimum?: number;
  maximum?: number;
  [key: string]: unknown;
}

/** A custom operator: `(factValue, conditionValue) => boolean`. */
export type CustomOperator = (factValue: unknown, value: unknown) => boolean;
/** A custom fact: computed from params and the evaluation's facts. */
export type CustomFact = (params: Record<string, unknown>, facts: Readonly<Record<string, unknown>>) => unknown;
export type { PluginDeclaration } from './language/plugin-declaration.js';

/** What a council plugin package contributes. */
export interface Extensions {
  operators?: Record<string, CustomOperator>;
  facts?: Record<string, CustomFact>;
  /** Per plugin fact: what it reads and returns, so ordering, validation and analysis treat it like a built-in. */
  declarations?: Record<string, PluginDeclaration>;
}

/** A council plugin: the default export of `@openqaf/councils-<slug>`. */
export interface CouncilPlugin {
  id: string;
  name: string;
  pack: Pack;
  extensions?: Extensions;
}

// ---------------------------------------------------------------- determination

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
  /** Decisions awaiting a person (present only when some are). */
  proposals?: DeterminationProposal[];
  /** Decisions taken by a person or overridden, by instance id (present only when some were). */
  decidedBy?: Record<string, DeterminationDecidedBy>;
  /** The explanation in words, as determinations made before format 2 carry it (never made now). */
  trace?: TraceEntry[];
  /** The explanation as data (with `explain`): see `explain/explanation.ts`. */
  explanation?: Explanation;
}
