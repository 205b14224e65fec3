import PDFDocument from 'pdfkit';
import {
  bandHeadingWords, bandUpWords, challengeWords, criterionNeededWords, longDate, nextVisitWords, NO_OFFICER_NOTE_WORDS, otherReasonWords, proposalWords, ratingHeadingWords, reportStatusWords, reviewerWords,
} from '../engine/index.js';
import type { ProviderReport } from './provider-report.js';
import type { ReportComment, ReportStatus } from './report-comment.js';

/** What the PDF prints besides the report: its status and the challenge comments with their answers. */
export interface PrintedReportState {
  status: ReportStatus | 'draft';
  sharedOn?: string;
  comments: ReportComment[];
}

/**
 * The provider report as a PDF (pdfkit, made on the server): the same content as the report page,
 * in the same order, with the council, officer, reviewer, date and framework version at the top
 * and "Page n of m" on every page. Its sentences are the engine's report words, the page's too.
 */
export function reportPdf(r: ProviderReport, state: PrintedReportState): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, bufferPages: true, info: { Title: `Quality report: ${r.provider.name}`, Author: r.council } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const heading = (text: string) => doc.moveDown(0.6).font('Helvetica-Bold').fontSize(13).text(text).font('Helvetica').fontSize(10.5);
  const line = (text: string, indent = 0) => doc.text(text, { indent });

  doc.font('Helvetica-Bold').fontSize(18).text(`${r.council}: quality report`);
  doc.font('Helvetica').fontSize(10.5);
  line(reportStatusWords(state.status, state.sharedOn));
  line(`Provider: ${r.provider.name}`);
  line(`Visit date: ${longDate(r.assessment.date)}`);
  line(`Officer: ${r.officer ?? 'not recorded'}`);
  line(`Reviewer: ${reviewerWords(r.reviewer, r.reviewedOn)}`);
  line(`Framework: ${r.framework.title}, version ${r.framework.version}`);

  // A decision nothing reads until a person takes it (`meanwhile: undecided`) has no value yet: the awaiting line says what is proposed.
  heading(ratingHeadingWords(r.rating));
  if (r.rating.awaiting) line(proposalWords(r.rating.awaiting, longDate));
  if (r.rating.description) line(r.rating.description);
  for (const w of r.warnings ?? []) line(`Warning: ${w.message} (${w.citation}).`);

  heading('What kept each rating from the next band up');
  for (const b of r.bands) {
    doc.font('Helvetica-Bold').text(bandHeadingWords(b, r.rating.label)).font('Helvetica');
    line(bandUpWords(b), 12);
    for (const c of b.criteria) {
      line(`- ${c.wording}: ${criterionNeededWords(c)}.`, 24);
      for (const e of c.evidence ?? []) line(`Evidence: ${e}`, 36);
    }
    for (const why of b.otherReasons) line(`- ${otherReasonWords(why)}`, 24);
  }

  heading("The officer's note on the visit");
  line(r.officerNote ?? NO_OFFICER_NOTE_WORDS);

  heading('Actions');
  if (r.actions.length === 0) line('No actions.');
  for (const a of r.actions) line(`- ${a.label}. Owner: ${a.owner}. Due: ${longDate(a.due)}.`);

  heading('Next visit');
  line(nextVisitWords(r.nextVisit));

  heading('Your right to challenge');
  line(challengeWords(r.challenge, state.status));

  if (r.interpretations.length > 0) {
    heading('How the council read its framework for this rating');
    for (const i of r.interpretations) line(`- ${i}`);
  }

  if (state.comments.length > 0) {
    heading('Factual-accuracy comments');
    for (const c of state.comments) {
      line(`- On ${c.finding} (${longDate(c.at)}): ${c.comment}`);
      line(c.answer ? `${c.answer.decision === 'accepted' ? 'Accepted' : 'Rejected'}: ${c.answer.reason}` : 'Not yet answered.', 24);
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(9).text(`Page ${i + 1} of ${range.count}`, 0, doc.page.height - 36, { align: 'center', width: doc.page.width });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
