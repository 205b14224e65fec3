import type { AssessmentProblem } from '../errors.js';
import { AssessmentError } from '../errors.js';
import type { DeterminationDecidedBy, DeterminationProposal } from '../types.js';
import type { ExplanationEntry } from '../explain/explanation.js';
import { isOrdered, type PackIndex } from '../compile/pack-index.js';
import type { CompiledInstance } from '../compile/compile-pack.js';
import { offsetDate } from '../compile/compile-offset.js';
import type { EvalState } from '../compile/eval-state.js';
import { escapePointer } from '../schema/parse-json.js';
import { isIsoDate } from '../dates/iso-date.js';
import { citationText } from '../compile/citation-text.js';
import { RECORDED_DECISION_KEYS, reasonRequired, recordableValues, takesRecordedDecision, type RecordedDecision } from '../language/human-decision.js';

/**
 * Checks `assessment.decisions`: each key a decision instance that a person takes
 * (`decidedBy`) or an officer may override (`override`); each entry's value on the decision's
 * scale, `by` and `at` given, the reason given for an override or where the pack always
 * requires one (a reason required only when departing from the proposal is checked when the
 * proposal is known, by {@link applyHumanDecision}). A person's decision recorded earlier
 * (`recordedEarlier`, as for {@link applyHumanDecision}) is not refused for a missing reason the
 * pack always requires: it stands, marked for its role to confirm with one. Returns the problems,
 * each with its JSON pointer; none for an assessment without recorded decisions.
 */
export function compileRecordedDecisionsCheck(index: PackIndex): (decisions: unknown, recordedEarlier?: readonly string[]) => AssessmentProblem[] {
  const takers = index.instances.filter((i) => takesRecordedDecision(i.decision)).map((i) => i.id);
  return (decisions, recordedEarlier) => {
    if (decisions === undefined) return [];
    if (decisions === null || typeof decisions !== 'object' || Array.isArray(decisions)) return [{ pointer: '/decisions', fact: 'decisions', message: 'Recorded decisions must be an object of decision id -> { value, by, at, reason }.' }];
    const problems: AssessmentProblem[] = [];
    for (const [id, entry] of Object.entries(decisions as Record<string, unknown>)) {
      const p = `/decisions/${escapePointer(id)}`;
      const inst = index.instancesById.get(id);
      if (!inst) { problems.push({ pointer: p, fact: id, message: `Unknown decision "${id}": the pack does not declare it.` }); continue; }
      const d = inst.decision;
      if (!takesRecordedDecision(d)) {
        problems.push({ pointer: p, fact: id, message: `Decision "${id}" is not one a person takes or an officer may override (it declares neither decidedBy nor override).${takers.length ? ` Decisions that take a recorded decision: ${takers.join(', ')}.` : ''}` });
        continue;
      }
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) { problems.push({ pointer: p, fact: id, message: 'A recorded decision must be an object with value, by, at and reason.' }); continue; }
      const r = entry as Record<string, unknown>;
      for (const k of Object.keys(r)) if (!RECORDED_DECISION_KEYS.includes(k)) problems.push({ pointer: `${p}/${escapePointer(k)}`, fact: id, message: `Unknown property "${k}": a recorded decision has ${RECORDED_DECISION_KEYS.join(', ')}.` });
      const scale = index.scales.get(d.scale);
      if (r.value === undefined) problems.push({ pointer: `${p}/value`, fact: id, message: 'The decided value is missing.' });
      else if (isOrdered(scale)) {
        const recordable = recordableValues(d, scale.values);
        if (typeof r.value !== 'string' || !scale.values.includes(r.value)) problems.push({ pointer: `${p}/value`, fact: id, message: `Must be one of ${recordable.map((v) => JSON.stringify(v)).join(', ')} (scale "${d.scale}").` });
        else if (!recordable.includes(r.value)) problems.push({ pointer: `${p}/value`, fact: id, message: `${JSON.stringify(r.value)} is not a value a person records for "${id}": record one of ${recordable.map((v) => JSON.stringify(v)).join(', ')}.` });
      } else if (scale && 'numeric' in scale) {
        const n = scale.numeric;
        if (typeof r.value !== 'number' || r.value < n.min || r.value > n.max || (n.integer && !Number.isInteger(r.value))) problems.push({ pointer: `${p}/value`, fact: id, message: `Must be a${n.integer ? 'n integer' : ' number'} from ${n.min} to ${n.max} (scale "${d.scale}").` });
      }
      if (typeof r.by !== 'string' || !r.by.trim()) problems.push({ pointer: `${p}/by`, fact: id, message: 'Who decided ("by") is missing.' });
      if (!isIsoDate(r.at)) problems.push({ pointer: `${p}/at`, fact: id, message: r.at === undefined ? 'When it was decided ("at", YYYY-MM-DD) is missing.' : `${JSON.stringify(r.at)} is not a calendar date (YYYY-MM-DD).` });
      if (r.reason !== undefined && typeof r.reason !== 'string') problems.push({ pointer: `${p}/reason`, fact: id, message: 'The reason must be text.' });
      else if (reasonRequired(d) && !hasReason(r.reason) && !recordedEarlier?.includes(id)) problems.push({ pointer: `${p}/reason`, fact: id, message: d.decidedBy ? `The reason for the decision on "${id}" is missing: the pack requires ${d.decidedBy.label} to say why, whatever the value.` : `An override of "${id}" must give its reason.` });
      if (r.secondBy !== undefined && (typeof r.secondBy !== 'string' || !r.secondBy.trim())) problems.push({ pointer: `${p}/secondBy`, fact: id, message: 'The second person must be named.' });
    }
    return problems;
  };
}

/** Who is asked for the reason of an override recorded earlier without one (`roleLabel`): "The officer's decision departs from the proposal and has no reason". */
export const OVERRIDING_OFFICER = 'the officer';

/** True when `reason` is text that says something. */
function hasReason(reason: unknown): boolean {
  return typeof reason === 'string' && reason.trim() !== '';
}

/** What an evaluation collects about human decisions; empty for packs without them. */
export interface HumanDecisions {
  proposals: DeterminationProposal[];
  decidedBy: Record<string, DeterminationDecidedBy>;
  /** Instance ids awaiting a person. */
  pending: Set<string>;
}

/**
 * Applies a recorded decision, or makes the proposal, for one decision instance after its rules
 * ran: returns the value the rest of the pack reads. `computed` is what the rules gave.
 * `recordedEarlier` is true when the decision was recorded before this evaluation (a stored
 * assessment determined again): a person's decision then stands even without the reason the
 * pack now requires (when departing from the proposal, or always); the determination marks it
 * (`departsWithoutReason`, with who is to confirm it and by when) instead of refusing it.
 * Throws an `AssessmentError` when a person's decision recorded now departs from the proposal without the
 * reason the pack requires then (`decidedBy.reasonRequired: when-departing`; one the pack always
 * requires is refused by the assessment check), when an override moves the value further than the pack allows
 * without a second person (`secondPersonWhenMovedMoreThan`), or below the lowest value it
 * allows without one (`secondPersonWhenBelow`), and none is named.
 */
export function applyHumanDecision(inst: CompiledInstance, s: EvalState, computed: unknown, recorded: RecordedDecision | undefined, out: HumanDecisions, trace: ExplanationEntry[] | undefined, recordedEarlier = false): unknown {
  const d = inst.decision;
  if (recorded) {
    const kind = d.decidedBy ? 'decision' : 'override';
    const limit = d.override?.secondPersonWhenMovedMoreThan;
    if (kind === 'override' && limit !== undefined && !recorded.secondBy && steps(inst, computed, recorded.value) > limit) {
      throw new AssessmentError([{ pointer: `/decisions/${escapePointer(inst.id)}/secondBy`, fact: inst.id, message: `The override moves "${inst.id}" from ${JSON.stringify(computed)} to ${JSON.stringify(recorded.value)}, more than ${limit} step${limit === 1 ? '' : 's'}: a second person must confirm it (secondBy).` }]);
    }
    const unexplained = !hasReason(recorded.reason) && reasonRequired(d, { proposed: computed, value: recorded.value });
    if (unexplained && !recordedEarlier && kind === 'decision') {
      throw new AssessmentError([{ pointer: `/decisions/${escapePointer(inst.id)}/reason`, fact: inst.id, message: `The reason is missing: the decision records ${JSON.stringify(recorded.value)} for "${inst.id}", departing from the proposal ${JSON.stringify(computed)}, and the pack requires ${d.decidedBy!.label} to say why when departing from it.` }]);
    }
    const floor = kind === 'override' && inst.overrideFloor ? inst.overrideFloor(s) : undefined;
    if (floor !== undefined && floor !== null && !recorded.secondBy && below(inst, recorded.value, floor)) {
      throw new AssessmentError([{ pointer: `/decisions/${escapePointer(inst.id)}/secondBy`, fact: inst.id, message: `The override puts "${inst.id}" at ${JSON.stringify(recorded.value)}, below ${JSON.stringify(floor)}, the lowest value without a second person: a second person must confirm it (secondBy).` }]);
    }
    out.decidedBy[inst.id] = {
      value: recorded.value, by: recorded.by, at: recorded.at,
      ...(recorded.reason !== undefined ? { reason: recorded.reason } : {}),
      ...(recorded.secondBy !== undefined ? { secondBy: recorded.secondBy } : {}),
      computed, kind, ...(d.decidedBy ? { role: d.decidedBy.role } : {}),
    };
    if (unexplained && kind === 'override') {
      // An override recorded earlier, under a version that did not require its reason (`override.reasonRequired: false`):
      // it stands, and the officer is asked for the reason this version requires (no due date: the pack sets none).
      if (recordedEarlier) Object.assign(out.decidedBy[inst.id]!, { departsWithoutReason: true, roleLabel: OVERRIDING_OFFICER, source: citationText(d.override?.source ?? d.source) });
    } else if (unexplained) {
      // Recorded earlier without the reason the pack now requires: it stands, and its role is asked to confirm it with one.
      const due = inst.decidedBy?.within ? offsetDate(inst.decidedBy.within, s) : undefined;
      Object.assign(out.decidedBy[inst.id]!, { departsWithoutReason: true, roleLabel: d.decidedBy!.label, source: inst.decidedBy!.source, ...(due ? { due } : {}) });
    }
    if (d.decidedBy?.interpretation) s.interpretations.add(d.decidedBy.interpretation);
    if (d.override?.interpretation) s.interpretations.add(d.override.interpretation);
    trace?.push({ kind: 'person', of: inst.id });
    return recorded.value;
  }
  if (!d.decidedBy) return computed;
  // The rules gave a value that leaves the person nothing to decide (`decidedBy.nothingToDecide`): no proposal.
  if (d.decidedBy.nothingToDecide?.includes(computed as string)) return computed;
  const meanwhile = d.decidedBy.meanwhile ?? 'proposed';
  const due = inst.decidedBy?.within ? offsetDate(inst.decidedBy.within, s) : undefined;
  // One literal for each shape (a spread of `{ due }` costs more than the rest of this function).
  out.proposals.push(due
    ? { decision: inst.id, proposed: computed, role: d.decidedBy.role, roleLabel: d.decidedBy.label, due, source: inst.decidedBy!.source, meanwhile }
    : { decision: inst.id, proposed: computed, role: d.decidedBy.role, roleLabel: d.decidedBy.label, source: inst.decidedBy!.source, meanwhile });
  out.pending.add(inst.id);
  if (d.decidedBy.interpretation) s.interpretations.add(d.decidedBy.interpretation);
  trace?.push({ kind: 'person', of: inst.id });
  return meanwhile === 'proposed' ? computed : null;
}

/** How far an override moves a value: steps on an ordered scale, the difference on a numeric one. */
function steps(inst: CompiledInstance, from: unknown, to: unknown): number {
  if (inst.ranks) {
    const a = inst.ranks.get(from as string);
    const b = inst.ranks.get(to as string);
    return a === undefined || b === undefined ? Infinity : Math.abs(a - b);
  }
  return typeof from === 'number' && typeof to === 'number' ? Math.abs(from - to) : Infinity;
}

/** True when `value` is below `floor`: lower in rank on an ordered scale, smaller on a numeric one. */
function below(inst: CompiledInstance, value: unknown, floor: unknown): boolean {
  if (inst.ranks) {
    const a = inst.ranks.get(value as string);
    const b = inst.ranks.get(floor as string);
    return a !== undefined && b !== undefined && a < b;
  }
  return typeof value === 'number' && typeof floor === 'number' && value < floor;
}

/** True when the decision, or one it rests on (directly or not), awaits a person. */
export function restsOnPending(decisionId: string, pending: ReadonlySet<string>, instancesOf: ReadonlyMap<string, readonly { id: string }[]>, deps: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  const seen = new Set<string>();
  const walk = (id: string): boolean => {
    if (seen.has(id)) return false;
    seen.add(id);
    if ((instancesOf.get(id) ?? []).some((i) => pending.has(i.id))) return true;
    for (const dep of deps.get(id) ?? []) if (walk(dep)) return true;
    return false;
  };
  return walk(decisionId);
}

/**
 * Names who decides in each proposal, and in each decision to confirm, in the determination's
 * words where the pack says who decides case by case (`decidedBy.labelFrom`): the value of that
 * decision (for a decision taken per domain, its instance for the same domain first), with its
 * first letter lower-cased unless it starts an abbreviation ("the team manager, jointly with
 * HCCG"); the role's `label` stays where that decision gives no text. `values` are the
 * determination's decision values, by instance id.
 */
export function nameWhoDecides(index: PackIndex, out: HumanDecisions, values: Readonly<Record<string, unknown>>): void {
  const words = (id: string): string | undefined => {
    const from = index.instancesById.get(id)?.decision.decidedBy?.labelFrom;
    if (!from) return undefined;
    const domain = id.includes('.') ? id.slice(id.indexOf('.') + 1) : undefined;
    const v = (domain !== undefined ? values[`${from}.${domain}`] : undefined) ?? values[from];
    return typeof v === 'string' && v.trim() ? whoDecidesWords(v) : undefined;
  };
  for (const p of out.proposals) {
    const w = words(p.decision);
    if (w) p.roleLabel = w;
  }
  for (const [id, taken] of Object.entries(out.decidedBy)) {
    const w = taken.departsWithoutReason ? words(id) : undefined;
    if (w) taken.roleLabel = w;
  }
}

/**
 * A decision's value that names who decides, as it reads after "to be decided by": its first letter
 * lower-cased, unless the second is a capital too (an abbreviation: "HCCG and the Council").
 * @example whoDecidesWords('The multi-agency quality review panel') // 'the multi-agency quality review panel'
 */
export function whoDecidesWords(value: string): string {
  const t = value.trim();
  return t.length > 1 && t[1] === t[1]!.toLowerCase() ? t[0]!.toLowerCase() + t.slice(1) : t;
}
