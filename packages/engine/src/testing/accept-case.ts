import type { CaseExpectation, Determination, PackCase } from '../types.js';
import type { CaseAcceptance } from '../schema/shapes/case.js';

/**
 * A case whose expectation now holds the result a person reviewed and accepted: every key the
 * case checks (and only those) takes the value the determination gave, and the case records
 * who accepted it and when (`accepted`), so it is no longer read as a value from the document.
 * Expected actions, schedule entries, proposals and interpretations that the determination no
 * longer gives are dropped; "must not" lists drop what it now gives. A case that expected an
 * evaluation error, and was evaluated, now expects the headline it got.
 * @example
 * const accepted = acceptCaseResult(c, result.determination, { by: 'Ann Lead', on: '2026-12-06' });
 */
export function acceptCaseResult(c: PackCase, d: Determination, acceptance: CaseAcceptance): PackCase {
  const { wantError: _wantError, ...rest } = c;
  const want: CaseExpectation = c.wantError !== undefined ? { headline: d.headline.value as CaseExpectation['headline'] } : acceptedExpectation(c.want ?? {}, d);
  return { ...rest, want, accepted: acceptance };
}

type ScheduleWant = NonNullable<CaseExpectation['schedule']>[number];
type ProposalWant = NonNullable<CaseExpectation['proposals']>[number];

function acceptedExpectation(want: CaseExpectation, d: Determination): CaseExpectation {
  const w: CaseExpectation = { ...want };
  if (want.headline !== undefined) w.headline = d.headline.value as CaseExpectation['headline'];
  if (want.decisions) w.decisions = Object.fromEntries(Object.keys(want.decisions).map((k) => [k, d.decisions[k] ?? null]));
  const actions = new Map(d.actions.map((a) => [a.id, a]));
  if (want.actionsExact) {
    const withDue = new Set((want.actions ?? []).filter((a) => typeof a !== 'string' && a.due).map((a) => (typeof a === 'string' ? a : a.id)));
    w.actions = d.actions.map((a) => (withDue.has(a.id) ? { id: a.id, due: a.due } : a.id));
  } else if (want.actions) {
    w.actions = want.actions.flatMap((a) => {
      const got = actions.get(typeof a === 'string' ? a : a.id);
      if (!got) return [];
      return typeof a === 'string' || !a.due ? [a] : [{ ...a, due: got.due }];
    });
  }
  if (want.noActions) w.noActions = want.noActions.filter((id) => !actions.has(id));
  const schedule = new Map(d.schedule.map((e) => [e.id, e]));
  if (want.schedule) {
    w.schedule = want.schedule.flatMap((e): ScheduleWant[] => {
      const got = schedule.get(typeof e === 'string' ? e : e.id);
      if (!got) return [];
      if (typeof e === 'string') return [e];
      const entry = { ...e };
      if (e.nextDue !== undefined) entry.nextDue = got.nextDue;
      if (e.everyMonths !== undefined || e.everyDays !== undefined) {
        delete entry.everyMonths;
        delete entry.everyDays;
        if (got.everyMonths !== undefined) entry.everyMonths = got.everyMonths;
        if (got.everyDays !== undefined) entry.everyDays = got.everyDays;
      }
      return [entry];
    });
  }
  if (want.noSchedule) w.noSchedule = want.noSchedule.filter((id) => !schedule.has(id));
  if (want.scores) w.scores = Object.fromEntries(Object.keys(want.scores).map((k) => [k, d.scores[k] ?? null]));
  if (want.interpretations) {
    const relied = new Set(d.interpretations.map((i) => i.id));
    w.interpretations = want.interpretations.filter((id) => relied.has(id));
  }
  const proposals = new Map((d.proposals ?? []).map((p) => [p.decision, p]));
  if (want.proposals) {
    w.proposals = want.proposals.flatMap((p): ProposalWant[] => {
      const got = proposals.get(typeof p === 'string' ? p : p.decision);
      if (!got) return [];
      if (typeof p === 'string') return [p];
      const entry = { ...p };
      if (p.proposed !== undefined) entry.proposed = got.proposed;
      if (p.role !== undefined) entry.role = got.role;
      if (p.due !== undefined) {
        if (got.due !== undefined) entry.due = got.due;
        else delete entry.due;
      }
      return [entry];
    });
  }
  if (want.noProposals) w.noProposals = want.noProposals.filter((id) => !proposals.has(id));
  if (want.pending !== undefined) w.pending = d.headline.pending === true;
  return w;
}
