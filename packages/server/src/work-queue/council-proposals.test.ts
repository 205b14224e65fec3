import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededCouncils } from '../seed/seeded-councils.test-helpers.js';
import type { SeededCouncils } from '../seed/seeded-councils.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';

type Item = { kind: string; name: string; id: string; label: string; owner?: string; ownerLabel?: string; due?: string; dueWords?: string; overdue: boolean; source: string };

const NO_DATE = 'no date set by the framework';

/**
 * The decisions the councils' documents give to a person reach the work queue of the person named,
 * with the date they are due: Bolton's Provider Quality Rating, which "The QA Team will allocate"
 * (003 s2), and Herefordshire's threshold level, decided jointly with HCCG for a jointly
 * commissioned service (004 3.4.3, 3.4.4), named as the determination names who decides. A decision
 * the document sets no time for (Bolton's QM-3 request, Herefordshire's level and commissioners'
 * decisions) has no date: "no date set by the framework", never overdue, after the dated items.
 */
describe.each(testStoreKinds)('the council packs\' decisions in the work queue on $name', (kind) => {
  let seeded: SeededCouncils;
  beforeAll(async () => { seeded = await seededCouncils(kind); });
  afterAll(async () => seeded?.store.dispose());
  const call = (method: string, path: string, body?: unknown) => seeded.call(method, path, body);

  const assess = async (council: string, name: string, assessment: Record<string, unknown>) => {
    const provider = await call('POST', `/api/councils/${council}/providers`, { name });
    expect(provider.status).toBe(201);
    const stored = await call('POST', `/api/councils/${council}/assessments?explain=false`, { providerId: provider.body.id, ...assessment });
    expect(stored.status, JSON.stringify(stored.body.error)).toBe(201);
  };
  const decisions = async (council: string, today: string): Promise<Item[]> => {
    const res = await call('GET', `/api/councils/${council}/work-queue?today=${today}&days=30&kind=decision`);
    expect(res.status).toBe(200);
    return res.body.items as Item[];
  };

  it('lists the Bolton PQR for the QA Team to allocate within the QM-1 form\'s ten working days, and drops it once allocated', async () => {
    const facts = { providerType: 'Adult social care - CQC regulated', qaActivity: 'QM-1', serviceType: 'Extra Care', s42EnquiryOngoing: true };
    // QM-1 meeting Monday 24 August 2020: ten working days, skipping the 31 August bank holiday, is 8 September.
    await assess('bolton', 'Ash Court', { date: '2020-08-24', facts });
    await assess('bolton', 'Beech House', { date: '2020-08-24', facts, decisions: { providerQualityRating: { value: '4', by: 'Quality Assurance Team', at: '2020-09-01', reason: 'The QA Team judged the concerns significant at the meeting' } } });
    const items = await decisions('bolton', '2020-09-01');
    // The QA Team also agrees the areas for improvement with each provider, due with the QM-1 form (1.QM-1), and
    // decides whether to ask for the annual self-assessment (1.QM-3), for which the guidance gives no time: no date, never overdue, listed last.
    expect(items.filter((i) => i.id !== 'providerQualityRating').map((i) => [i.name, i.id, i.label, i.ownerLabel, i.due ?? i.dueWords, i.overdue])).toEqual([
      ['Ash Court', 'improvementAreas', 'Decide Areas for improvement agreed with the provider (proposed: Areas for improvement)', 'the Quality Assurance Team, with the provider', '2020-09-08', false],
      ['Beech House', 'improvementAreas', 'Decide Areas for improvement agreed with the provider (proposed: Areas for improvement)', 'the Quality Assurance Team, with the provider', '2020-09-08', false],
      ['Ash Court', 'selfAssessmentRequest', 'Decide Annual self-assessment (QM-3) asked for (proposed: Ask for the annual self-assessment)', 'the Quality Assurance Team', NO_DATE, false],
      ['Beech House', 'selfAssessmentRequest', 'Decide Annual self-assessment (QM-3) asked for (proposed: Ask for the annual self-assessment)', 'the Quality Assurance Team', NO_DATE, false],
    ]);
    expect(items.filter((i) => i.id === 'selfAssessmentRequest').every((i) => !('due' in i))).toBe(true);
    expect(items.filter((i) => i.id === 'providerQualityRating')).toEqual([expect.objectContaining({
      kind: 'decision', name: 'Ash Court', id: 'providerQualityRating', label: 'Decide Provider Quality Rating (PQR) (proposed: 3)',
      owner: 'qa-team', ownerLabel: 'the Quality Assurance Team', due: '2020-09-08', overdue: false, source: '003 s2',
    })]);
    const [late] = (await decisions('bolton', '2020-09-09')).filter((i) => i.id === 'providerQualityRating');
    expect(late).toMatchObject({ name: 'Ash Court', overdue: true });
    // A year on, the QM-3 request is still waiting, still undated and not overdue; only the dated items are.
    const yearOn = await decisions('bolton', '2021-09-01');
    expect(yearOn.filter((i) => i.overdue).map((i) => i.id).sort()).toEqual(['improvementAreas', 'improvementAreas', 'providerQualityRating']);
    expect(yearOn.filter((i) => i.id === 'selfAssessmentRequest').map((i) => [i.dueWords, i.overdue])).toEqual([[NO_DATE, false], [NO_DATE, false]]);
    const overdueOnly = await call('GET', '/api/councils/bolton/work-queue?today=2021-09-01&days=30&kind=decision&overdue=true');
    expect(overdueOnly.body.items.map((i: Item) => i.id)).not.toContain('selfAssessmentRequest');
  });

  it('lists the Herefordshire level for the team manager or the panel jointly with HCCG where the service is jointly commissioned', async () => {
    // A CQC warning notice is a Level 2 indicator (Appendix 2). The document sets no time for the level, so it has no
    // date; for the commissioners' decisions the pack reads the document as due on the assessment date (within 0 days,
    // interpretations suspension-and-ceasing-decided-by-the-commissioners, measures-due-from-assessment-date).
    await assess('herefordshire', 'Cedar Lodge', { date: '2025-03-03', facts: { jointlyCommissioned: true, currentThresholdLevel: 'Level 1', cqcWarningNoticesOrComplianceActions: true }, judgements: {} });
    await assess('herefordshire', 'Damson Care', { date: '2025-03-03', facts: { jointlyCommissioned: false, currentThresholdLevel: 'Level 2', cqcWarningNoticesOrComplianceActions: true }, judgements: {} });
    const all = await decisions('herefordshire', '2025-03-03');
    // At Level 2 an advisory notice or placement suspension is "at the discretion of commissioners" (A2.M2).
    expect(all.filter((i) => i.id === 'placementSuspension').map((i) => [i.name, i.label, i.owner, i.ownerLabel, i.due ?? i.dueWords])).toEqual([
      ['Cedar Lodge', 'Decide Advisory notice or placement suspension (proposed: To consider)', 'commissioners', 'the commissioners (Herefordshire Council and/or HCCG)', '2025-03-03'],
      ['Damson Care', 'Decide Advisory notice or placement suspension (proposed: To consider)', 'commissioners', 'the commissioners (Herefordshire Council and/or HCCG)', '2025-03-03'],
    ]);
    // Months on, the dated decisions are overdue, the undated level is not, and it is listed after them.
    const later = await decisions('herefordshire', '2025-09-03');
    expect(later.map((i) => [i.id, i.overdue])).toEqual([['placementSuspension', true], ['placementSuspension', true], ['qualityThresholdLevel', false], ['qualityThresholdLevel', false]]);
    const items = all.filter((i) => i.id === 'qualityThresholdLevel');
    expect(items.map((i) => [i.name, i.id, i.label, i.owner, i.due ?? i.dueWords, i.overdue])).toEqual([
      ['Cedar Lodge', 'qualityThresholdLevel', 'Decide Quality threshold level (proposed: Level 2)', 'team-manager-or-multi-agency-panel', NO_DATE, false],
      ['Damson Care', 'qualityThresholdLevel', 'Decide Quality threshold level (proposed: Level 2)', 'team-manager-or-multi-agency-panel', NO_DATE, false],
    ]);
    // Who decides as each determination says it (the level's decidedBy.labelFrom), not the role in general.
    expect(items.map((i) => i.ownerLabel)).toEqual(['the team manager, jointly with HCCG', 'the multi-agency quality review panel']);
  });
});
