import type { Assessment, Determination, DeterminationAction, DeterminationDecidedBy, DeterminationProposal, DeterminationScheduleEntry } from '../types.js';
import { addDays, addMonths, isIsoDate } from '../dates/iso-date.js';

/**
 * Birmingham's quality ratings (packages/councils-birmingham/pack; documents 000, 001 and 002 of
 * shared/seeds) written by hand in plain TypeScript, as a developer would write them for a
 * service: the benchmark's yardstick for the engine on a real pack. It gives the engine's
 * determination (decisions, headline, actions with due dates, schedule, scores, the
 * interpretations relied on, proposals and recorded decisions) without the explanation.
 *
 * The numbers are constants here, each citing its document section (the pack declares the same
 * numbers as parameters; a change there is not seen here). The words of the pack's
 * interpretations (their titles and notes) are passed in once, from the pack, because a
 * determination quotes them; every rule is below.
 */

/** The rating scale, lowest first (000 s3.1). */
const RATING = ['Inadequate', 'Bronze', 'Silver', 'Gold'] as const;
type Rank = 0 | 1 | 2 | 3;
const INADEQUATE = 0; const BRONZE = 1; const SILVER = 2; const GOLD = 3;
const RATING_RANK: Record<string, Rank> = { Inadequate: 0, Bronze: 1, Silver: 2, Gold: 3 };
/** CQC rating to the council's band (000 s3.1). */
const CQC_RANK: Record<string, Rank> = { Inadequate: 0, 'Requires Improvement': 1, Good: 2, Outstanding: 3 };
const NHS_RAG = new Set(['Red', 'Amber', 'Green', 'Bright Green']);
const HEALTHCARE_ASSURANCE = new Set(['Inadequate Assurance', 'Moderate Assurance', 'Good Assurance', 'Very Good Assurance']);
const SERVICE_TYPES = new Set(['Home Support', 'Supported Living', 'Residential care', 'Nursing care']);
const VISIT_TYPES = new Set(['Annual', 'Focussed', 'Re-inspection']);

/** Improvement process (001 s10.1, s11.1), lowest first. */
const PROCESS = ['None', 'Bronze process', 'Inadequate process'] as const;

/** Days and months of the processes and the schedule, with the section that gives each. */
const IAP_SUBMIT_DAYS = 7; // 000 s4.1: the provider submits the IAP within 7 days of the request
const IAP_APPROVAL_DAYS = 7; // 000 s4.1: the Council approves or returns it within 7 days of submission
const IAP_APPROVAL_EXPECTED_DAYS = 14; // 000 s4.1: both, when the submission is not recorded (interpretation iap-review-before-submission)
const VISIT_MONTHS = 12; // 001 s5.3: a visit at least every 12 months, none within 12 months of a CQC rating
const GOLD_VISIT_MONTHS = 24; // 000 s3.1: Gold visited "bi-annually" (interpretation gold-visit-every-two-years)
const PQAS_MONTHS = 6; // 002 Provider assurance statement: every 6 months
const GOLD_PQAS_MONTHS = 12; // 002 Gold providers: annually
const LARGE_OVER_HOURS = 2000; // 002 Provider size classification: Large over 2,000 weekly hours
const SMALL_UNDER_HOURS = 1000; // 002 Provider size classification: Small under 1,000 weekly hours

/** One care domain of 000 s3.2.2: its criteria (the first ones Mandatory, the last ones Advanced) and its table's numbers. */
interface Domain {
  id: string;
  criteria: readonly string[];
  mandatory: number;
  advanced: number;
  goldMinExceptional: number;
  silverMinFullyMet: number;
  bronzeMaxNotMet: number;
  inadequateMinNotMet: number;
}

function domain(id: string, prefix: string, total: number, mandatory: number, advanced: number, goldMinExceptional: number, silverMinFullyMet: number, bronzeMaxNotMet: number, inadequateMinNotMet: number): Domain {
  const criteria = Array.from({ length: total }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`);
  return { id, criteria, mandatory, advanced, goldMinExceptional, silverMinFullyMet, bronzeMaxNotMet, inadequateMinNotMet };
}

/** 000 s3.2.2: the five domains' criteria counts and band tables (which criteria are Mandatory or Advanced: interpretation criteria-layout). */
const DOMAINS: readonly Domain[] = [
  domain('involvement', 'inv', 12, 4, 6, 5, 9, 2, 3),
  domain('personalisedCare', 'pcs', 16, 4, 9, 7, 13, 3, 4),
  domain('safeguarding', 'saf', 15, 5, 3, 3, 12, 2, 3),
  domain('staffing', 'stf', 19, 4, 5, 4, 15, 4, 5),
  domain('management', 'mgt', 17, 3, 5, 4, 13, 3, 4),
];
const CRITERIA_TOTAL = DOMAINS.reduce((n, d) => n + d.criteria.length, 0);
const DOMAIN_DECISIONS = DOMAINS.map((d) => `domainRating.${d.id}`);
const SAFEGUARDING = DOMAINS.findIndex((d) => d.id === 'safeguarding');
const PERSONALISED_CARE = DOMAINS.findIndex((d) => d.id === 'personalisedCare');

/** A judgement's rank: Not met < Partly met < Fully met < Exceptional (000 s3.2.2); -1 when it is none of them. */
function judgementRank(v: unknown): number {
  switch (v) {
    case 'Not met': return 0;
    case 'Partly met': return 1;
    case 'Fully met': return 2;
    case 'Exceptional': return 3;
    default: return -1;
  }
}

type FactCheck = (v: unknown) => boolean;
const oneOf = (values: ReadonlySet<string> | Record<string, unknown>): FactCheck => (values instanceof Set ? (v) => typeof v === 'string' && values.has(v) : (v) => typeof v === 'string' && Object.hasOwn(values, v));
const isBoolean: FactCheck = (v) => typeof v === 'boolean';
const isDate: FactCheck = (v) => isIsoDate(v);

/** Every fact an assessment may carry, with the check of its value. */
const FACTS: Record<string, FactCheck> = {
  serviceType: oneOf(SERVICE_TYPES),
  visitType: oneOf(VISIT_TYPES),
  previousRating: oneOf(RATING_RANK),
  lastAnnualVisitDate: isDate,
  cqcRating: oneOf(CQC_RANK),
  cqcRatingDate: isDate,
  nhsRating: oneOf(NHS_RAG),
  nhsRatingDate: isDate,
  healthcareAssuranceLevel: oneOf(HEALTHCARE_ASSURANCE),
  pqasNotSubmittedInTime: isBoolean,
  pqasFalsified: isBoolean,
  pqasRepeatBreach: isBoolean,
  pqasRating: oneOf(RATING_RANK),
  pqasDate: isDate,
  improvementNotValidatedInTime: isBoolean,
  iapRequestDate: isDate,
  iapSubmittedDate: isDate,
  iapCompletionDate: isDate,
  reinspectionRequestDate: isDate,
  customerFeedbackAdjustment: (v) => Number.isInteger(v) && (v as number) >= -2 && (v as number) <= 2,
  weeklyHours: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
  newToBirmingham: isBoolean,
  entryDocumentsComplete: isBoolean,
  improvementValidated: isBoolean,
};
const TRIGGERS = ['triggerHighConcerns', 'triggerPatternOfConcerns', 'triggerContractBreach', 'triggerRollingNonCompliance', 'triggerCqcNotice', 'triggerComplaints', 'triggerServiceUserFeedback', 'triggerCreditAlerts', 'triggerOutcomesNotMet'];
for (const t of TRIGGERS) FACTS[t] = isBoolean;

/** The decisions the Council takes (a person's decision is recorded in `assessment.decisions`). */
const COUNCIL_DECISIONS: Record<string, { values: readonly string[]; roleLabel: string; source: string; interpretation: string }> = {
  inadequateImprovementPlan: { values: ['No Improvement Action Plan', 'Improvement Action Plan required'], roleLabel: 'the Council or its partners', source: '001 s11.3', interpretation: 'inadequate-iap-decided-by-the-council' },
  iapApproval: { values: ['Returned for amendments', 'Approved'], roleLabel: 'the Council or its partners', source: '000 s4.1', interpretation: 'iap-approval-decided-by-the-council' },
  contractTermination: { values: ['Continue the contracting arrangement', 'Terminate the contracting arrangement'], roleLabel: 'the Council', source: '000 s3.3.2', interpretation: 'termination-decided-by-the-council' },
  focussedInspection: { values: ['Carry out a focussed inspection', 'No focussed inspection'], roleLabel: 'the Council', source: '000 s3.5', interpretation: 'focussed-inspection-decided-by-the-council' },
};
interface Recorded { value: string; by: string; at: string; reason?: string; secondBy?: string }

/** A refused assessment: what is wrong and where. */
export class BirminghamInputError extends Error {}
const refuse = (where: string, what: string): never => { throw new BirminghamInputError(`${where}: ${what}`); };

/** Checks an assessment as a service would: a real date, every criterion judged with a value it allows, known facts of the right kind, recorded decisions the Council takes. */
function check(a: Assessment, asOf: string | undefined): void {
  if (!isIsoDate(a.date)) refuse('date', 'not a calendar date (YYYY-MM-DD)');
  if (asOf !== undefined && !isIsoDate(asOf)) refuse('asOf', 'not a calendar date (YYYY-MM-DD)');
  const j = a.judgements ?? {};
  for (const d of DOMAINS) {
    const advancedFrom = d.criteria.length - d.advanced;
    for (let i = 0; i < d.criteria.length; i++) {
      const id = d.criteria[i]!;
      const r = judgementRank(j[id]);
      if (j[id] === undefined) refuse(id, `Criterion "${id}" has no judgement`);
      if (r < 0 || (r === 3 && i < advancedFrom)) refuse(id, `${JSON.stringify(j[id])} is not a judgement criterion "${id}" allows`);
    }
  }
  if (Object.keys(j).length !== CRITERIA_TOTAL) refuse('judgements', 'a judgement of a criterion the framework does not have');
  const f = a.facts ?? {};
  for (const k of Object.keys(f)) {
    const ok = FACTS[k];
    if (!ok) refuse(k, `unknown fact "${k}"`);
    else if (!ok(f[k])) refuse(k, `${JSON.stringify(f[k])} is not a value "${k}" takes`);
  }
  if (f.serviceType === undefined) refuse('serviceType', 'Required fact "serviceType" is missing');
  // 000 s3.5; 002 Adjusting the quality rating, item 4: a focussed visit only lowers the previous rating.
  if (f.visitType === 'Focussed' && f.previousRating === undefined) refuse('previousRating', 'Required fact "previousRating" is missing for a focussed visit');
  for (const [id, r] of Object.entries(a.decisions ?? {})) {
    const taken = COUNCIL_DECISIONS[id];
    if (!taken) refuse(id, `"${id}" is not a decision a person takes`);
    const e = r as Partial<Recorded>;
    if (typeof e.value !== 'string' || !taken!.values.includes(e.value)) refuse(id, `${JSON.stringify(e.value)} is not a value a person records for "${id}": record one of ${taken!.values.map((v) => JSON.stringify(v)).join(', ')}`);
    if (typeof e.by !== 'string' || !e.by.trim()) refuse(id, 'who decided ("by") is missing');
    if (!isIsoDate(e.at)) refuse(id, 'when it was decided ("at", YYYY-MM-DD) is missing or not a date');
    if (e.reason !== undefined && typeof e.reason !== 'string') refuse(id, 'the reason must be text');
    if (e.secondBy !== undefined && (typeof e.secondBy !== 'string' || !e.secondBy.trim())) refuse(id, 'the second person must be named');
  }
}

/** The pack's warning (outcomes.warnings) when the last annual visit is dated after this visit. */
const LAST_ANNUAL_VISIT_WARNING = 'The date recorded for the last annual visit is after this visit: a focussed visit or re-inspection is measured against the last full annual audit before it, so check the date; until it is corrected the routine visit cycle may be counted from the wrong visit';
/** The later of two dates, either possibly missing. */
const later = (x: unknown, y: unknown): string | undefined => (isIsoDate(x) ? (isIsoDate(y) && y > x ? y : x) : isIsoDate(y) ? y : undefined);

const DAY_MS = 86_400_000;
const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
/** The second Wednesday of a month (month 0-11, may run past 11), as a time. */
function secondWednesday(year: number, month: number): number {
  const first = Date.UTC(year, month, 1);
  return first + (((3 - new Date(first).getUTCDay() + 7) % 7) + 7) * DAY_MS;
}
/** 000 s6.1: CareMatch is updated on the second Wednesday of each month: the next one after `date`. */
function nextSecondWednesday(date: string): string {
  const y = Number(date.slice(0, 4)); const m = Number(date.slice(5, 7)) - 1;
  const same = iso(secondWednesday(y, m));
  return same > date ? same : iso(secondWednesday(y, m + 1));
}
/** 000 s6.1: the Directory by the Friday following the CareMatch update: the next such Friday after `date` (interpretation directory-following-friday). */
function nextDirectoryFriday(date: string): string {
  const y = Number(date.slice(0, 4)); const m = Number(date.slice(5, 7)) - 1;
  for (let k = -1; ; k++) {
    const friday = iso(secondWednesday(y, m + k) + 2 * DAY_MS);
    if (friday > date) return friday;
  }
}

/** The words a determination quotes, from the pack. */
export interface BirminghamWords {
  pack: { id: string; version: string; hash: string };
  /** The pack's interpretations, in its order. */
  interpretations: Readonly<Record<string, { title: string; note: string }>>;
}

/**
 * Birmingham's rules by hand: returns the function that gives an assessment's determination
 * (asOf defaults to the assessment date). Throws a {@link BirminghamInputError} naming the fact
 * or criterion on bad input.
 */
export function handWrittenBirmingham(words: BirminghamWords): (a: Assessment, asOf?: string) => Determination {
  const interpretationList = Object.entries(words.interpretations).map(([id, i]) => ({ id, title: i.title, note: i.note }));
  return (a, asOfOption) => determine(a, asOfOption, words.pack, interpretationList);
}

function determine(a: Assessment, asOfOption: string | undefined, pack: BirminghamWords['pack'], interpretationList: readonly { id: string; title: string; note: string }[]): Determination {
  check(a, asOfOption);
  const date = a.date;
  const asOf = asOfOption ?? date;
  const j = a.judgements!;
  const f = a.facts!;
  const relied = new Set<string>();
  const decisions: Record<string, unknown> = {};
  const serviceType = f.serviceType as string;
  const homeOrSupported = serviceType === 'Home Support' || serviceType === 'Supported Living';
  const residentialOrNursing = serviceType === 'Residential care' || serviceType === 'Nursing care';

  // Domain ratings (000 s3.2.2), first matching rule.
  const bands: Rank[] = [];
  let gold = 0; let silver = 0; let bronze = 0; let inadequate = 0;
  for (let di = 0; di < DOMAINS.length; di++) {
    const d = DOMAINS[di]!;
    const advancedFrom = d.criteria.length - d.advanced;
    let advancedExceptional = 0; let belowFully = 0; let fully = 0; let fullyOrBetter = 0;
    let mandatoryBelowFully = 0; let mandatoryPartly = 0; let notMet = 0; let mandatoryNotMet = 0;
    for (let i = 0; i < d.criteria.length; i++) {
      const r = judgementRank(j[d.criteria[i]!]);
      const mandatory = i < d.mandatory;
      if (r === 3) { fullyOrBetter++; if (i >= advancedFrom) advancedExceptional++; }
      else if (r === 2) { fully++; fullyOrBetter++; }
      else {
        belowFully++;
        if (mandatory) mandatoryBelowFully++;
        if (r === 1) { if (mandatory) mandatoryPartly++; }
        else { notMet++; if (mandatory) mandatoryNotMet++; }
      }
    }
    let band: Rank;
    if (advancedExceptional >= d.goldMinExceptional && belowFully === 0) { band = GOLD; relied.add('criteria-layout'); }
    else if (fully >= d.silverMinFullyMet && mandatoryBelowFully === 0 && notMet === 0) { band = SILVER; relied.add('criteria-layout'); }
    else if (fullyOrBetter >= d.silverMinFullyMet && mandatoryBelowFully === 0 && notMet === 0) { band = SILVER; relied.add('exceptional-counts-as-fully-met'); }
    else if (mandatoryPartly === d.mandatory && notMet <= d.bronzeMaxNotMet) { band = BRONZE; relied.add('criteria-layout'); }
    else if (mandatoryNotMet === 0 && notMet <= d.bronzeMaxNotMet) { band = BRONZE; relied.add('mandatory-partly-met-means-at-least'); }
    else if (notMet >= d.inadequateMinNotMet) band = INADEQUATE;
    else { band = INADEQUATE; relied.add('criteria-layout'); } // a Mandatory criterion Not met
    bands.push(band);
    decisions[DOMAIN_DECISIONS[di]!] = RATING[band];
    if (band === GOLD) gold++; else if (band === SILVER) silver++; else if (band === BRONZE) bronze++; else inadequate++;
  }

  // This visit's band from the domains (000 s3.2.2 overall table).
  let visitBand: Rank;
  if (gold >= 2 && bronze + inadequate === 0) visitBand = GOLD;
  else if (silver >= 4 && bronze <= 1 && inadequate === 0) visitBand = SILVER;
  else if (gold + silver >= 4 && bronze <= 1 && inadequate === 0) { visitBand = SILVER; relied.add('silver-counts-gold-domains'); }
  else if (bronze >= 2 && inadequate <= 1) visitBand = BRONZE;
  else if (inadequate >= 2) visitBand = INADEQUATE;
  else { visitBand = BRONZE; relied.add('overall-single-inadequate-domain'); } // one Inadequate, at most one Bronze
  decisions.visitBand = RATING[visitBand];

  // The Quality Monitoring Visit rating: a focussed visit only lowers, a re-inspection validates or not (000 s3.5, s4.1, s5.1; 001 s10.7).
  const visitType = f.visitType as string | undefined;
  const previous = f.previousRating === undefined ? undefined : RATING_RANK[f.previousRating as string]!;
  let qmv: Rank;
  if (visitType === undefined || visitType === 'Annual') qmv = visitBand;
  else if (visitType === 'Focussed') { qmv = Math.min(visitBand, previous!) as Rank; relied.add('focussed-visit-lowers-at-once'); } // 001 s4.3 read with 000 s3.5
  else if (previous === BRONZE) {
    if (visitBand >= SILVER) { qmv = SILVER; relied.add('reinspection-outcome-from-band'); }
    else if (homeOrSupported) { qmv = INADEQUATE; relied.add('reinspection-outcome-from-band'); }
    else { qmv = BRONZE; relied.add('bronze-again-other-services'); }
  } else if (previous === INADEQUATE) { qmv = visitBand >= BRONZE ? BRONZE : INADEQUATE; relied.add('reinspection-outcome-from-band'); }
  else if (previous === SILVER) qmv = Math.min(visitBand, SILVER) as Rank;
  else if (previous === GOLD) qmv = visitBand;
  else { qmv = Math.min(visitBand, SILVER) as Rank; relied.add('reinspection-without-previous-rating'); }
  decisions.qmvRating = RATING[qmv];

  // The most recent of the visit and the CQC rating (001 s4.5, s5.4); on the same day the visit counts.
  const cqc = f.cqcRating as string | undefined;
  const cqcDate = f.cqcRatingDate as string | undefined;
  if (cqc !== undefined && cqcDate === date) relied.add('same-day-ratings');
  else if (f.nhsRating !== undefined) relied.add('source-precedence');
  let mostRecent: Rank | undefined;
  if (cqc !== undefined && cqcDate === date) mostRecent = qmv;
  else {
    // Dated after asOf: not yet known. On the same date the visit, listed first, wins.
    if (date <= asOf) mostRecent = qmv;
    if (cqc !== undefined && cqcDate !== undefined && cqcDate <= asOf && (mostRecent === undefined || cqcDate > date)) mostRecent = CQC_RANK[cqc]!;
  }
  if (mostRecent === undefined) throw new Error('mostRecentRating: neither the visit nor a CQC rating is dated on or before asOf');
  decisions.mostRecentRating = RATING[mostRecent];

  // The overall rating with its overrides.
  const improvementNotValidatedInTime = f.improvementNotValidatedInTime === true;
  const pqasRating = f.pqasRating === undefined ? undefined : RATING_RANK[f.pqasRating as string]!;
  const pqasDate = f.pqasDate as string | undefined;
  const nhsDate = f.nhsRatingDate as string | undefined;
  // A rating dated after asOf is not yet in effect (ratings-in-effect-on-the-determination-date; 001 s4.5).
  const cqcInEffect = !(cqcDate !== undefined && cqcDate > asOf);
  const nhsInEffect = !(nhsDate !== undefined && nhsDate > asOf);
  let overall: Rank;
  if (f.pqasFalsified === true) overall = INADEQUATE; // 000 s3.3.2; 001 s7.6
  else if (f.pqasNotSubmittedInTime === true) { overall = INADEQUATE; relied.add('late-pqas-stays-inadequate'); } // 000 s3.3.1
  else if (cqc === 'Inadequate' && cqcInEffect) overall = INADEQUATE; // 002 Adjusting the quality rating: CQC Inadequate stands
  else if (improvementNotValidatedInTime && mostRecent <= BRONZE && homeOrSupported) { overall = INADEQUATE; relied.add('bronze-improvement-failure'); }
  else if (pqasRating !== undefined && pqasRating < mostRecent && pqasDate !== undefined && pqasDate > date && pqasDate <= asOf
    && !(cqcDate !== undefined && cqcDate > pqasDate && cqcInEffect) && !(nhsDate !== undefined && nhsDate > pqasDate && nhsInEffect)) { overall = pqasRating; relied.add('pqas-declared-rating'); }
  else overall = mostRecent;
  decisions.overallRating = RATING[overall];

  // The improvement process (001 s10.1, s11.1): the highest a rule gives.
  const validated = f.improvementValidated === true;
  const hal = f.healthcareAssuranceLevel as string | undefined;
  let process = 0;
  if (!validated) {
    const bronzeElsewhere = qmv === BRONZE || (cqc === 'Requires Improvement' && cqcInEffect) || hal === 'Moderate Assurance';
    const inadequateElsewhere = qmv === INADEQUATE || (cqc === 'Inadequate' && cqcInEffect) || hal === 'Inadequate Assurance';
    if (overall === BRONZE) process = 1;
    if (overall >= SILVER && bronzeElsewhere) { process = 1; relied.add('process-triggered-by-any-rating'); }
    if (overall === INADEQUATE) process = 2;
    if (overall >= BRONZE && inadequateElsewhere) { process = 2; relied.add('process-triggered-by-any-rating'); }
  } else {
    process = qmv >= SILVER ? 0 : qmv === BRONZE ? 1 : 2;
    relied.add('validated-improvement-ends-process');
  }
  decisions.improvementProcess = PROCESS[process];

  // Decisions the Council takes: recorded, or proposed (interpretations *-decided-by-the-council).
  const recorded = a.decisions as Record<string, Recorded> | undefined;
  const proposals: DeterminationProposal[] = [];
  const decidedBy: Record<string, DeterminationDecidedBy> = {};
  const councilDecides = (id: string, computed: string, nothingToDecide: boolean, due: string | undefined, undecidedMeanwhile: boolean): string | null => {
    const taken = COUNCIL_DECISIONS[id]!;
    relied.add(taken.interpretation);
    const r = recorded?.[id];
    if (r) {
      decidedBy[id] = { value: r.value, by: r.by, at: r.at, ...(r.reason !== undefined ? { reason: r.reason } : {}), ...(r.secondBy !== undefined ? { secondBy: r.secondBy } : {}), computed, kind: 'decision', role: 'council' };
      return r.value;
    }
    if (nothingToDecide) return computed;
    proposals.push({ decision: id, proposed: computed, role: 'council', roleLabel: taken.roleLabel, ...(due ? { due } : {}), source: taken.source, meanwhile: undecidedMeanwhile ? 'undecided' : 'proposed' });
    return undecidedMeanwhile ? null : computed;
  };

  // 001 s11.3: whether an Inadequate provider is asked for an IAP; due on the visit date.
  const inadequateProcess = process === 2;
  const iapPlan = councilDecides('inadequateImprovementPlan', inadequateProcess ? 'Improvement Action Plan required' : 'Not considered', !inadequateProcess, date, false);
  decisions.inadequateImprovementPlan = iapPlan;
  const iapAsked = process === 1 || (inadequateProcess && iapPlan === 'Improvement Action Plan required');

  // 000 s4.1 Step 3: the Council approves or returns the submitted IAP within 7 days of submission.
  const submittedOn = f.iapSubmittedDate as string | undefined;
  // A submission dated after the determination date is not yet made: taken as not recorded (ratings-in-effect-on-the-determination-date, 1.2.9).
  const submitted = submittedOn !== undefined && submittedOn <= asOf ? submittedOn : undefined;
  const awaiting = iapAsked && submitted !== undefined;
  const iapApproval = councilDecides('iapApproval', awaiting ? 'Awaiting the Council\'s review' : 'No plan to review', !awaiting, awaiting ? addDays(submitted, IAP_APPROVAL_DAYS) : undefined, true);
  decisions.iapApproval = iapApproval;

  // Supplier selection scores (000 s6.1) and fees (002 Pricing).
  decisions.homeSupportBaseScore = homeSupportBaseScore(overall, visitBand, gold, silver, bronze, inadequate, bands[SAFEGUARDING]!, bands[PERSONALISED_CARE]!, relied);
  const supportedLivingScore = overall === GOLD ? 75 : overall === SILVER ? 50 : overall === BRONZE ? 25 : 0;
  decisions.supportedLivingScore = supportedLivingScore;
  const fee = overall === GOLD ? 2 : overall === BRONZE && improvementNotValidatedInTime ? -3 : 0;
  decisions.feeAdjustment = fee;
  if (overall === INADEQUATE) relied.add('inadequate-not-scored');

  // Framework entry (002 Entry criteria).
  let eligible: boolean;
  if (f.entryDocumentsComplete === false || (cqc === 'Inadequate' && cqcInEffect) || overall === INADEQUATE) eligible = false;
  else if (f.nhsRating === 'Red' && nhsDate !== undefined && nhsDate > date && nhsInEffect && !(cqcDate !== undefined && cqcDate >= nhsDate && cqcInEffect)) { eligible = false; relied.add('entry-most-recent-of-three-ratings'); }
  else eligible = true;
  decisions.frameworkEntry = eligible ? 'Eligible' : 'Not eligible';

  // Provider size (002 Provider size classification), Home Support only.
  const hours = f.weeklyHours as number | undefined;
  decisions.providerSize = serviceType !== 'Home Support' ? 'Not classified'
    : f.newToBirmingham === true && eligible ? 'Small'
      : hours === undefined ? 'Not classified'
        : hours > LARGE_OVER_HOURS ? 'Large' : hours >= SMALL_UNDER_HOURS ? 'Medium' : 'Small';

  // Tie-breaks between offers (000 s6.1; 002 Care package allocation).
  const tieBreaks = ['Highest quality rating'];
  if (homeOrSupported) tieBreaks.push('Highest quality score');
  if (serviceType === 'Supported Living') tieBreaks.push('Citizen choice', 'Best customer feedback');
  else if (serviceType === 'Home Support') { tieBreaks.push('Earliest offer'); relied.add('offer-tie-break-order'); }
  else { tieBreaks.push('Citizen choice', 'Earliest offer'); relied.add('offer-tie-break-order'); }
  decisions.offerTieBreaks = tieBreaks;

  // Termination: the Council's decision, proposed where a document opens it (000 s3.3.1, s3.3.2, s5.1; 001 s11.8).
  const pqasFailure = f.pqasFalsified === true || f.pqasNotSubmittedInTime === true;
  const inadequateNotValidated = (visitType === 'Re-inspection' && previous === INADEQUATE && qmv === INADEQUATE) || (improvementNotValidatedInTime && previous === INADEQUATE);
  const terminate = (pqasFailure && f.pqasRepeatBreach === true) || inadequateNotValidated;
  decisions.contractTermination = councilDecides('contractTermination', terminate ? 'Terminate the contracting arrangement' : 'Not considered', !terminate, undefined, false);
  // 000 s3.5: negative intelligence "may trigger a focussed audit by the Council": proposed on any of the nine triggers (002 item 9), due on the visit date.
  const triggered = TRIGGERS.some((t) => f[t] === true);
  decisions.focussedInspection = triggered || recorded?.focussedInspection
    ? councilDecides('focussedInspection', triggered ? 'Carry out a focussed inspection' : 'Not triggered', !triggered, date, false)
    : 'Not triggered';

  // Actions.
  const actions: DeterminationAction[] = [];
  const act = (id: string, label: string, owner: string, due: string, source: string, interpretation?: string): void => {
    if (interpretation) relied.add(interpretation);
    actions.push({ id, label, owner, due, source, ...(interpretation ? { interpretation } : {}) });
  };
  const settled = iapApproval === 'Returned for amendments' || iapApproval === 'Approved';
  // A request dated after the determination date is not yet made: the provider's days run from the visit (1.2.9).
  const requestedOn = f.iapRequestDate as string | undefined;
  const requested = later(date, requestedOn !== undefined && requestedOn <= asOf ? requestedOn : undefined)!;
  if (iapAsked) {
    act('iap-request', 'Formally request an Improvement Action Plan, identifying the elements requiring improvement', 'council', date, '000 s4.1', 'iap-request-post-inspection');
    if (!settled) act('iap-submit', 'Submit the Improvement Action Plan, counted from the request', 'provider', addDays(requested, IAP_SUBMIT_DAYS), '000 s4.1');
    if (submitted !== undefined && !settled) act('iap-review', 'Approve the Improvement Action Plan or return it for amendments, counted from its submission', 'council', addDays(submitted, IAP_APPROVAL_DAYS), '000 s4.1');
    if (submitted === undefined) act('iap-review-expected', 'Approve the Improvement Action Plan or return it for amendments (submission not yet recorded: due the time to submit and the time to approve after the request)', 'council', addDays(requested, IAP_APPROVAL_EXPECTED_DAYS), '000 s4.1', 'iap-review-before-submission');
    if (iapApproval === 'Returned for amendments') act('iap-resubmit', 'Amend the Improvement Action Plan the Council returned and submit it again, counted from the end of the time to approve', 'provider', addDays(submittedOn === undefined ? date : addDays(submittedOn, IAP_APPROVAL_DAYS), IAP_SUBMIT_DAYS), '000 s4.1', 'iap-returned-resubmit');
    if (iapApproval === 'Approved') act('iap-implement', 'Carry out the improvement actions within the timescales of the approved Improvement Action Plan, then request a re-inspection', 'provider', later(date, f.iapCompletionDate)!, '000 s4.1', 'iap-approved-starts-improvement');
  }
  if (inadequateProcess) act('suspend-new-packages', 'Suspend the provider immediately from bidding for and accepting new care packages until the Inadequate rating is removed', 'council', date, '000 s5.1');
  // A re-inspection request dated after the determination date is not yet received (1.2.9).
  const reinspectionRequestedOn = f.reinspectionRequestDate as string | undefined;
  const reinspectionRequested = reinspectionRequestedOn !== undefined && reinspectionRequestedOn <= asOf ? reinspectionRequestedOn : undefined;
  if (process === 1 && reinspectionRequested !== undefined) act('bronze-reinspection', 'Carry out the re-inspection as soon as possible after the provider\'s request (outcome: Silver, or Inadequate if the improvement cannot be validated)', 'council', reinspectionRequested, '000 s4.1', 'reinspection-as-soon-as-possible');
  if (inadequateProcess && reinspectionRequested !== undefined) act('inadequate-reinspection', 'Carry out the further visit as soon as possible after the provider\'s request (outcome: Bronze, or continued Inadequate with termination considered)', 'council', reinspectionRequested, '000 s5.1', 'reinspection-as-soon-as-possible');
  if (inadequateNotValidated) act('consider-termination', 'Consider termination of the contract (multi-agency review of care provision, safety and a decommissioning plan)', 'council', date, '000 s5.1');
  if (pqasFailure) act('pqas-breach', 'Treat the PQAS failure as a breach of Schedule 15 and manage it under Schedule 11 (Contract Management)', 'council', date, '001 s7.6');
  if (pqasFailure && f.pqasRepeatBreach === true) act('pqas-consider-termination', 'PQAS failure on more than one occasion: consider terminating the contracting arrangement', 'council', date, '000 s3.3.1');
  if (overall === BRONZE && improvementNotValidatedInTime) act('citizen-dialogue', 'Apply the Bronze price to new care packages and commence dialogue with citizens and families about changing care providers', 'council', date, '002 "Bronze providers"');
  if (visitType === 'Re-inspection' && previous === BRONZE && visitBand <= BRONZE && residentialOrNursing) act('bronze-improvement-breach', 'Improvement not validated at the re-assessment: the provider may be deemed in breach of contract; manage under Schedule 11 (Contract Management), apply the Bronze price to new packages and open dialogue with citizens and families', 'council', date, '001 s10.7', 'bronze-again-other-services');

  // Schedule: the routine visit from the latest inspection, none within 12 months of a CQC rating (000 s3.1; 001 s5.3).
  const schedule: DeterminationScheduleEntry[] = [];
  const isGold = overall === GOLD;
  const months = isGold ? GOLD_VISIT_MONTHS : VISIT_MONTHS;
  const routine = visitType === undefined || visitType === 'Annual';
  // A last annual visit dated after the determination date has not happened: taken as not recorded (ratings-in-effect-on-the-determination-date, 1.2.8).
  const lastAnnualVisit = f.lastAnnualVisitDate as string | undefined;
  const interim = !routine && lastAnnualVisit !== undefined && lastAnnualVisit <= asOf;
  if (routine || interim) {
    // An NHS rating dated after the determination date does not move the cycle (ratings-in-effect-on-the-determination-date, 1.2.7).
    const nhsFrom = nhsInEffect ? nhsDate : undefined;
    const from = (routine ? later(date, nhsFrom) : later(lastAnnualVisit, nhsFrom))!;
    const afterCqc = cqcDate !== undefined && cqcDate > from && cqcInEffect;
    const id = `qmv-${isGold ? 'gold' : 'annual'}${interim ? '-after-interim-visit' : ''}${afterCqc ? '-after-cqc-rating' : ''}`;
    const label = isGold
      ? (interim ? 'Gold: routine quality monitoring visit at the Gold interval, from the last routine visit' : 'Gold: routine quality monitoring visit, at the Gold interval')
      : (interim ? 'Routine quality monitoring visit, from the last routine visit (a focussed visit or re-inspection does not restart the cycle)' : 'Routine quality monitoring visit (by the Council or the CQC), counted from the latest inspection');
    if (isGold) relied.add('gold-visit-every-two-years');
    else if (afterCqc) relied.add('ratings-in-effect-on-the-determination-date');
    schedule.push({
      id, activity: 'quality-monitoring-visit',
      label: afterCqc ? `${label}: no routine visit within the visit interval of the later CQC rating` : label,
      everyMonths: months, nextDue: addMonths(afterCqc ? cqcDate : from, months), source: afterCqc ? '001 s5.3' : '000 s3.1',
    });
  }
  // The assurance statement every 6 months, Gold annually (002; interpretation assurance-statement-frequency).
  relied.add('assurance-statement-frequency');
  // A statement dated after the determination date is not yet submitted: it does not move the due date (1.2.8).
  const pqasFrom = later(date, pqasDate !== undefined && pqasDate <= asOf ? pqasDate : undefined)!;
  schedule.push(isGold
    ? { id: 'assurance-statement-gold', activity: 'assurance-statement', label: 'Gold: Provider Assurance Statement (PQAS), at the Gold interval', everyMonths: GOLD_PQAS_MONTHS, nextDue: addMonths(pqasFrom, GOLD_PQAS_MONTHS), source: '002 "Gold providers"' }
    : { id: 'assurance-statement', activity: 'assurance-statement', label: 'Provider Assurance Statement (PQAS)', everyMonths: PQAS_MONTHS, nextDue: addMonths(pqasFrom, PQAS_MONTHS), source: '002 "Provider assurance statement"' });
  // Monthly publication (000 s6.1).
  schedule.push({ id: 'rating-refresh', activity: 'rating-publication', label: 'Monthly refresh of the quality ratings: CareMatch updated on the second Wednesday of the month', everyMonths: 1, nextDue: nextSecondWednesday(date), source: '000 s6.1' });
  relied.add('directory-following-friday');
  schedule.push({ id: 'directory-refresh', activity: 'rating-publication', label: 'Quality ratings published on the Care Services Directory pages by the Friday following the CareMatch update', everyMonths: 1, nextDue: nextDirectoryFriday(date), source: '000 s6.1' });

  // Published scores: none for an Inadequate provider (interpretation inadequate-not-scored).
  const feedback = f.customerFeedbackAdjustment as number | undefined;
  let homeSupportScore: number | null = null;
  if (serviceType === 'Home Support' && overall >= BRONZE && feedback !== undefined) {
    homeSupportScore = Math.min(100, Math.max(0, (decisions.homeSupportBaseScore as number) + feedback));
    relied.add('home-support-feedback-adjustment');
  }
  const scores = {
    homeSupportQualityScore: homeSupportScore,
    supportedLivingQualityScore: serviceType === 'Supported Living' && overall >= BRONZE ? supportedLivingScore : null,
    feeAdjustmentPercent: overall >= BRONZE ? fee : null,
  };

  const determination: Determination = {
    pack: { id: pack.id, version: pack.version, hash: pack.hash },
    asOf,
    assessmentDate: date,
    // The overall rating rests on no decision a person takes: never pending.
    headline: { decision: 'overallRating', value: RATING[overall], scale: 'rating' },
    decisions,
    actions,
    schedule,
    scores,
    interpretations: interpretationList.filter((i) => relied.has(i.id)).map((i) => ({ id: i.id, title: i.title, note: i.note })),
  };
  if (proposals.length) determination.proposals = proposals;
  if (Object.keys(decidedBy).length) determination.decidedBy = decidedBy;
  // 000 s3.5: a last annual visit dated after this visit cannot be the last full annual audit (pack 1.2.9 warns).
  if (lastAnnualVisit !== undefined && lastAnnualVisit > date) {
    determination.warnings = [{ id: 'last-annual-visit-after-this-visit', message: LAST_ANNUAL_VISIT_WARNING, citation: '000 s3.5' }];
  }
  return determination;
}

/**
 * 000 s6.1: the Home Support quality score from the domain combination (75-100 Gold, 67-70
 * Silver, 26-63 Bronze; Safe then Responsive weighting), before the customer feedback adjustment.
 */
function homeSupportBaseScore(overall: Rank, visitBand: Rank, gold: number, silver: number, bronze: number, inadequate: number, safe: Rank, responsive: Rank, relied: Set<string>): number {
  const silverUp = gold + silver;
  const safeBronze = safe === BRONZE; const responsiveBronze = responsive === BRONZE;
  const scored = (score: number, interpretation?: string): number => { if (interpretation) relied.add(interpretation); return score; };
  if (overall === INADEQUATE) return scored(0, 'inadequate-not-scored');
  if (overall !== visitBand) return scored(overall === GOLD ? 75 : overall === SILVER ? 61 : 26, 'home-support-score-not-from-domains');
  if (silverUp === 5 && gold >= 2) return scored([75, 83, 91, 100][gold - 2]!, 'home-support-score-gold');
  if (gold === 5) return scored(100, 'home-support-score-gold');
  if (silverUp === 5) return gold === 1 ? 70 : 67;
  const weighting = 'home-support-score-weighting';
  if (silverUp === 4 && bronze === 1) return scored(safeBronze ? 61 : responsiveBronze ? 62 : 63, weighting);
  if (silverUp === 3 && bronze === 2) return scored(safeBronze && responsiveBronze ? 40 : safeBronze ? 41 : responsiveBronze ? 42 : 43, weighting);
  if (silverUp === 2 && bronze === 3) return scored(safeBronze && responsiveBronze ? 34 : safeBronze ? 35 : responsiveBronze ? 37 : 39, weighting);
  // One domain is not Bronze, so Safeguarding or Personalised care is.
  if (silverUp === 1 && bronze === 4) return scored(safeBronze && responsiveBronze ? 30 : safeBronze ? 31 : 33, weighting);
  if (bronze === 5) return scored(28, weighting);
  if (bronze === 4 && inadequate === 1) return scored(safe === INADEQUATE || responsive === INADEQUATE ? 26 : 27, weighting);
  // 000 s6.1 does not list one Inadequate domain with fewer Bronze (interpretation home-support-score-unlisted).
  if (inadequate === 1 && bronze <= 3) return scored([40, 40, 34, 30][bronze]!, 'home-support-score-unlisted');
  throw new Error(`homeSupportBaseScore: no row of the table matched (${gold} Gold, ${silver} Silver, ${bronze} Bronze, ${inadequate} Inadequate)`);
}
