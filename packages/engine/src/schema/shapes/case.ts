import { Type, type Static } from '@sinclair/typebox';
import type { Citation } from './citation.js';
import type { Assessment } from '../../types.js';
import { AnyObject, MapOf, OfTypes, ref } from './refs.js';

const date = () => ref<string>('date');

/** What a case expects. Only the keys given are checked. */
export const CaseExpectationSchema = Type.Object({
  headline: Type.Optional(Type.Unsafe<string | number | string[] | null>({})),
  decisions: Type.Optional(AnyObject()),
  /** Action ids that must be present (with due date when given as an object). */
  actions: Type.Optional(Type.Array(Type.Union([
    Type.String(),
    Type.Object({ id: Type.String(), due: Type.Optional(date()) }, { additionalProperties: false }),
  ]))),
  /** When true, `actions` must be exactly this set. */
  actionsExact: Type.Optional(Type.Boolean()),
  /** Action ids that must not be present. */
  noActions: Type.Optional(Type.Array(Type.String())),
  /** Warning ids that must be present. */
  warnings: Type.Optional(Type.Array(Type.String())),
  /** Warning ids that must not be present. */
  noWarnings: Type.Optional(Type.Array(Type.String())),
  schedule: Type.Optional(Type.Array(Type.Union([
    Type.String(),
    Type.Object({ id: Type.String(), nextDue: Type.Optional(date()), everyMonths: Type.Optional(Type.Number()), everyDays: Type.Optional(Type.Number()) }, { additionalProperties: false }),
  ]))),
  /** Schedule entry ids that must not be present. */
  noSchedule: Type.Optional(Type.Array(Type.String())),
  scores: Type.Optional(MapOf(OfTypes(['number', 'null']))),
  interpretations: Type.Optional(Type.Array(Type.String())),
  /** Decisions a person must take that the determination proposes (by instance id, or with the value proposed, the role and the due date). */
  proposals: Type.Optional(Type.Array(Type.Union([
    Type.String(),
    Type.Object({ decision: Type.String(), proposed: Type.Optional(Type.Unknown()), role: Type.Optional(Type.String()), due: Type.Optional(date()) }, { additionalProperties: false }),
  ]))),
  /** Decisions a person must take that the determination must not propose (already recorded, or not reached). */
  noProposals: Type.Optional(Type.Array(Type.String())),
  /** Whether the headline waits on a person's decision. */
  pending: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type CaseExpectation = Static<typeof CaseExpectationSchema>;

/**
 * `$defs.caseAcceptance`: who accepted a case's expected value after review, and when. A case
 * without it expects what the council's document says; a case with it expects a result a named
 * person reviewed and accepted (after a change to the pack), which is not the same authority.
 */
export const CaseAcceptanceSchema = Type.Object({
  /** The person who accepted the result, by name. */
  by: Type.String({ minLength: 1 }),
  /** The date it was accepted. */
  on: date(),
  /** Why it was accepted (e.g. the change it follows). */
  reason: Type.Optional(Type.String()),
}, { additionalProperties: false });
export type CaseAcceptance = Static<typeof CaseAcceptanceSchema>;

/** `$defs.case`: an assessment and what the pack must determine for it, from the council's documents. */
export const PackCaseSchema = Type.Object({
  id: ref<string>('id'),
  note: Type.String(),
  source: Type.Optional(ref<Citation>('citation')),
  input: AnyObject<Assessment>(),
  /**
   * Case shorthand: criteria missing from `input.judgements` get this judgement before
   * evaluation. A string for every criterion, or domain id -> judgement with `"*"` as default.
   */
  fillJudgements: Type.Optional(Type.Union([Type.String(), MapOf(Type.String())])),
  asOf: Type.Optional(date()),
  want: Type.Optional(CaseExpectationSchema),
  /** Expect evaluation to be refused with an error whose message contains this text. */
  wantError: Type.Optional(Type.String()),
  /** Present when `want` was accepted after review by a named person rather than taken from the document. */
  accepted: Type.Optional(CaseAcceptanceSchema),
}, { additionalProperties: false });
export type PackCase = Static<typeof PackCaseSchema>;
