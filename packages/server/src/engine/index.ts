/**
 * The server's only door to `@openqaf/engine` (with `pack-worker.ts` beside it): if the
 * engine's signatures drift, only this folder changes. Compiled packs are cached by the hash a
 * stored version cites and its version label (a hash covers the rules only, so versions with the
 * same rules share it), or, for a pack not stored, by the hash of its whole content.
 */
import * as engine from '@openqaf/engine';
import type {
  Assessment,
  CompiledPack,
  CouncilPlugin,
  Determination,
  Extensions,
  Pack,
  PackCase,
  PackError,
  RecordedDecision,
} from '@openqaf/engine';
import { missingPluginParts } from './plugin-extensions.js';

export type { Assessment, CompiledPack, CouncilPlugin, Determination, Extensions, Pack, PackCase, PackError, RecordedDecision };
export { MISSING_PLUGIN_CODES } from './plugin-extensions.js';

/** The engine's published shapes of an assessment and of a recorded decision, as plain JSON Schema. */
export const assessmentShape = JSON.parse(JSON.stringify(engine.AssessmentSchema)) as Record<string, unknown> & { properties: Record<string, Record<string, unknown>>; required: string[] };
export const recordedDecisionShape = JSON.parse(JSON.stringify(engine.RecordedDecisionSchema)) as Record<string, unknown> & { properties: Record<string, Record<string, unknown>>; required: string[] };

/** Where JSON text first stops being JSON, and line/column of an offset (shared with pack validation). */
export const { jsonErrorOffset, lineColumn } = engine;

/** True for a real calendar date in `YYYY-MM-DD` form (`2025-02-30` is not one). */
export const { isIsoDate } = engine;

/** A date as reports write it ("1 December 2026"), and a proposal awaiting a person's decision (and who decides, by when) in words. */
export const { datesInText, decidedByWords, interpretationsInWords, longDate, NO_DUE_DATE_WORDS, proposalWords } = engine;

/** A value in words, a decision instance in a pack's words, and a decision recorded without the reason a later version requires, in the words the provider's page says too. */
export const { decisionInstanceWordsBy, reasonMissingTaskWords, valueWords } = engine;

/** The provider report's sentences, the ones the report page says too. */
export const {
  bandHeadingWords, bandUpWords, challengeWords, criterionNeededWords, nextVisitWords, NO_OFFICER_NOTE_WORDS, otherReasonWords, ratingHeadingWords, reportStatusWords, reviewerWords,
} = engine;

/** What kept a band from the next one up (the report's "why not higher"). */
export const { nextBandUp } = engine;
export type NextBand = ReturnType<typeof engine.nextBandUp>;

/** The RFC 4180 CSV reader (a header row, quoted fields; `CsvSyntaxError` names the line). */
export const { CsvSyntaxError, parseCsv } = engine;

/** A criteria list (id, wording, domain, standard, mandatory, advanced) read into a pack's framework, or its bad rows. */
export const { importCriteriaCsv } = engine;
export type { CountParameterChange, CriteriaCsvDomainCount, CriteriaCsvProblem } from '@openqaf/engine';

/** A case with its expected value replaced by the result a named person accepted after review. */
export const { acceptCaseResult } = engine;

/** The analysis findings a draft introduces or changes against the published version, in council words. */
export const { findingChanges } = engine;
export type FindingChange = ReturnType<typeof engine.findingChanges>[number];

/** A string's JSON text (as `JSON.stringify` writes it), quicker for the many that need no escaping. */
export const { jsonString } = engine;

/** One problem with an assessment, naming the fact. */
export interface AssessmentProblem {
  pointer: string;
  fact: string;
  message: string;
}

/** The result of validating a pack. */
export interface PackValidation {
  valid: boolean;
  errors: PackError[];
  pack?: Pack;
}

/** The analyser's report (gaps, overlaps, masked rules, cycles) per decision. */
export type AnalysisReport = ReturnType<typeof engine.analyse>;
/** The result of running a pack's own cases. */
export type CaseRun = ReturnType<typeof engine.runCases>;
/** A readable diff of two packs. */
export type PackDiff = ReturnType<typeof engine.diffPacks>;

/** Raised when an assessment does not fit the pack's inputs; `problems` names each fact. */
export class AssessmentRefused extends Error {
  readonly problems: AssessmentProblem[];
  constructor(message: string, problems: AssessmentProblem[]) {
    super(message);
    this.name = 'AssessmentRefused';
    this.problems = problems;
  }
}

/** Raised when a valid assessment cannot be decided by the pack (no rule and no fallback, ...). */
export class EvaluationFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvaluationFailed';
  }
}

const COMPILED_CACHE_LIMIT = 200;

const compiledByHash = new Map<string, CompiledPack>();

/**
 * Validates pack content with the council's extensions. A plugin fact or operator the pack declares
 * but the council's plugin lacks makes it invalid (see {@link missingPluginParts}).
 */
export function validatePack(input: unknown, extensions?: Extensions): PackValidation {
  const result = engine.validatePack(input, { extensions });
  const missing = missingPluginParts(input, extensions);
  if (missing.length === 0) return result;
  return { valid: false, errors: [...result.errors, ...missing] };
}

/**
 * The content hash determinations cite, `sha256:<hex>`: it covers the pack's rules, not its
 * cases, version label or effective date (see docs/pack-format.md).
 */
export function packHash(pack: Pack): string {
  return engine.packHash(pack);
}

/** The part of a pack its analysis reads: no cases, no `$schema`, no version label or effective date. */
export function packRules(pack: unknown): unknown {
  return engine.packRules(pack);
}

/** A stored version's identity for the compiled-pack cache: the hash it cites and its label. */
export interface StoredHash {
  hash: string;
  version: string;
}

function cacheKey(id: StoredHash | string, extensions?: Extensions): string {
  const key = typeof id === 'string' ? `content:${id}` : `${id.hash}|${id.version}`;
  return `${key}|${extensions ? 'ext' : 'plain'}`;
}

/** The compiled pack of a stored version, if it was compiled before (no store read needed). */
export function cachedCompiled(version: StoredHash, extensions?: Extensions): CompiledPack | undefined {
  return compiledByHash.get(cacheKey(version, extensions));
}

/**
 * Compiles a pack (cached); throws the engine's validation error for an invalid pack. For a
 * stored version pass the hash it was stored under: its determinations cite that hash, so a
 * version stored under an earlier hashing keeps giving byte-identical determinations.
 */
export function compile(pack: Pack, extensions?: Extensions, hash?: string): CompiledPack {
  const key = cacheKey(hash === undefined ? engine.bundleHash(pack) : { hash, version: pack.metadata.version }, extensions);
  let compiled = compiledByHash.get(key);
  if (!compiled) {
    compiled = engine.compilePack(pack, { extensions, ...(hash === undefined ? {} : { hash }) });
    if (compiledByHash.size >= COMPILED_CACHE_LIMIT) {
      const oldest = compiledByHash.keys().next().value;
      if (oldest !== undefined) compiledByHash.delete(oldest);
    }
    compiledByHash.set(key, compiled);
  }
  return compiled;
}

/**
 * Evaluates an assessment under a pack, always with an explicit `asOf` so the same
 * assessment under the same pack hash gives the same determination on any day.
 */
export function evaluateAssessment(
  pack: Pack,
  assessment: unknown,
  options: { extensions?: Extensions; asOf: string; explain?: boolean; hash?: string },
): Determination {
  return evaluateCompiled(compile(pack, options.extensions, options.hash), assessment, options);
}

/**
 * Evaluates an assessment under an already compiled pack (see {@link evaluateAssessment}).
 * `recordedEarlier`: the ids of the assessment's recorded decisions taken before now (a stored
 * assessment determined again), which stand even where they now depart from the proposal without
 * a reason (see {@link recordedEarlier}); any other is a new recording, refused without the reason
 * the pack requires.
 */
export function evaluateCompiled(
  compiled: CompiledPack,
  assessment: unknown,
  options: { asOf: string; explain?: boolean; recordedEarlier?: readonly string[] },
): Determination {
  try {
    return engine.evaluate(compiled, assessment, { asOf: options.asOf, explain: options.explain ?? true, ...(options.recordedEarlier ? { recordedEarlier: options.recordedEarlier } : {}) });
  } catch (error) {
    if (error instanceof engine.AssessmentError) {
      throw new AssessmentRefused(error.message, error.errors as AssessmentProblem[]);
    }
    if (error instanceof engine.EvaluationError) throw new EvaluationFailed(error.message);
    throw error;
  }
}

/** The JSON Schema of an assessment under a compiled pack: date, judgements per criterion, facts. */
export function assessmentJsonSchema(compiled: CompiledPack): Record<string, unknown> {
  return engine.assessmentSchema(compiled.index);
}

// Analysis and case runs (and validation that may be long) go through `PackJobs` (pack-jobs.ts),
// whose workers call the engine themselves, off the request thread.

/** The engine's readable diff between two packs. */
export function diff(a: Pack, b: Pack): PackDiff {
  return engine.diffPacks(a, b);
}

/** The published JSON Schema of a pack. */
export const packJsonSchema: Record<string, unknown> = engine.packSchema as Record<string, unknown>;

/**
 * The ids of a stored assessment's recorded decisions: each was recorded before it is determined
 * again, so it stands (`evaluateCompiled`'s `recordedEarlier`).
 */
export function recordedEarlier(input: { decisions?: Record<string, unknown> }): string[] {
  return Object.keys(input.decisions ?? {});
}
