/**
 * @openqaf/engine: the generic OpenQAF rules engine.
 *
 * pack.json --validatePack--> Pack --compilePack--> CompiledPack --evaluate--> Determination;
 * analyse(compiled) reports gaps and overlaps; runCases(compiled) runs the pack's cases;
 * diffPacks(a, b) describes what changed. See docs/ for the pack format and the CLI.
 */
export type * from './types.js';
export { AssessmentError, EvaluationError, ExpressionError, PackValidationError } from './errors.js';
export type { AssessmentProblem, PackError } from './errors.js';
export { LIMITS } from './schema/limits.js';
export { packSchema } from './schema/pack-schema.js';
export { lineColumn, parseJson } from './schema/parse-json.js';
export { isIsoDate } from './dates/iso-date.js';
export { jsonErrorOffset } from './schema/json-error-position.js';
export { validatePack } from './schema/validate-pack.js';
export type { ValidationResult } from './schema/validate-pack.js';
export { assessmentSchema } from './evaluate/assessment-schema.js';
export { compilePack } from './compile/compile-pack.js';
export type { CompiledPack, CompileOptions } from './compile/compile-pack.js';
export { evaluate } from './evaluate/evaluate.js';
export type { EvaluateOptions } from './evaluate/evaluate.js';
export { jsonString, traceJson } from './evaluate/trace-json.js';
export { explainDetermination } from './explain/explain-determination.js';
export { nextBandUp } from './explain/next-band.js';
export type { CriterionToRaise, FailedCondition, NextBand, NextBandRule } from './explain/next-band.js';
export type { DecisionResult, Explanation, ExplanationEntry, LeafResult, OutcomeResult, RuleResult } from './explain/explanation.js';
export { runCases, caseAssessment } from './testing/run-cases.js';
export { acceptCaseResult } from './testing/accept-case.js';
export type { CaseReport, CaseResult } from './testing/run-cases.js';
export { bundleHash, canonicalJson, packHash, packRules, RELEASE_METADATA } from './hash.js';
export { loadPackSource, readPackSource, PackSourceError } from './source/load-pack-source.js';
export type { PackSource, SourceLocation } from './source/load-pack-source.js';
export { writePackFolder } from './source/write-pack-folder.js';
export { CsvSyntaxError, parseCsv } from './source/csv-parse.js';
export { CRITERIA_CSV_COLUMNS, importCriteriaCsv } from './source/criteria-csv.js';
export type { CriteriaCsvColumn, CriteriaCsvDomainCount, CriteriaCsvProblem, CriteriaCsvResult } from './source/criteria-csv.js';
export { countMismatches, frameworkCount, withCountedParameters } from './language/parameters/parameter-counts.js';
export type { CountMismatch, CountParameterChange, ParameterCounts } from './language/parameters/parameter-counts.js';
export type { WrittenPackFolder } from './source/write-pack-folder.js';
export { analyse } from './analyse/analyse.js';
export { findingChanges, findingKey } from './analyse/finding-changes.js';
export type { FindingChange } from './analyse/finding-changes.js';
export type { AnalysisReport, AnalysisFinding, DecisionAnalysis, FindingKind, FindingExample } from './analyse/analyse.js';
export { diffPacks } from './diff/diff-packs.js';
export { FACTS, OPERATORS } from './language/registry.js';
export type { FactDefinition, FactWordsHelpers } from './language/fact.js';
export { countParameterBounds } from './language/facts/criteria-count.js';
export type { OperatorDefinition, PlainOperatorDefinition, ScaleOperatorDefinition } from './language/operator.js';
export { comparisonWords, expressionWords, factWords, operatorCountWords, operatorWords } from './language/wording.js';
export type { PackDiff, PackChange } from './diff/diff-packs.js';
export { expandDecisionTables, rowWords } from './language/decision-table.js';
export type { DecisionTable, TableCell, TableColumn, TableRow } from './language/decision-table.js';
export type { NthOfMonth, Weekday } from './dates/weekdays.js';
export { listParameters, parameterRangeWords, parameterValueProblem } from './language/parameters/list-parameters.js';
export type { ListedParameter, ParameterValueAt } from './language/parameters/list-parameters.js';
export { PARAMETER_TYPES } from './language/parameters/parameter-declaration.js';
export type { ParameterType } from './language/parameters/parameter-declaration.js';
export { proposalWords } from './language/human-decision.js';
