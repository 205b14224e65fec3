import { describe, expect, it } from 'vitest';
import { judgements, testshirePack } from '../test-fixtures/testshire-pack.js';
import birmingham from '@openqaf/councils-birmingham';
import herefordshire from '@openqaf/councils-herefordshire';
import { caseReport, reportOf } from './report-fixture.test-helpers.js';

describe('the provider report', () => {
  it('names, by their wording, the criteria that kept the rating from the next band up, with the judgement recorded', () => {
    // The fixture's Gold needs all four criteria Fully met; "Complaints are answered" (c4) was Partly met.
    const r = reportOf(testshirePack(), { date: '2025-03-01', judgements: judgements(3), facts: { concerns: false } });
    expect(r.rating).toMatchObject({ label: 'Overall rating', value: 'Silver', pending: false });
    expect(r.bands).toHaveLength(1);
    expect(r.bands[0]).toMatchObject({ band: 'Silver', nextBand: 'Gold' });
    expect(r.bands[0]!.criteria).toEqual([{ id: 'c4', wording: 'Complaints are answered', judgement: 'Partly met', needed: 'Fully met' }]);
  });

  it('gives actions with owner and due date, the next visit, and the challenge deadline', () => {
    // Bronze (one Fully met, none Not met): improvement plan in 7 days, annual visit 12 months on.
    const r = reportOf(testshirePack(), { date: '2025-04-10', judgements: judgements(1), facts: { concerns: false } }, 'Staff rota seen');
    expect(r.actions).toEqual([{ label: 'Submit an improvement plan', owner: 'provider', due: '2025-04-17' }]);
    expect(r.nextVisit).toEqual({ label: 'Annual visit', due: '2026-04-10' });
    expect(r.challenge).toMatchObject({ days: 14, until: '2025-03-19', basis: 'council' });
    expect(r.challenge.why).toMatch(/^Interpretation:/);
    expect(r.officerNote).toBe('Staff rota seen');
  });

  it('lists only the interpretations the determination relied on, by title, never their internal notes', () => {
    const pack = testshirePack();
    pack.interpretations!['unused'] = { title: 'An unused reading', note: 'internal: the engine has no weekday arithmetic' };
    const silver = reportOf(pack, { date: '2025-03-01', judgements: judgements(3), facts: { concerns: false } });
    expect(silver.interpretations).toEqual([]);
    // Two Not met has no band in the fixture's text: Inadequate by the "many-not-met" interpretation.
    const inadequate = reportOf(pack, { date: '2025-03-01', judgements: judgements(0, 2), facts: { concerns: false } });
    expect(inadequate.rating.value).toBe('Inadequate');
    expect(inadequate.interpretations).toEqual(['Two or more Not met']);
    expect(JSON.stringify(inadequate)).not.toContain('The test framework gives no band');
  });

  it('prints the determination\'s warnings with their citation, and none for a determination stored before warnings', () => {
    const pack = testshirePack();
    pack.outcomes.warnings = [{ id: 'old-guide', message: 'The guide is past its review date', when: { fact: 'assessmentDate', operator: 'after', value: '2025-03-31' }, source: pack.outcomes.actions![0]!.source }];
    const after = reportOf(pack, { date: '2025-04-10', judgements: judgements(3), facts: { concerns: false } });
    expect(after.warnings).toEqual([{ message: 'The guide is past its review date', citation: after.warnings[0]!.citation }]);
    expect(after.warnings[0]!.citation).toMatch(/\S/);
    // Not an action: nobody is asked to do anything.
    expect(after.actions.map((a) => a.label)).not.toContain('The guide is past its review date');
    const before = reportOf(pack, { date: '2025-03-01', judgements: judgements(3), facts: { concerns: false } });
    expect(before.warnings).toEqual([]);
  });

  it('says the top band is the top band', () => {
    const r = reportOf(testshirePack(), { date: '2025-03-01', judgements: judgements(4), facts: { concerns: false } });
    expect(r.bands[0]).toMatchObject({ band: 'Gold', criteria: [], otherReasons: [] });
    expect(r.bands[0]!.nextBand).toBeUndefined();
  });

  it('says a rating waiting on a person is proposed, not yet decided, and who decides', () => {
    // Herefordshire 004 s3.4.4: the team manager or the multi-agency panel decides the level; the rules propose it.
    const r = caseReport(herefordshire, 'level-2-contract-default-notice-served');
    expect(r.rating).toMatchObject({ value: 'Level 2', pending: true });
    // Who decides as the determination says it (decidedBy.labelFrom, pack 1.2.5): no level agreed yet, so the team manager (3.4.3).
    expect(r.rating.awaiting).toEqual({ proposed: 'Level 2', roleLabel: 'the team manager' });
  });

  it('says what gave a rating taken from other ratings instead of an empty list', () => {
    // Birmingham 002 "Adjusting the quality rating": the overall rating is the most recent rating, so no criterion of its own kept it from Gold.
    const r = caseReport(birmingham, 'involvement-silver-at-4-exceptional');
    expect(r.bands[0]).toMatchObject({ instance: 'overallRating', band: 'Silver', nextBand: 'Gold', criteria: [], otherReasons: [], givenBy: 'The most recent rating' });
  });

  it("writes the dates in a band's other reasons the UK way", () => {
    // Issued 15 January, assessed 16 April 2025 (004 A2.T3: more than 3 months, Level 3): what keeps it from Level 2.
    const r = caseReport(herefordshire, 'suspension-3-months-and-a-day-level-3');
    expect(r.bands[0]).toMatchObject({ band: 'Level 3', nextBand: 'Level 2' });
    expect(r.bands[0]!.otherReasons).toContain('the advisory notice or placement suspension has been in place for more than 3 months: yes (16 April 2025)');
  });

  it('reaches for no band from "Not determined" (no band at all) nor from Level 1 (the best), Herefordshire 004 A2', () => {
    const none = caseReport(herefordshire, 'no-indicator-recorded').bands[0]!;
    expect(none).toMatchObject({ band: 'Not determined', noBand: true });
    expect(none.nextBand).toBeUndefined();
    const one = herefordshire.pack.cases!.find((c) => c.want?.headline === 'Level 1' || c.want?.decisions?.qualityThresholdLevel === 'Level 1')!;
    const best = caseReport(herefordshire, one.id).bands[0]!;
    expect(best.band).toBe('Level 1');
    expect(best.nextBand).toBeUndefined();
    expect(best.noBand).toBeUndefined();
  });

  it("names a pack's description's interpretation by its title, not its id", () => {
    // Herefordshire's "Not determined" description cites the interpretation no-indicator-recorded.
    const r = caseReport(herefordshire, 'no-indicator-recorded');
    expect(r.rating.description).toContain(`(interpretation: ${herefordshire.pack.interpretations!['no-indicator-recorded']!.title})`);
    expect(r.rating.description).not.toContain('no-indicator-recorded');
  });
});

