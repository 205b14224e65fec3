/**
 * `@openqaf/engine/browser`: the parts of the engine that run in a browser (no Node built-ins):
 * validation with every error, JSON parsing with line and column, the readable diff, the schema.
 * Evaluation, analysis and hashing are in the main entry (`@openqaf/engine`).
 */
export type * from './types.js';
export type { AssessmentProblem, PackError } from './errors.js';
export { LIMITS } from './schema/limits.js';
export { packSchema } from './schema/pack-schema.js';
export { lineColumn, parseJson } from './schema/parse-json.js';
export { jsonErrorOffset } from './schema/json-error-position.js';
export { validatePack } from './schema/validate-pack.js';
export type { ValidationResult } from './schema/validate-pack.js';
export { diffPacks } from './diff/diff-packs.js';
export { FACTS, OPERATORS } from './language/registry.js';
export type { FactDefinition, FactWordsHelpers } from './language/fact.js';
export { countParameterBounds } from './language/facts/criteria-count.js';
export type { OperatorDefinition, PlainOperatorDefinition, ScaleOperatorDefinition } from './language/operator.js';
export { comparisonWords, decisionInstanceWords, decisionInstanceWordsBy, expressionWords, factWords, leafConditionWords, operatorCountWords, operatorWords } from './language/wording.js';
export type { InstanceWordsSource } from './language/wording.js';
export type { PackDiff, PackChange } from './diff/diff-packs.js';
export { expandDecisionTables, rowWords } from './language/decision-table.js';
export type { DecisionTable, TableCell, TableColumn, TableRow } from './language/decision-table.js';
export { canonicalJson } from './canonical-json.js';
export { ownMember } from './compile/own-member.js';
export { sideWords } from './testing/format-boundaries.js';
export { datesInText, longDate, monthName } from './dates/long-date.js';
export { CALENDARS } from './language/calendars/calendars.js';
export type { CalendarDefinition } from './language/calendars/calendars.js';
export { nthWeekdayWords } from './language/timing/monthly-on-weekday.js';
export { followingWeekdayWords } from './language/timing/following-weekday.js';
export { listParameters, parameterRangeWords, parameterValueProblem } from './language/parameters/list-parameters.js';
export { singularUnit, unitAfter } from './language/parameters/unit-words.js';
export type { ListedParameter, ParameterValueAt } from './language/parameters/list-parameters.js';
export { PARAMETER_TYPES } from './language/parameters/parameter-declaration.js';
export { DOMAIN_NUMBER_WORDS, parameterWords, valueWordsText } from './language/parameters/parameter-words.js';
export type { ValueWords } from './language/parameters/parameter-words.js';
export type { ParameterType } from './language/parameters/parameter-declaration.js';
export { decidedByWords, departsFromProposal, NO_DUE_DATE_WORDS, proposalWords, reasonMissingWords, reasonRequired, recordableValues, REASON_REQUIRED } from './language/human-decision.js';
export type { ReasonRequired } from './language/human-decision.js';
export { frameworkNowWords, reasonAskedWords, reasonMissingSentence, reasonMissingTaskWords, recordedAndNowWords, recordedWithoutReasonWords, toConfirmWords, whoseDecisionWords } from './language/reason-missing-words.js';
export type { ReasonMissing } from './language/reason-missing-words.js';
export { valueWords } from './language/value-words.js';
export { bandHeadingWords, bandUpWords, challengeWords, criterionNeededWords, nextVisitWords, NO_OFFICER_NOTE_WORDS, otherReasonWords, ratingHeadingWords, reportStatusWords, reviewerWords } from './language/report-words.js';
export type { ReportStatusWordsOf } from './language/report-words.js';
export { explainDetermination } from './explain/explain-determination.js';
export { nextBandUp } from './explain/next-band.js';
export { bandUp, takesWorseBand, worseBand } from './explain/band-up.js';
export type { CriterionToRaise, FailedCondition, NextBand, NextBandRule } from './explain/next-band.js';
export { bandedWords } from './explain/banded-next.js';
export type { BandedNumber, CappedBy, CriterionRaise, PointsContribution } from './explain/banded-next.js';
export type { DecisionResult, Explanation, ExplanationEntry, LeafResult, OutcomeResult, RuleResult } from './explain/explanation.js';
