import { describe, expect, it } from 'vitest';
import { compilePack } from '../compile/compile-pack.js';
import { evaluate } from '../evaluate/evaluate.js';
import { statementScoresPack, weightedQuestionsPack } from '../language/frameworks/number-frameworks.js';
import { scored, statementsPack } from '../fixtures/statements-pack.js';
import { nextBandUp } from './next-band.js';
import { explainDetermination } from './explain-determination.js';

/*
 * Every expected value below is worked out by hand from the fixtures' rules
 * (language/frameworks/number-frameworks.ts), not copied from the engine's output:
 * - statements: 6 statements, Poor 1 Fair 2 Good 3 Excellent 4, weight 1 each, so 24 points
 *   possible; percentage = points / 24 x 100 rounded half up to 1 place; bands below 39
 *   Inadequate, 39 to below 63 Requires improvement, 63 to below 88 Good, 88 and above Outstanding.
 * - weighted: q1, q2 weight 3 (safeguarding), q3, q4 weight 1, q5 weight 0.5; Not met 0, Partly 1,
 *   Met 2, so 8.5 x 2 = 17 points possible; percentage = points / 17 x 100 (not rounded), the same
 *   bands; a higher-priority rule gives Requires improvement when a safeguarding question is
 *   Not met and the percentage is 63 or more.
 */
const STATEMENTS = ['safe-1', 'safe-2', 'safe-3', 'caring-1', 'caring-2', 'caring-3'];
const QUESTIONS = ['q1', 'q2', 'q3', 'q4', 'q5'];
const judged = (ids: string[], values: string[]): Record<string, string> => Object.fromEntries(ids.map((id, i) => [id, values[i]!]));

describe('nextBandUp for a band of a percentage of points (statements scored 1-4)', () => {
  const pack = statementScoresPack();
  const compiled = compilePack(pack);
  const run = (values: string[], explain = true) => evaluate(compiled, { date: '2025-06-01', judgements: judged(STATEMENTS, values), facts: {} }, { explain });

  it('62.5% (15 of 24 points) is kept from Good (63%) by one point: Statement 2 of caring, Poor, raised to Fair gives 16 points, 66.7%', () => {
    // 3 + 3 + 2 + 2 + 1 + 4 = 15; 15/24 = 62.5%. Good needs 16 points (15.12 rounded up): 16/24 = 66.7%.
    // Most gain first: caring-2 Poor -> Excellent gains 3 (the most), and Fair (1 more point) already reaches Good.
    const d = run(['Good', 'Good', 'Fair', 'Fair', 'Poor', 'Excellent']);
    expect(d.decisions.rating).toBe('Requires improvement');
    const why = nextBandUp(pack, d, 'rating');
    expect(why.next).toBe('Good');
    const b = why.band!;
    expect(b).toMatchObject({ rule: 'band', of: 'Percentage', number: 62.5, percent: true, band: 'Requires improvement', next: 'Good', threshold: 63, inclusive: true, reaches: true, cappedBy: [] });
    expect(b.points).toMatchObject({ scored: 15, possible: 24 });
    expect(b.points!.contributions.map((c) => [c.id, c.judgement, c.points, c.possible])).toEqual([
      ['safe-1', 'Good', 3, 4], ['safe-2', 'Good', 3, 4], ['safe-3', 'Fair', 2, 4],
      ['caring-1', 'Fair', 2, 4], ['caring-2', 'Poor', 1, 4], ['caring-3', 'Excellent', 4, 4],
    ]);
    expect(b.raise).toEqual([{ id: 'caring-2', title: 'Statement 2 of caring', judgement: 'Poor', needed: 'Fair', gain: 1, number: 66.7 }]);
    const words = explainDetermination(pack, d).find((t) => t.decision === 'rating' && t.fired)!.because;
    expect(words).toEqual([
      'Percentage was 62.5% (15 of 24 points), in the band Requires improvement: Good needs 63% or more',
      "it would reach Good by raising 'Statement 2 of caring' from Poor to Fair (1 point more, 66.7%)",
    ]);
  });

  it('66.7% (16 points) needs three statements raised to Excellent for Outstanding (88%: 22 points), those gaining 2 first', () => {
    // 4 + 3 + 2 + 3 + 2 + 2 = 16. Outstanding needs 21.12, so 22 points. Gains to Excellent: the three Fair ones 2 each,
    // the two Good ones 1 each. safe-3 -> 18 (75%), caring-2 -> 20 (83.3%), caring-3 -> 22 (91.7%); Good for
    // caring-3 would give 21 (87.5%), not enough, so it must be Excellent.
    const d = run(['Excellent', 'Good', 'Fair', 'Good', 'Fair', 'Fair']);
    const b = nextBandUp(pack, d, 'rating').band!;
    expect([b.number, b.next, b.threshold, b.reaches]).toEqual([66.7, 'Outstanding', 88, true]);
    expect(b.raise.map((r) => [r.id, r.judgement, r.needed, r.gain, r.number])).toEqual([
      ['safe-3', 'Fair', 'Excellent', 2, 75], ['caring-2', 'Fair', 'Excellent', 2, 83.3], ['caring-3', 'Fair', 'Excellent', 2, 91.7],
    ]);
  });

  it('at the top band there is no band up, and the words say so', () => {
    const d = run(['Excellent', 'Excellent', 'Excellent', 'Excellent', 'Good', 'Good']);
    expect(nextBandUp(pack, d, 'rating')).toMatchObject({ value: 'Outstanding', rules: [] });
    expect(nextBandUp(pack, d, 'rating').band).toBeUndefined();
    expect(explainDetermination(pack, d).find((t) => t.decision === 'rating')!.because).toEqual(['Percentage was 91.7% (22 of 24 points), in the band Outstanding, the top band']);
  });

  it('records the number banded only when explaining, and only on the band rule', () => {
    const d = run(['Good', 'Good', 'Fair', 'Fair', 'Poor', 'Excellent']);
    const rating = d.explanation!.entries.find((e) => e.kind === 'decision' && e.of === 'rating');
    expect(rating).toEqual({ kind: 'decision', of: 'rating', rules: [{ rule: 'band', fired: true, output: 'Requires improvement', banded: 62.5, conditions: [] }] });
    const percentage = d.explanation!.entries.find((e) => e.kind === 'decision' && e.of === 'percentage');
    expect(JSON.stringify(percentage)).not.toContain('banded');
    expect(run(['Good', 'Good', 'Fair', 'Fair', 'Poor', 'Excellent'], false).explanation).toBeUndefined();
  });
});

describe('nextBandUp for a band of a weighted percentage, with a limiter rule (weighted questions)', () => {
  const pack = weightedQuestionsPack();
  const compiled = compilePack(pack);
  const run = (values: string[]) => evaluate(compiled, { date: '2025-06-01', judgements: judged(QUESTIONS, values), facts: {} }, { explain: true });

  it('13 of 17 points (76.47%) is Good; Outstanding (88%: 14.96, so 15 points) needs Question q4 Met, which gains 2 (weight 1 x 2)', () => {
    // Met, Met, Partly, Not met, Not met: 3x2 + 3x2 + 1x1 + 1x0 + 0.5x0 = 13. Gains to Met: q4 2, q3 1, q5 0.5 x 2 = 1.
    // q4 Met gives 15/17 = 88.24%; Partly would give 14/17 = 82.35%, not enough.
    const d = run(['Met', 'Met', 'Partly', 'Not met', 'Not met']);
    expect(d.decisions.rating).toBe('Good');
    const b = nextBandUp(pack, d, 'rating').band!;
    expect(b.number).toBeCloseTo(1300 / 17, 10);
    expect(b).toMatchObject({ of: 'Weighted percentage', percent: true, next: 'Outstanding', threshold: 88, inclusive: true, reaches: true });
    expect(b.points!.scored).toBe(13);
    expect(b.points!.possible).toBe(17);
    expect(b.points!.contributions.map((c) => [c.id, c.weight, c.points, c.possible])).toEqual([['q1', 3, 6, 6], ['q2', 3, 6, 6], ['q3', 1, 1, 2], ['q4', 1, 0, 2], ['q5', 0.5, 0, 1]]);
    expect(b.raise).toHaveLength(1);
    expect(b.raise[0]).toMatchObject({ id: 'q4', judgement: 'Not met', needed: 'Met', gain: 2 });
    expect(b.raise[0]!.number).toBeCloseTo(1500 / 17, 10);
    const words = explainDetermination(pack, d).find((t) => t.decision === 'rating' && t.fired)!.because;
    expect(words).toEqual([
      'Weighted percentage was 76.47% (13 of 17 points), in the band Good: Outstanding needs 88% or more',
      "it would reach Outstanding by raising 'Question q4' from Not met to Met (2 points more, 88.24%)",
    ]);
  });

  it('the limiter rule that fired (a safeguarding question Not met, 64.7%) is what keeps it from Good, with its conditions that held', () => {
    // Not met, Met, Met, Met, Met: 0 + 6 + 2 + 2 + 1 = 11, 64.7%: 63 or more, and q1 (weight 3) Not met, so the limiter gives Requires improvement.
    const d = run(['Not met', 'Met', 'Met', 'Met', 'Met']);
    expect(d.decisions.rating).toBe('Requires improvement');
    const why = nextBandUp(pack, d, 'rating');
    expect(why.next).toBe('Good');
    expect(why.band).toBeUndefined();
    expect(why.rules).toHaveLength(1);
    expect(why.rules[0]).toMatchObject({ rule: 'safeguarding-limiter', fired: true });
    expect(why.rules[0]!.failed.map((f) => [f.fact, f.operator, f.value])).toEqual([['weightedCount', 'greaterThan', 3], ['weighted', 'greaterThanInclusive', 1100 / 17]]);
  });

  it('Requires improvement at 58.82% lists the most gain first: one question of weight 3 raised to Met', () => {
    // Partly, Partly, Met, Partly, Met: 3 + 3 + 2 + 1 + 1 = 10, 58.82%. Good needs 63%: 10.71, so 11 points.
    // Most gain first: q1 Partly -> Met gains 3 (13 points, 76.47%), which reaches Good; Met is the only judgement above Partly.
    const d = run(['Partly', 'Partly', 'Met', 'Partly', 'Met']);
    const b = nextBandUp(pack, d, 'rating').band!;
    expect(b.next).toBe('Good');
    expect(b.raise.map((r) => [r.id, r.needed, r.gain])).toEqual([['q1', 'Met', 3]]);
    expect(b.reaches).toBe(true);
  });
});

describe('nextBandUp for a per-domain band of a domain score, with a limiter (the statements fixture, its rating written as a band)', () => {
  /*
   * The fixture's domain rating written as the band its guide prints (s3: 14 or more Gold, 11 to
   * 13 Silver, 8 to 10 Bronze, below 8 Inadequate) over the same domain's score (s2: the sum of
   * its four statement scores, 4 to 16), with its limiter (s4: a statement scored 1 keeps the
   * domain from above Bronze). The score is a whole number, so "8 to 10" is written 8 to below 11.
   */
  function bandedStatementsPack() {
    const pack = statementsPack();
    const rating = pack.decisions.domainRating!;
    rating.rules = [{
      id: 'band', label: 'the score banded (s3)', source: { doc: 'guide', section: '3' }, when: { all: [] },
      output: { band: { fact: 'domainScore', params: { domain: '$domain' } }, bands: [
        { value: 'Inadequate', below: 8 }, { value: 'Bronze', atLeast: 8, below: 11 }, { value: 'Silver', atLeast: 11, below: 14 }, { value: 'Gold', atLeast: 14 },
      ] },
    }];
    return pack;
  }
  const pack = bandedStatementsPack();
  const compiled = compilePack(pack);
  const run = (safe: string[], caring: string[]) => evaluate(compiled, { date: '2025-06-01', judgements: scored(safe, caring) }, { explain: true });

  it('Safe 1+4+4+4 = 13 is Silver by its score but capped at Bronze by the statement scored 1: the limiter keeps it from Silver, not the score', () => {
    const d = run(['1', '4', '4', '4'], ['2', '3', '3', '2']);
    expect(d.decisions['domainRating.safe']).toBe('Bronze');
    const why = nextBandUp(pack, d, 'domainRating.safe');
    expect(why.next).toBe('Silver');
    const b = why.band!;
    expect(b).toMatchObject({ of: 'Domain score for Safe', number: 13, percent: false, band: 'Silver', next: 'Silver', threshold: 11, inclusive: true, raise: [] });
    expect(b.points).toMatchObject({ scored: 13, possible: 16 });
    expect(b.cappedBy).toEqual([{ limit: 'scored-1', label: 'a statement scored 1: the domain cannot be above Bronze', source: 'guide s4', atMost: 'Bronze', because: ['at least 1 criterion in Safe judged 1: yes, 1'] }]);
    // The band rule's words: from Silver, Gold needs 14; Safe statement 1 scored 2 instead of 1 gives 14 (and lifts the cap).
    const words = explainDetermination(pack, d).find((t) => t.decision === 'domainRating.safe' && t.rule === 'band')!.because;
    expect(words).toEqual([
      'Domain score for Safe was 13 (13 of 16 points), in the band Silver: Gold needs 14 or more',
      "it would reach Gold by raising 'Safe statement 1' from 1 to 2 (1 point more, 14)",
      "'a statement scored 1: the domain cannot be above Bronze' capped it: it cannot be above Bronze (at least 1 criterion in Safe judged 1: yes, 1)",
    ]);
  });

  it('Caring 2+3+3+2 = 10 is Bronze: Silver needs 11, one point, from a statement scored 2 (gaining 2 to 4, the most), raised to 3', () => {
    const d = run(['4', '4', '4', '4'], ['2', '3', '3', '2']);
    expect(d.decisions['domainRating.caring']).toBe('Bronze');
    const b = nextBandUp(pack, d, 'domainRating.caring').band!;
    expect(b).toMatchObject({ of: 'Domain score for Caring', number: 10, band: 'Bronze', next: 'Silver', threshold: 11, reaches: true, cappedBy: [] });
    expect(b.points!.contributions.map((c) => c.id)).toEqual(['caring-1', 'caring-2', 'caring-3', 'caring-4']);
    expect(b.raise).toEqual([{ id: 'caring-1', title: 'Caring statement 1', judgement: '2', needed: '3', gain: 1, number: 11 }]);
  });
});
