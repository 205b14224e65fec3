import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { judgements, testshirePack } from '../test-fixtures/testshire-pack.js';
import { reportPdf } from './report-pdf.js';
import { reportOf } from './report-fixture.test-helpers.js';

async function textOf(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    return { text: result.text.replace(/\s+/g, ' '), pages: result.total };
  } finally {
    await parser.destroy();
  }
}

describe('the provider report as a PDF', () => {
  it('reads back with the rating, the unmet criteria by wording, actions, next visit, challenge and page numbers', async () => {
    const r = reportOf(testshirePack(), { date: '2025-04-10', judgements: judgements(1), facts: { concerns: false } }, 'Staff rota seen');
    const pdf = await reportPdf(r, { status: 'shared', sharedOn: '2025-03-05', comments: [] });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages } = await textOf(pdf);
    expect(text).toContain('Testshire Council: quality report');
    expect(text).toContain('Overall rating: Bronze');
    expect(text).toContain('Officer: Olive Officer');
    // Dates the way the report page writes them, never ISO.
    expect(text).toContain('Visit date: 10 April 2025');
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(text).toContain('Framework: Test quality framework, version 1.0.0');
    // Silver needs three criteria at least Fully met: the three Partly met ones, by their wording.
    for (const wording of ['Staff are trained', 'People are involved', 'Complaints are answered']) expect(text).toContain(wording);
    expect(text).toContain('Submit an improvement plan. Owner: provider. Due: 17 April 2025.');
    expect(text).toContain('Annual visit: due 10 April 2026.');
    expect(text).toContain('until 19 March 2025');
    expect(text).toContain(`Page 1 of ${pages}`);
    // The report page's sentences (admin-ui: qaf-provider-report.test.ts says the same), from the engine's report words.
    expect(text).toContain('Draft report, shared with the provider on 5 March 2025 for factual-accuracy comments');
    expect(text).toContain('Complaints are answered: judged Partly met; Fully met needed.');
  });

  it('records the comments and the officer\'s answers in the final report', async () => {
    const r = reportOf(testshirePack(), { date: '2025-03-01', judgements: judgements(3), facts: { concerns: false } });
    const pdf = await reportPdf(r, {
      status: 'final',
      comments: [{ id: 'k1', finding: 'c4', comment: 'Complaints log was in the office', by: 'p', at: '2025-03-06T10:00:00Z', answer: { decision: 'rejected', reason: 'The log had no entries after January', by: 'o', at: '2025-03-07T10:00:00Z' } }],
    });
    const { text } = await textOf(pdf);
    expect(text).toContain('Final report');
    expect(text).toContain('Complaints log was in the office');
    expect(text).toContain('Rejected: The log had no entries after January');
  });

  it('says a proposed rating is not yet decided and who decides, and what gave a band nothing was listed against', async () => {
    const r = reportOf(testshirePack(), { date: '2025-03-01', judgements: judgements(3), facts: { concerns: false } });
    const report = {
      ...r,
      rating: { ...r.rating, pending: true, awaiting: { proposed: 'Silver', roleLabel: 'the team manager', due: '2025-03-15' } },
      bands: [{ ...r.bands[0]!, criteria: [], otherReasons: [], givenBy: 'The most recent rating' }],
    };
    const { text } = await textOf(await reportPdf(report, { status: 'draft', comments: [] }));
    expect(text).toContain('Overall rating: Silver (proposed, not yet decided)');
    expect(text).toContain('Proposed: Silver. To be decided by the team manager, by 15 March 2025.');
    expect(text).toContain('How it was decided: The most recent rating.');
    // A draft not yet shared gives no date to comment by, as the report page says.
    expect(text).toContain('Draft report, not yet shared with the provider');
    expect(text).toContain('Once the draft is shared, the provider may comment on the factual accuracy of any finding for');
    expect(text).not.toContain('You may comment');
  });

  it('says a rating nothing reads until it is decided (no value yet) is not yet decided, never "null"', async () => {
    const r = reportOf(testshirePack(), { date: '2025-03-01', judgements: judgements(3), facts: { concerns: false } });
    const report = { ...r, rating: { ...r.rating, value: null, pending: true, awaiting: { proposed: 'Silver', roleLabel: 'the team manager', due: '2025-03-15' } } };
    const { text } = await textOf(await reportPdf(report, { status: 'draft', comments: [] }));
    expect(text).toContain('Overall rating: not yet decided');
    expect(text).not.toContain('null');
    expect(text).toContain('Proposed: Silver. To be decided by the team manager, by 15 March 2025.');
  });
});

