import { describe, expect, it } from 'vitest';
import { sampleReport } from '../report/report-fixture.test-helpers.js';
import { mount, text } from './mount.test-helpers.js';
import './qaf-provider-report.js';

/** The report's header as term -> description. */
const header = (el: Element) => Object.fromEntries([...el.shadowRoot!.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]));

describe('qaf-provider-report', () => {
  it('shows who and when, the rating, the criteria by wording with their evidence, actions, next visit, challenge and interpretations, dates the UK way', async () => {
    const el = await mount('qaf-provider-report', { report: sampleReport, status: 'shared', sharedOn: '2025-03-05' });
    const t = text(el);
    expect(t).toContain('Draft report, shared with the provider on 5 March 2025');
    expect(header(el)).toEqual({
      Council: 'Testshire Council', Provider: 'Acme Care', 'Visit date': '1 March 2025', Officer: 'Olive Officer',
      Reviewer: 'Rita Reviewer, signed off on 4 March 2025', Framework: 'Testshire Quality Framework, version 1.0.0',
    });
    expect(t).toContain('Overall rating: Silver');
    // The PDF's words too (server: reports/report-pdf.test.ts), from the engine's report words.
    expect(t).toContain('Complaints are answered: judged Partly met; Fully met needed.');
    expect(t).toContain('Evidence recorded: Two complaints answered after 28 days');
    expect(t).toContain('Care: Gold');
    expect([...el.shadowRoot!.querySelectorAll('tbody td')].map((td) => td.textContent)).toEqual(['Submit an improvement plan', 'provider', '29 March 2025']);
    expect(t).toContain('Annual visit: due 1 March 2026.');
    expect(t).toContain('until 19 March 2025 (14 days from sharing)');
    expect(t).toContain('Partly met counts as not met for Gold');
    expect(t).not.toContain('2025-03');
    expect(t).not.toContain('Please note');
  });

  it('says the best band is the best, and that a value that is no band ("Not determined") has no band up', async () => {
    expect(text(await mount('qaf-provider-report', { report: sampleReport, status: 'draft' }))).toMatch(/Care: Gold\s*This is the best band\./);
    const none = { ...sampleReport, bands: [{ instance: 'level', band: 'Not determined', noBand: true as const, criteria: [], otherReasons: [] }] };
    const t = text(await mount('qaf-provider-report', { report: none, status: 'draft' }));
    expect(t).toContain('No band is given yet, so there is no band up to reach.');
    expect(t).not.toContain('This is the best band.');
  });

  it('prints the determination\'s warnings under the rating, with their citation', async () => {
    const el = await mount('qaf-provider-report', { report: { ...sampleReport, warnings: [{ message: 'The strategy is past its review date (March 2020)', citation: '004 s1.3' }] }, status: 'shared', sharedOn: '2025-03-05' });
    expect(text(el)).toContain('Please note: The strategy is past its review date (March 2020) (004 s1.3)');
  });

  it('leaves the interpretations out when none changed the outcome, and words a draft not yet shared', async () => {
    const el = await mount('qaf-provider-report', { report: { ...sampleReport, interpretations: [], reviewer: null, reviewedOn: undefined }, status: 'draft' });
    const t = text(el);
    expect(t).not.toContain('How the council read its framework');
    expect(t).toContain('Draft report, not yet shared');
    expect(header(el).Reviewer).toBe('Not signed off');
    expect(t).toContain('Once the draft is shared, the provider may comment on the factual accuracy of any finding for 14 days.');
  });

  it('says a proposed rating is not yet decided, who decides and by when', async () => {
    const report = { ...sampleReport, rating: { ...sampleReport.rating, value: 'Level 2', pending: true, awaiting: { proposed: 'Level 2', roleLabel: 'the team manager', due: '2025-03-15' } } };
    const t = text(await mount('qaf-provider-report', { report, status: 'draft' }));
    expect(t).toContain('Overall rating: Level 2 (proposed, not yet decided)');
    expect(t).toContain('Proposed: Level 2. To be decided by the team manager, by 15 March 2025.');
  });

  it('says a decision the framework sets no date for has none, never a date of its own', async () => {
    // Bolton's QM-3 request: the guidance gives the QA Team no time (1.QM-3), so the proposal carries no due date.
    const report = { ...sampleReport, rating: { ...sampleReport.rating, value: 'Level 2', pending: true, awaiting: { proposed: 'Level 2', roleLabel: 'the Quality Assurance Team' } } };
    const t = text(await mount('qaf-provider-report', { report, status: 'draft' }));
    expect(t).toContain('Proposed: Level 2. To be decided by the Quality Assurance Team (no date set by the framework).');
  });

  it('says a rating nothing reads until it is decided (no value yet) is not yet decided, never "null"', async () => {
    // Bolton's PQR: "The QA Team will allocate a Provider Quality Rating" (003 s2); until it does there is none.
    const report = { ...sampleReport, rating: { ...sampleReport.rating, label: 'Provider Quality Rating (PQR)', value: null, pending: true, awaiting: { proposed: '3', roleLabel: 'the Quality Assurance Team', due: '2020-06-15' } } };
    const t = text(await mount('qaf-provider-report', { report, status: 'draft' }));
    expect(t).toContain('Provider Quality Rating (PQR): not yet decided');
    expect(t).not.toContain('null');
    expect(t).toContain('Proposed: 3. To be decided by the Quality Assurance Team, by 15 June 2020.');
  });

  it('says what gave a band nothing was listed against, and lists other reasons without repeating the band', async () => {
    const report = { ...sampleReport, bands: [
      { instance: 'overallRating', band: 'Silver', nextBand: 'Gold', criteria: [], otherReasons: [], givenBy: 'The most recent rating' },
      { instance: 'domainRating.care', domain: 'Care', band: 'Bronze', nextBand: 'Silver', criteria: [], otherReasons: ['contract default notice served: not recorded (yes needed)'] },
    ] };
    const el = await mount('qaf-provider-report', { report, status: 'draft' });
    const t = text(el);
    expect(t).toContain('How it was decided: The most recent rating.');
    expect(t).not.toContain('Nothing recorded kept it');
    expect([...el.shadowRoot!.querySelectorAll('.band li')].map((li) => li.textContent!.trim())).toEqual(['Contract default notice served: not recorded (yes needed)']);
  });
});

