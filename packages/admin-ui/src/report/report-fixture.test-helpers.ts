import type { ProviderReport, ReportReply } from '../api/report-api.js';

/** A report as the server gives it (Testshire's fixture pack: Silver, kept from Gold by one criterion). */
export const sampleReport: ProviderReport = {
  council: 'Testshire Council',
  provider: { id: 'p1', name: 'Acme Care' },
  assessment: { id: 'a1', date: '2025-03-01' },
  officer: 'Olive Officer',
  reviewer: 'Rita Reviewer',
  reviewedOn: '2025-03-04',
  framework: { title: 'Testshire Quality Framework', version: '1.0.0', hash: 'sha256:x' },
  rating: { label: 'Overall rating', value: 'Silver', pending: false, description: 'Good with some improvement needed' },
  bands: [
    { instance: 'overallRating', band: 'Silver', nextBand: 'Gold', criteria: [{ id: 'c4', wording: 'Complaints are answered', judgement: 'Partly met', needed: 'Fully met', evidence: ['Two complaints answered after 28 days'] }], otherReasons: [] },
    { instance: 'domainRating.care', domain: 'Care', band: 'Gold', criteria: [], otherReasons: [] },
  ],
  officerNote: 'Care plans sampled',
  actions: [{ label: 'Submit an improvement plan', owner: 'provider', due: '2025-03-29' }],
  nextVisit: { label: 'Annual visit', due: '2026-03-01' },
  challenge: { days: 14, until: '2025-03-19', basis: 'council', why: "Interpretation: the council's framework sets no window for factual-accuracy comments; OpenQAF allows 14 days from sharing by default" },
  warnings: [],
  interpretations: ['Partly met counts as not met for Gold'],
};

/** The reply of `GET .../report` for the sample report, shared on 5 March 2025. */
export function sampleReply(over: Partial<ReportReply> = {}): ReportReply {
  return { assessmentId: 'a1', providerId: 'p1', status: 'shared', visit: { id: 'v1', status: 'shared' }, sharedOn: '2025-03-05', report: sampleReport, comments: [], actionPlan: [], ...over };
}
