import type { Assessment, Determination, DeterminationAction, DeterminationScheduleEntry } from '../types.js';
import { addDays, addMonths, isIsoDate } from '../dates/iso-date.js';
import { FIVE_DOMAINS, type ExampleDomainShape } from '../fixtures/example-pack.js';

type Band = 'Inadequate' | 'Bronze' | 'Silver' | 'Gold';
const RANK: Record<string, number> = { Inadequate: 0, Bronze: 1, Silver: 2, Gold: 3 };
const REGULATOR: Record<string, Band> = { Inadequate: 'Inadequate', 'Requires Improvement': 'Bronze', Good: 'Silver', Outstanding: 'Gold' };
const ALLOWED_PLAIN = new Set(['Not met', 'Partly met', 'Fully met']);

/**
 * The example pack's rules written by hand in TypeScript, producing the same determination:
 * the benchmark's yardstick for the compiled engine. Checks its input as a hand-written
 * service would (every criterion judged with an allowed value, a real date).
 */
export function handWrittenDetermination(a: Assessment, hash: string, shapes: ExampleDomainShape[] = FIVE_DOMAINS): Determination {
  if (!isIsoDate(a.date)) throw new Error('date');
  const j = a.judgements ?? {};
  const f = a.facts ?? {};
  if (typeof f.statementLate !== 'boolean') throw new Error('statementLate');
  const decisions: Record<string, unknown> = {};
  const bands: Band[] = [];
  for (const d of shapes) {
    let exceptionalAdvanced = 0; let atMostPartly = 0; let fullyOrBetter = 0; let mandatoryFully = 0; let mandatoryPartly = 0; let notMet = 0; let mandatoryNotMet = 0;
    for (let i = 0; i < d.criteria; i++) {
      const v = j[`${d.id}-${String(i + 1).padStart(2, '0')}`];
      const mandatory = i < d.mandatory;
      const advanced = !mandatory && i < d.mandatory + d.advanced;
      if (v === undefined || !(ALLOWED_PLAIN.has(v) || (advanced && v === 'Exceptional'))) throw new Error('judgement');
      if (v === 'Exceptional') { if (advanced) exceptionalAdvanced++; fullyOrBetter++; if (mandatory) { mandatoryFully++; mandatoryPartly++; } }
      else if (v === 'Fully met') { fullyOrBetter++; if (mandatory) { mandatoryFully++; mandatoryPartly++; } }
      else if (v === 'Partly met') { atMostPartly++; if (mandatory) mandatoryPartly++; }
      else { atMostPartly++; notMet++; if (mandatory) mandatoryNotMet++; }
    }
    let band: Band | undefined;
    if (exceptionalAdvanced >= d.goldMinExceptional && atMostPartly === 0) band = 'Gold';
    else if (fullyOrBetter >= d.silverMinFullyMet && mandatoryFully === d.mandatory && notMet === 0) band = 'Silver';
    else if (mandatoryPartly === d.mandatory && notMet <= d.bronzeMaxNotMet) band = 'Bronze';
    else if (notMet > d.bronzeMaxNotMet || mandatoryNotMet >= 1) band = 'Inadequate';
    if (!band) throw new Error(`domainBand.${d.id}: no rule matched`);
    decisions[`domainBand.${d.id}`] = band;
    bands.push(band);
  }
  const n = bands.length;
  let gold = 0; let silverUp = 0; let bronze = 0; let inadequate = 0;
  for (const b of bands) { if (b === 'Gold') gold++; if (RANK[b]! >= 2) silverUp++; if (b === 'Bronze') bronze++; if (b === 'Inadequate') inadequate++; }
  const interpretations: { id: string; title: string; note: string }[] = [];
  let visitBand: Band;
  if (gold >= 2 && silverUp === n) visitBand = 'Gold';
  else if (silverUp >= n - 1 && bronze <= 1 && inadequate === 0) visitBand = 'Silver';
  else if (bronze >= 2 && inadequate <= 1) visitBand = 'Bronze';
  else if (inadequate >= 2) visitBand = 'Inadequate';
  else {
    visitBand = RANK[bands[0]!]! < RANK.Bronze! ? bands[0]! : 'Bronze';
    interpretations.push({ id: 'uncovered-combination', title: 'Combinations the overall table leaves out', note: 'Takes the lower of the first domain\'s band and Bronze.' });
  }
  decisions.visitBand = visitBand;
  let overall: Band;
  if (f.statementLate) overall = 'Inadequate';
  else {
    overall = visitBand;
    const regDate = f.regulatorRatingDate as string | undefined;
    const reg = f.regulatorRating as string | undefined;
    // Most recent of the regulator's rating and the council visit (dated the assessment date,
    // which is also asOf); on the same day the regulator, listed first, wins.
    if (reg && regDate && isIsoDate(regDate) && regDate === a.date) overall = REGULATOR[reg]!;
  }
  decisions.overallRating = overall;
  const score = overall === 'Gold' ? 75 : overall === 'Silver' ? 50 : overall === 'Bronze' ? 25 : 0;
  decisions.qualityScore = score;
  const actions: DeterminationAction[] = [];
  if (RANK[overall]! <= 1) actions.push({ id: 'improvement-plan', label: 'Submit an improvement plan', owner: 'provider', due: addDays(a.date, 7), source: 'guide s4' });
  if (overall === 'Inadequate') actions.push({ id: 'suspend-placements', label: 'Suspend new placements', owner: 'council', due: a.date, source: 'guide s4' });
  const schedule: DeterminationScheduleEntry[] = overall === 'Gold'
    ? [{ id: 'biennial-visit', activity: 'quality-visit', label: 'Quality visit every two years', everyMonths: 24, nextDue: addMonths(a.date, 24), source: 'guide s5' }]
    : [{ id: 'annual-visit', activity: 'quality-visit', label: 'Annual quality visit', everyMonths: 12, nextDue: addMonths(a.date, 12), source: 'guide s5' }];
  return {
    pack: { id: 'example', version: '1.0.0', hash },
    asOf: a.date,
    assessmentDate: a.date,
    headline: { decision: 'overallRating', value: overall, scale: 'band' },
    decisions,
    actions,
    schedule,
    scores: { qualityScore: score },
    interpretations,
  };
}
