import type { AssessmentFormModel, CriterionField, FactField, JudgementGroup } from './assessment-form-model.js';

/** A problem of the visit form, tied to the id of the control it is about, in the pack's words. */
export interface VisitProblem {
  field: string;
  message: string;
}

/** The id of a criterion's first radio (what the error summary links to). */
export function judgementFieldId(criterion: string): string {
  return `j-${criterion}`;
}

/** The id of a fact's control. */
export function factFieldId(fact: string): string {
  return `f-${fact}`;
}

/** The id of the reason field of a decision recorded in the draft (where the server's refusal of it is shown). */
export function decisionFieldId(decision: string): string {
  return `d-${decision}`;
}

/**
 * A criterion's judgements best first (the pack's scales run worst to best), so the first radio
 * a keyboard reaches is the best value and one arrow press moves to the next lower.
 * @example bestFirst({ judgements: ['Not met', 'Partly met', 'Fully met'] }) // ['Fully met', 'Partly met', 'Not met']
 */
export function bestFirst(criterion: Pick<CriterionField, 'judgements'>): string[] {
  return [...criterion.judgements].reverse();
}

/** Every criterion of the form, in the order the form shows them. */
export function allCriteria(model: AssessmentFormModel): CriterionField[] {
  return model.groups.flatMap((g) => g.standards.flatMap((s) => s.criteria));
}

/**
 * The value "fill the rest" offers first: the best value every criterion can take (Birmingham
 * "Fully met": "Exceptional" is only for advanced criteria; Herefordshire "Good practice").
 * Never the worst. Undefined when the pack has no criteria.
 */
export function defaultFillValue(model: AssessmentFormModel): string | undefined {
  const criteria = allCriteria(model);
  if (criteria.length === 0) return undefined;
  const common = bestFirst(criteria[0]!).filter((v) => criteria.every((c) => c.judgements.includes(v)));
  return common[0] ?? bestFirst(criteria[0]!)[0];
}

/** The values "fill the rest" can use: every judgement some criterion can take, best first. */
export function fillValues(model: AssessmentFormModel): string[] {
  const seen: string[] = [];
  for (const c of allCriteria(model)) for (const v of bestFirst(c)) if (!seen.includes(v)) seen.push(v);
  return seen;
}

/**
 * The judgements with every criterion not yet judged set to `value`, where the criterion can
 * take it; judgements already made are never changed.
 */
export function fillUnjudged(model: AssessmentFormModel, judgements: Readonly<Record<string, string>>, value: string): Record<string, string> {
  const filled = { ...judgements };
  for (const c of allCriteria(model)) if (!filled[c.id] && c.judgements.includes(value)) filled[c.id] = value;
  return filled;
}

/** How far a domain is judged: criteria judged of all, and how many of each judgement. */
export interface DomainProgress {
  judged: number;
  total: number;
  counts: Record<string, number>;
}

/** How far one domain is judged. */
export function domainProgress(group: JudgementGroup, judgements: Readonly<Record<string, string>>): DomainProgress {
  const criteria = group.standards.flatMap((s) => s.criteria);
  const counts: Record<string, number> = {};
  let judged = 0;
  for (const c of criteria) {
    const j = judgements[c.id];
    if (!j) continue;
    judged += 1;
    counts[j] = (counts[j] ?? 0) + 1;
  }
  return { judged, total: criteria.length, counts };
}

/**
 * The judgements to ask the preview with so each domain whose criteria are all judged gets its
 * band before the others are finished: the unjudged criteria of the unfinished domains are
 * filled with `fill`. Named interpretation "running-band-per-domain": a per-domain decision
 * (`forEach: domain`) counts that domain's own criteria, so the filled ones do not change the
 * band of a finished domain; unfinished domains show no band.
 */
export function runningBandJudgements(model: AssessmentFormModel, judgements: Readonly<Record<string, string>>, fill: string): { judgements: Record<string, string>; finished: string[] } {
  const finished = model.groups.filter((g) => { const p = domainProgress(g, judgements); return p.judged === p.total; }).map((g) => g.id);
  return { judgements: fillUnjudged(model, judgements, fill), finished };
}

/**
 * What stops the visit being submitted, in the pack's words, each tied to its control: a
 * criterion without a judgement (when the pack needs every one), a required fact not given,
 * the visit date, and the facts from the provider record not yet confirmed.
 */
export function visitProblems(
  model: AssessmentFormModel,
  draft: { date?: string; judgements?: Record<string, string>; facts?: Record<string, unknown> },
  prefilledConfirmed: boolean,
): VisitProblem[] {
  const problems: VisitProblem[] = [];
  if (!draft.date) problems.push({ field: 'date', message: 'Enter the date of the visit' });
  if (!prefilledConfirmed) problems.push({ field: 'confirm-prefilled', message: 'Confirm the facts from the provider record, or correct them' });
  for (const f of model.facts) {
    const v = draft.facts?.[f.name];
    if (f.required && (v === undefined || v === '')) problems.push({ field: factFieldId(f.name), message: `${f.kind === 'choice' || f.kind === 'yes-no' ? 'Choose' : 'Enter'} ${lowerFirst(f.label)}` });
  }
  if (model.judgementsRequired) {
    for (const c of allCriteria(model)) {
      if (!draft.judgements?.[c.id]) problems.push({ field: judgementFieldId(c.id), message: `Choose a judgement for "${c.title}"` });
    }
  }
  return problems;
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** A fact's value as the officer reads it on "check your answers". */
export function factAnswer(f: FactField, value: unknown): string {
  if (value === undefined || value === '') return 'Not recorded';
  if (f.kind === 'yes-no') return value === true ? 'Yes' : 'No';
  return String(value);
}

/** The facts of the form from the draft as control values (booleans as yes/no). */
export function factControlValue(f: FactField, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (f.kind === 'yes-no') return value === true ? 'yes' : value === false ? 'no' : '';
  return String(value);
}

/**
 * The judgements a draft keeps when its form is rebuilt for another framework version (the visit
 * date moved into another version's period): those whose criterion the new version still has and
 * whose value it still allows. The others are returned as dropped, to tell the officer.
 */
export function judgementsKept(
  model: AssessmentFormModel,
  judgements: Readonly<Record<string, string>>,
): { kept: Record<string, string>; dropped: string[] } {
  const criteria = new Map(allCriteria(model).map((c) => [c.id, c]));
  const kept: Record<string, string> = {};
  const dropped: string[] = [];
  for (const [id, value] of Object.entries(judgements)) {
    if (criteria.get(id)?.judgements.includes(value)) kept[id] = value;
    else dropped.push(id);
  }
  return { kept, dropped };
}
