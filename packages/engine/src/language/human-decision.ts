import { Type, type Static } from '@sinclair/typebox';
import type { Citation, Decision, Expression, Offset } from '../types.js';
import { RecordedDecisionSchema } from '../schema/shapes/recorded-decision.js';
import { valueWords } from './value-words.js';

/**
 * Human decisions: where a document gives a decision to a person (a team manager, a
 * multi-agency panel, the council), the decision declares `decidedBy`. Its rules then
 * *propose* a value; the determination names who decides and by when, and the recorded
 * decision (value, who, when, reason) is an input of the next evaluation
 * (`assessment.decisions`). An officer's override of a computed decision is the same
 * mechanism, declared with `override`, with the reason required.
 * @see ../../../../docs/pack-format.md#human-decisions-and-overrides
 */

const citation = Type.Unsafe<Citation>({ $ref: '#/$defs/citation' });
const offset = Type.Unsafe<Offset>({ $ref: '#/$defs/offset' });
const expression = (description: string) => Type.Unsafe<Expression>({ $ref: '#/$defs/expression', description });

/** What downstream rules read while a person's decision is awaited. */
export const MEANWHILE = ['proposed', 'undecided'] as const;
export type Meanwhile = typeof MEANWHILE[number];

/** Whether a person recording the decision must say why: never, when departing from the proposal, or always. */
export const REASON_REQUIRED = ['never', 'when-departing', 'always'] as const;
export type ReasonRequired = typeof REASON_REQUIRED[number];

/** `decidedBy`: the role that takes the decision, by when, and what the rest of the pack reads meanwhile. */
export const DecidedBySchema = Type.Object({
  role: Type.String({ minLength: 1, description: 'The role that decides, as an id: `team-manager`, `multi-agency-panel`.' }),
  label: Type.String({ minLength: 1, description: 'The role in the council\'s words: "the team manager".' }),
  labelFrom: Type.Optional(Type.String({ minLength: 1, description: 'A decision of the pack whose value says who decides in this determination, in the council\'s words ("The team manager, jointly with HCCG"): the proposal, and a recorded decision to confirm, name it (`roleLabel`) instead of `label`, which stays the role in general. Where it gives no text, `label` stands.' })),
  within: Type.Optional(offset),
  source: citation,
  meanwhile: Type.Optional(Type.Union(MEANWHILE.map((m) => Type.Literal(m)), {
    description: 'What downstream decisions, actions and the schedule read until the decision is recorded: `proposed` (the default: the proposed value, with the determination marked pending) or `undecided` (null).',
  })),
  values: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1, uniqueItems: true, description: 'The values of the decision\'s scale a person may record (default: all of them). Leave out the states the pack reads meanwhile ("Awaiting the Council\'s review"), which nobody decides: recording one is refused.' })),
  nothingToDecide: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1, uniqueItems: true, description: 'Values of the decision\'s scale that leave the person nothing to decide (the document gives them nothing to weigh): for these no proposal is made and nothing is pending.' })),
  reasonRequired: Type.Optional(Type.Union(REASON_REQUIRED.map((r) => Type.Literal(r)), {
    description: 'Whether the person recording the decision must give a reason: `never` (the default), `when-departing` (when the recorded value differs from the proposal: a decision that departs from it without a reason is refused at `/decisions/<id>/reason`) or `always`.',
  })),
  interpretation: Type.Optional(Type.String()),
}, { additionalProperties: false, description: 'The decision is taken by a person: its rules propose a value, and the recorded decision is an input next time.' });
export type DecidedBy = Static<typeof DecidedBySchema>;

/** `override`: an officer may replace the computed value, giving a reason. */
export const OverrideSchema = Type.Object({
  reasonRequired: Type.Optional(Type.Boolean({ description: 'Whether an override must give a reason (default true).' })),
  secondPersonWhenMovedMoreThan: Type.Optional(Type.Integer({ minimum: 0, description: 'An override that moves the value more than this many steps of the scale (or units of a numeric scale) must name a second person (`secondBy`).' })),
  secondPersonWhenBelow: Type.Optional(expression('The lowest value an override may give without a second person, as an expression on the decision\'s scale (a value, or a decision or fact reference such as `{ "fact": "regulatorIndicatedRating" }`): an override below it must name a second person (`secondBy`), even a move of one step. No value (null): no floor.')),
  source: Type.Optional(citation),
  interpretation: Type.Optional(Type.String()),
}, { additionalProperties: false, description: 'An officer may override the computed value; the recorded override is an input next time.' });
export type Override = Static<typeof OverrideSchema>;

export type { RecordedDecision } from '../schema/shapes/recorded-decision.js';

/** The members a recorded decision may have (`schema/shapes/recorded-decision.ts`). */
export const RECORDED_DECISION_KEYS: readonly string[] = Object.keys(RecordedDecisionSchema.properties);

/** True when a person takes the decision or an officer may override it. */
export function takesRecordedDecision(d: Decision): boolean {
  return d.decidedBy !== undefined || d.override !== undefined;
}

/**
 * True when a person recording the value `recorded` decides otherwise than the rules proposed
 * (`proposed`): any other value, or any value at all where nothing was proposed.
 * @example departsFromProposal('Level 2', 'Level 1') // true
 */
export function departsFromProposal(proposed: unknown, recorded: unknown): boolean {
  return proposed === undefined || proposed === null || proposed !== recorded;
}

/**
 * What is wrong with a person's decision a determination marks `departsWithoutReason` (recorded
 * earlier without the reason the version it was determined again under requires), in words that
 * follow "The team manager's decision": whether it departs from that version's proposal
 * (`computed`) is read from the values, since under `reasonRequired: "always"` one that agrees
 * with the proposal is marked too (the mark's name is kept: stored determinations carry it).
 * @example reasonMissingWords({ value: 'Level 1', computed: 'Level 2' }) // 'departs from the proposal and has no reason'
 * @example reasonMissingWords({ value: 'Level 2', computed: 'Level 2' }) // 'agrees with the proposal but has no reason, which the framework requires'
 */
export function reasonMissingWords(taken: { value: unknown; computed?: unknown }): string {
  return departsFromProposal(taken.computed, taken.value)
    ? 'departs from the proposal and has no reason'
    : 'agrees with the proposal but has no reason, which the framework requires';
}

/**
 * True when a recorded decision of `d` must give its reason: an override unless the pack says
 * not (`override.reasonRequired: false`); a person's decision under `decidedBy.reasonRequired`:
 * `always`, or `when-departing` and the recorded value departs from the proposal. Without
 * `recorded` (the proposal and the value recorded), a reason is required only where it is
 * whatever the value (`always`, an override).
 * @example reasonRequired(level, { proposed: 'Level 2', value: 'Level 1' }) // true under "when-departing"
 * @see ../../../../docs/pack-format.md#human-decisions-and-overrides
 */
export function reasonRequired(d: Decision, recorded?: { proposed: unknown; value: unknown }): boolean {
  if (d.decidedBy) {
    const rule = d.decidedBy.reasonRequired ?? 'never';
    return rule === 'always' || (rule === 'when-departing' && recorded !== undefined && departsFromProposal(recorded.proposed, recorded.value));
  }
  return d.override !== undefined && d.override.reasonRequired !== false;
}

/**
 * Meaning checks of a decision's `decidedBy` and `override`: one value, not both; and a reason
 * required "when departing" from a proposal a person can record (given the scale's values,
 * `scaleValues`, where it has them).
 */
export function checkHumanDecision(id: string, d: Decision, pointer: string, err: (pointer: string, message: string, hint?: string) => void, scaleValues?: readonly string[]): void {
  if (!takesRecordedDecision(d)) return;
  if (d.decidedBy?.reasonRequired === 'when-departing' && scaleValues) {
    const recordable = recordableValues(d, scaleValues);
    const proposals = writtenOutputs(d)?.filter((v) => !d.decidedBy!.nothingToDecide?.includes(v));
    if (proposals && !proposals.some((v) => recordable.includes(v))) {
      err(`${pointer}/decidedBy/reasonRequired`, `Decision "${id}" never proposes a value a person may record (${proposals.map((v) => JSON.stringify(v)).join(', ')}), so every recorded decision departs from the proposal.`, 'Say "always" if a reason is always required, or let decidedBy.values include the values the rules propose.');
    }
  }
  if (d.decidedBy && d.override) err(`${pointer}/override`, `Decision "${id}" is taken by ${d.decidedBy.label}; it needs no override as well.`, 'Keep decidedBy (a person decides) or override (an officer may replace the computed value), not both.');
  if (d.hitPolicy === 'collect') err(`${pointer}/${d.decidedBy ? 'decidedBy' : 'override'}`, `Decision "${id}" collects a list; a person decides one value.`, 'Use decidedBy or override on a decision with the first, max, min or unique hit policy.');
}

/** The values a person may record for a decision: `decidedBy.values`, else the whole scale (`scaleValues`). */
export function recordableValues(d: Decision, scaleValues: readonly string[]): readonly string[] {
  return d.decidedBy?.values ?? scaleValues;
}

/**
 * The values the rules of a decision can give, when they can be listed: every rule's and the
 * fallback's output written as a value (no limiter, a fallback, so some rule or the fallback
 * always gives one); undefined otherwise.
 */
function writtenOutputs(d: Decision): string[] | undefined {
  if (!d.rules || !d.fallback || d.limits?.length) return undefined;
  const outs = [...d.rules.map((r) => r.output), d.fallback.output];
  return outs.every((o): o is string => typeof o === 'string') ? outs : undefined;
}

/**
 * The values the rest of the pack can read from a decision, in scale order, with `null` for "not
 * yet decided": for a decision a person takes (`decidedBy`), the values a person may record
 * (`decidedBy.values`), the values that leave nothing to decide (`nothingToDecide`, read as the
 * rules give them), and until a decision is recorded either nothing (`meanwhile: undecided`) or
 * the proposed value (`proposed`: any value the rules can give); for any other decision, its
 * whole scale. The analyser varies a decision read by another over exactly these, so its
 * findings name no value nobody can record (a state read only meanwhile, such as "Awaiting the
 * Council's review" under `undecided`), and miss none.
 */
export function readableValues(d: Decision, scaleValues: readonly string[]): (string | null)[] {
  if (!d.decidedBy) return [...scaleValues];
  const meanwhile = d.decidedBy.meanwhile ?? 'proposed';
  const proposed = meanwhile === 'undecided' ? [] : writtenOutputs(d) ?? scaleValues;
  const can = new Set([...recordableValues(d, scaleValues), ...(d.decidedBy.nothingToDecide ?? []), ...proposed]);
  return [...scaleValues.filter((v) => can.has(v)), ...(meanwhile === 'undecided' ? [null] : [])];
}

/**
 * Who is to decide, and by when, in words that read right for any role label, one person or
 * several ("the Council or its partners"): "to be decided by the multi-agency panel, by 2027-01-12".
 * `dateWords` writes the due date (the UI's "12 January 2027"); without it the date stands as ISO.
 * @example decidedByWords('the Council or its partners', '2027-01-18') // 'to be decided by the Council or its partners, by 2027-01-18'
 */
export function decidedByWords(roleLabel: string, due?: string, dateWords: (iso: string) => string = (iso) => iso): string {
  return `to be decided by ${roleLabel}${due ? `, by ${dateWords(due)}` : ''}`;
}

/**
 * What is said of a decision the pack gives no time for (no `decidedBy.within`, because the document
 * sets none): its proposal has no `due`, and it is never overdue. The work queue, the dashboard and the
 * provider report all say these words.
 */
export const NO_DUE_DATE_WORDS = 'no date set by the framework';

/**
 * The plain-words proposal; `dateWords` as for {@link decidedByWords}. Without a due date it says
 * {@link NO_DUE_DATE_WORDS}, so nobody reads a date into it.
 * @example proposalWords({ proposed: 'Level 2', roleLabel: 'the multi-agency panel', due: '2027-01-12' }) // 'Proposed: Level 2. To be decided by the multi-agency panel, by 2027-01-12.'
 * @example proposalWords({ proposed: 'Level 2', roleLabel: 'the multi-agency panel' }) // 'Proposed: Level 2. To be decided by the multi-agency panel (no date set by the framework).'
 */
export function proposalWords(p: { proposed: unknown; roleLabel: string; due?: string }, dateWords?: (iso: string) => string): string {
  const value = valueWords(p.proposed);
  const who = decidedByWords(p.roleLabel, p.due, dateWords);
  return `Proposed: ${value}. ${who.charAt(0).toUpperCase()}${who.slice(1)}${p.due ? '' : ` (${NO_DUE_DATE_WORDS})`}.`;
}
