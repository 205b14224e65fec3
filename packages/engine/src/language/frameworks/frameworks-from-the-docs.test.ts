import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, run } from '../../cli/main.js';
import { borsetshireQuestions } from '../../fixtures/borsetshire-questions.js';

/**
 * The two frameworks issue 10 opens with (quality statements scored 1-4 with the percentage
 * banded; weighted questions), written as a new council would: pack folders in plain JSON, each
 * form taken from docs/pack-format.md, run through `qaf` as docs/cli.md and docs/add-a-council.md
 * say. The councils are invented ("Anyshire", "Borsetshire"); their "documents" are the comments
 * here, and every expected value is worked out by hand from them, never taken from the engine.
 */

const cite = (doc: string, section: string) => ({ doc, section });

/**
 * Anyshire's framework: each quality statement is scored 1 to 4; a domain's percentage is its
 * points as a percentage of the points possible, rounded half up to a whole number (s3); 88 and
 * above Outstanding, 63 to 87 Good, 39 to 62 Requires improvement, below 39 Inadequate (s3); a
 * statement scored 1 keeps its domain at Requires improvement or below (s3); overall, any domain
 * Inadequate is Inadequate, else any Requires improvement is Requires improvement, else all
 * Outstanding is Outstanding, else Good (s4).
 */
const statements = {
  metadata: { id: 'anyshire', council: 'Anyshire Council', title: 'Quality statements framework', version: '1.0.0', effectiveFrom: '2026-01-01', documents: ['qf'] },
  sources: { qf: { title: 'Anyshire Quality Framework', sections: { 2: 'Scoring statements', 3: 'Domain ratings', 4: 'Overall rating' } } },
  scales: {
    score: { label: 'Statement score', values: ['1', '2', '3', '4'], points: { 1: 1, 2: 2, 3: 3, 4: 4 } },
    percent: { label: 'Domain percentage', numeric: { min: 0, max: 100 } },
    rating: { label: 'Rating', values: ['Inadequate', 'Requires improvement', 'Good', 'Outstanding'] },
  },
  framework: {
    judgements: { scale: 'score', default: ['1', '2', '3', '4'], required: true },
    domains: [
      { id: 'safe', title: 'Safe', standards: [{ id: 'safe-qs', title: 'Safe quality statements', criteria: [
        { id: 'safe-1', title: 'Learning culture' }, { id: 'safe-2', title: 'Safe systems' }, { id: 'safe-3', title: 'Safeguarding' }] }] },
      { id: 'caring', title: 'Caring', standards: [{ id: 'caring-qs', title: 'Caring quality statements', criteria: [
        { id: 'caring-1', title: 'Kindness, compassion and dignity' }, { id: 'caring-2', title: 'Treating people as individuals' }] }] },
    ],
  },
  parameters: {
    outstandingFrom: { label: 'Outstanding: domain percentage at least', type: 'number', unit: 'percent', min: 0, max: 100, value: 88, source: cite('qf', '3') },
    goodFrom: { label: 'Good: domain percentage at least', type: 'number', unit: 'percent', min: 0, max: 100, value: 63, source: cite('qf', '3') },
    riFrom: { label: 'Requires improvement: domain percentage at least', type: 'number', unit: 'percent', min: 0, max: 100, value: 39, source: cite('qf', '3') },
  },
  inputs: { type: 'object', properties: {} },
  decisions: {
    domainScore: {
      label: 'Domain percentage', scale: 'percent', hitPolicy: 'first', forEach: 'domain',
      rules: [{
        id: 'points', label: 'points scored as a percentage of the points possible', when: { all: [] }, source: cite('qf', '3'),
        output: { round: { percentage: {
          part: { fact: 'criteriaPoints', params: { domain: '$domain' } },
          of: { multiply: [{ fact: 'weightedCount', params: { domain: '$domain' } }, 4] } } }, rule: 'halfUp', places: 0 },
      }],
    },
    domainRating: {
      label: 'Domain rating', scale: 'rating', hitPolicy: 'first', forEach: 'domain',
      rules: [{
        id: 'band', label: 'the domain percentage banded', when: { all: [] }, source: cite('qf', '3'),
        output: { band: { fact: 'domainScore', params: { domain: '$domain' } }, bands: [
          { value: 'Inadequate', below: { param: 'riFrom' } },
          { value: 'Requires improvement', atLeast: { param: 'riFrom' }, below: { param: 'goodFrom' } },
          { value: 'Good', atLeast: { param: 'goodFrom' }, below: { param: 'outstandingFrom' } },
          { value: 'Outstanding', atLeast: { param: 'outstandingFrom' } }] },
      }],
      limits: [{
        id: 'scored-1', label: 'a statement scored 1: the domain cannot be above Requires improvement', source: cite('qf', '3'),
        when: { fact: 'criteriaCount', params: { domain: '$domain', is: '1' }, operator: 'greaterThanInclusive', value: 1 },
        atMost: 'Requires improvement',
      }],
    },
    overallRating: {
      label: 'Overall rating', scale: 'rating', hitPolicy: 'first',
      rules: [
        { id: 'any-inadequate', label: 'a domain Inadequate', output: 'Inadequate', source: cite('qf', '4'),
          when: { fact: 'domainCount', params: { decision: 'domainRating', is: 'Inadequate' }, operator: 'greaterThanInclusive', value: 1 } },
        { id: 'any-ri', label: 'a domain Requires improvement', output: 'Requires improvement', source: cite('qf', '4'),
          when: { fact: 'domainCount', params: { decision: 'domainRating', is: 'Requires improvement' }, operator: 'greaterThanInclusive', value: 1 } },
        { id: 'all-outstanding', label: 'every domain Outstanding', output: 'Outstanding', source: cite('qf', '4'),
          when: { fact: 'domainCount', params: { decision: 'domainRating', below: 'Outstanding' }, operator: 'equal', value: 0 } },
      ],
      fallback: { output: 'Good', source: cite('qf', '4') },
    },
  },
  outcomes: { headline: 'overallRating' },
};

/** Anyshire's cases, from the framework above (Safe has 12 points possible, Caring 8). */
const statementCases = [
  { id: 'all-4', note: 'every statement 4: 100% in both domains, Outstanding', source: cite('qf', '4'),
    fillJudgements: '4', input: { date: '2026-03-02' },
    want: { headline: 'Outstanding', decisions: { 'domainScore.safe': 100, 'domainRating.safe': 'Outstanding', 'domainScore.caring': 100 } } },
  { id: 'safe-at-88', note: 'Safe 4,4,3 = 11/12 = 91.67, rounded 92: Outstanding; Caring 4,3 = 7/8 = 87.5, rounded half up 88: Outstanding', source: cite('qf', '3'),
    fillJudgements: '4', input: { date: '2026-03-02', judgements: { 'safe-3': '3', 'caring-2': '3' } },
    want: { headline: 'Outstanding', decisions: { 'domainScore.safe': 92, 'domainScore.caring': 88, 'domainRating.caring': 'Outstanding' } } },
  { id: 'caring-below-39', note: 'Caring 2,1 = 3/8 = 37.5, rounded 38: below 39, Inadequate (the 1 caps it at Requires improvement, already above)', source: cite('qf', '3'),
    fillJudgements: '4', input: { date: '2026-03-02', judgements: { 'caring-1': '2', 'caring-2': '1' } },
    want: { headline: 'Inadequate', decisions: { 'domainScore.caring': 38, 'domainRating.caring': 'Inadequate' } } },
  { id: 'safe-scored-1', note: 'Safe 4,4,1 = 9/12 = 75: Good by the band, but a 1 keeps it at Requires improvement', source: cite('qf', '3'),
    fillJudgements: '4', input: { date: '2026-03-02', judgements: { 'safe-3': '1' } },
    want: { headline: 'Requires improvement', decisions: { 'domainScore.safe': 75, 'domainRating.safe': 'Requires improvement', 'domainRating.caring': 'Outstanding' } } },
];

/**
 * Borsetshire's framework: questions answered Met (2 points), Partly met (1), Not met (0), each
 * question's points times its weight (s2: the two safeguarding questions 3, care plans 2,
 * complaints 1, newsletter 0.5); the weighted score is the weighted points as a percentage of
 * those possible, rounded half even to one place (s2); 80 and above Green, 50 to below 80 Amber,
 * below 50 Red (s3). A safeguarding question not met, or a safeguarding policy last reviewed more
 * than 12 months before the visit, keeps the rating at Amber or below (s4). Amber or Red: the
 * provider sends an action plan within 10 working days, bank holidays of England and Wales not
 * counted (s5). Monthly returns are due on the second Wednesday of each month, the directory
 * update by the following Friday (s6). The commissioning panel decides within 5 working days
 * whether placements continue; the pack proposes suspension for Red (s7).
 */
const weighted = {
  metadata: { id: 'borsetshire', council: 'Borsetshire Council', title: 'Weighted monitoring questions', version: '1.0.0', effectiveFrom: '2026-01-01', documents: ['mf'] },
  sources: { mf: { title: 'Borsetshire Monitoring Framework', sections: { 2: 'Questions and weights', 3: 'Score bands', 4: 'Limits', 5: 'Action plans', 6: 'Returns', 7: 'Commissioning panel' } } },
  scales: {
    answer: { label: 'Answer', values: ['Not met', 'Partly met', 'Met'], points: { 'Not met': 0, 'Partly met': 1, Met: 2 } },
    percent: { label: 'Weighted score', numeric: { min: 0, max: 100 } },
    rating: { label: 'Rating', values: ['Red', 'Amber', 'Green'] },
    placement: { label: 'Placements', values: ['Suspend placements', 'Continue placements'] },
  },
  framework: borsetshireQuestions(),
  parameters: {
    greenFrom: { label: 'Green: weighted score at least', type: 'number', unit: 'percent', min: 50, max: 100, value: 80, source: cite('mf', '3') },
    amberFrom: { label: 'Amber: weighted score at least', type: 'number', unit: 'percent', min: 0, max: 80, value: 50, source: cite('mf', '3') },
    planDue: { label: 'Action plan due within', type: 'integer', unit: 'working days', min: 1, max: 30, value: 10, source: cite('mf', '5') },
    policyAge: { label: 'Safeguarding policy reviewed within', type: 'integer', unit: 'months', min: 1, max: 36, value: 12, source: cite('mf', '4') },
  },
  inputs: { type: 'object', properties: { policyReviewed: { type: 'string', format: 'date', title: 'Safeguarding policy last reviewed' } } },
  decisions: {
    score: {
      label: 'Weighted score', scale: 'percent', hitPolicy: 'first',
      rules: [{
        id: 'weighted', label: 'weighted points as a percentage of those possible', when: { all: [] }, source: cite('mf', '2'),
        output: { round: { percentage: { part: { fact: 'criteriaPoints' }, of: { multiply: [{ fact: 'weightedCount' }, 2] } } }, rule: 'halfEven', places: 1 },
      }],
    },
    rating: {
      label: 'Rating', scale: 'rating', hitPolicy: 'first',
      rules: [{
        id: 'band', label: 'the weighted score banded', when: { all: [] }, source: cite('mf', '3'),
        output: { band: { fact: 'score' }, bands: [
          { value: 'Red', below: { param: 'amberFrom' } },
          { value: 'Amber', atLeast: { param: 'amberFrom' }, below: { param: 'greenFrom' } },
          { value: 'Green', atLeast: { param: 'greenFrom' } }] },
      }],
      limits: [
        { id: 'safeguarding-not-met', label: 'a safeguarding question not met: no better than Amber', atMost: 'Amber', source: cite('mf', '4'),
          when: { fact: 'criteriaCount', params: { flag: 'safeguarding', is: 'Not met' }, operator: 'greaterThanInclusive', value: 1 } },
        // "More than 12 months before the visit", with the months a declared parameter: the visit is after the review date moved on.
        { id: 'policy-out-of-date', label: 'the safeguarding policy is out of date: no better than Amber', atMost: 'Amber', source: cite('mf', '4'),
          when: { fact: 'assessmentDate', operator: 'after', value: { addMonths: { param: 'policyAge' }, to: { fact: 'policyReviewed' } } } },
      ],
    },
    placements: {
      label: 'Placements', scale: 'placement', hitPolicy: 'unique',
      table: {
        inputs: [{ fact: 'rating', label: 'Rating' }],
        rows: [
          { id: 'red', cells: ['Red'], output: 'Suspend placements', source: cite('mf', '7') },
          { id: 'amber-or-green', cells: [['Amber', 'Green']], output: 'Continue placements', source: cite('mf', '7') }],
      },
      decidedBy: { role: 'commissioning-panel', label: 'the commissioning panel', within: { workingDays: 5, calendar: 'england-and-wales' }, source: cite('mf', '7') },
    },
  },
  outcomes: {
    headline: 'rating',
    actions: [{ id: 'action-plan', label: 'The provider sends an action plan', owner: 'provider', source: cite('mf', '5'),
      when: { fact: 'rating', operator: 'atMost', value: 'Amber' }, due: { workingDays: { param: 'planDue' }, calendar: 'england-and-wales' } }],
    schedule: [
      { id: 'return', activity: 'Monthly return', label: 'Monthly return', when: { all: [] }, monthlyOnWeekday: { nth: 2, weekday: 'wednesday' }, source: cite('mf', '6') },
      { id: 'directory', activity: 'Directory update', label: 'Directory update', when: { all: [] }, followingWeekday: { weekday: 'friday', after: { nth: 2, weekday: 'wednesday' } }, source: cite('mf', '6') }],
  },
};

const everyQuestion = (a: string) => Object.fromEntries(['q1', 'q2', 'q3', 'q4', 'q5'].map((q) => [q, a]));
/** Points possible: 2 x (3 + 3 + 2 + 1 + 0.5) = 19. */
const weightedCases = [
  { id: 'all-met', note: 'every question Met: 100, Green; no action plan', source: cite('mf', '3'),
    fillJudgements: 'Met', input: { date: '2026-03-02', facts: { policyReviewed: '2026-01-10' } },
    want: { headline: 'Green', decisions: { score: 100 }, noActions: ['action-plan'],
      schedule: [{ id: 'return', nextDue: '2026-03-11' }, { id: 'directory', nextDue: '2026-03-13' }] } },
  { id: 'care-plans-partly', note: 'q3 Partly met: 17/19 = 89.47..., 89.5: Green', source: cite('mf', '2'),
    fillJudgements: 'Met', input: { date: '2026-03-02', judgements: { q3: 'Partly met' }, facts: { policyReviewed: '2026-01-10' } },
    want: { headline: 'Green', decisions: { score: 89.5 } } },
  { id: 'safeguarding-not-met', note: 'q1 Not met: 13/19 = 68.4, Amber (the limiter agrees); plan due 10 working days after Monday 2 March', source: cite('mf', '4'),
    fillJudgements: 'Met', input: { date: '2026-03-02', judgements: { q1: 'Not met' }, facts: { policyReviewed: '2026-01-10' } },
    want: { headline: 'Amber', decisions: { score: 68.4 }, actions: [{ id: 'action-plan', due: '2026-03-16' }] } },
  { id: 'safeguarding-partly-green', note: 'q1 Partly met: 16/19 = 84.2, Green: the limiter asks for Not met', source: cite('mf', '4'),
    fillJudgements: 'Met', input: { date: '2026-03-02', judgements: { q1: 'Partly met' }, facts: { policyReviewed: '2026-01-10' } },
    want: { headline: 'Green', decisions: { score: 84.2 } } },
  { id: 'policy-exactly-12-months', note: 'reviewed 2 March 2025, visit 2 March 2026: not more than 12 months, Green', source: cite('mf', '4'),
    fillJudgements: 'Met', input: { date: '2026-03-02', facts: { policyReviewed: '2025-03-02' } },
    want: { headline: 'Green' } },
  { id: 'policy-over-12-months', note: 'reviewed 1 March 2025: more than 12 months before the visit, Green capped at Amber', source: cite('mf', '4'),
    fillJudgements: 'Met', input: { date: '2026-03-02', facts: { policyReviewed: '2025-03-01' } },
    want: { headline: 'Amber', decisions: { score: 100 } } },
  { id: 'red-over-easter', note: 'q1, q2 Not met: 7/19 = 36.8, Red; Good Friday (3 April 2026) and Easter Monday (6 April) are not working days: the panel decides within 5 working days of Monday 30 March, by Wednesday 8 April, and the plan is due 10 working days after it, on 15 April', source: cite('mf', '5'),
    input: { date: '2026-03-30', judgements: { ...everyQuestion('Met'), q1: 'Not met', q2: 'Not met' }, facts: { policyReviewed: '2026-01-10' } },
    want: { headline: 'Red', decisions: { score: 36.8, placements: 'Suspend placements' }, actions: [{ id: 'action-plan', due: '2026-04-15' }],
      proposals: [{ decision: 'placements', proposed: 'Suspend placements', role: 'commissioning-panel', due: '2026-04-08' }] } },
  { id: 'all-partly-at-50', note: 'every question Partly met: exactly 50, Amber', source: cite('mf', '3'),
    fillJudgements: 'Partly met', input: { date: '2026-03-02', facts: { policyReviewed: '2026-01-10' } },
    want: { headline: 'Amber', decisions: { score: 50 }, proposals: [{ decision: 'placements', proposed: 'Continue placements' }] } },
  { id: 'panel-decided', note: 'the panel recorded its decision: it is an input, nothing is proposed', source: cite('mf', '7'),
    input: { date: '2026-03-30', judgements: { ...everyQuestion('Not met') }, facts: { policyReviewed: '2026-01-10' },
      decisions: { placements: { value: 'Continue placements', by: 'Panel chair', at: '2026-04-02' } } },
    want: { headline: 'Red', decisions: { score: 0, placements: 'Continue placements' }, noProposals: ['placements'] } },
];

function sandbox() {
  const dir = mkdtempSync(join(tmpdir(), 'qaf-frameworks-'));
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s), cwd: dir };
  const write = (name: string, value: unknown): string => {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), JSON.stringify(value, null, 2));
    return name;
  };
  const qaf = async (...argv: string[]) => {
    out.length = 0;
    err.length = 0;
    const code = await run(argv, io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  return { write, qaf };
}

describe('Anyshire: quality statements scored 1-4, each domain\'s percentage banded, with a limiter', () => {
  const s = sandbox();
  s.write('anyshire/pack.json', statements);
  s.write('anyshire/cases/domain-ratings.json', { cases: statementCases });

  it('validates and passes its cases, read from a pack folder', async () => {
    expect(await s.qaf('validate', 'anyshire')).toMatchObject({ code: EXIT.ok, out: expect.stringContaining('valid (anyshire 1.0.0, 3 decisions, 4 cases)') });
    const test = await s.qaf('test', 'anyshire');
    expect(test.out).toContain('4 passed, 0 failed');
    expect(test.code).toBe(EXIT.ok);
  });

  it('is analysed completely: every domain instance enumerated, the percentage partitioned on the bands, no gaps', async () => {
    const r = await s.qaf('analyse', 'anyshire', '--strict', '--json');
    expect(r.code).toBe(EXIT.ok);
    const report = JSON.parse(r.out) as { complete: boolean; decisions: { decision: string; exhaustive: boolean; combinations: number }[]; summary: { gap: number } };
    expect(report.complete).toBe(true);
    expect(report.summary.gap).toBe(0);
    // Safe's three statements take 4^3 = 64 combinations, Caring's two 4^2 = 16.
    expect(report.decisions.map((d) => [d.decision, d.exhaustive, d.combinations])).toEqual([
      ['domainScore.safe', true, 64], ['domainScore.caring', true, 16],
      ['domainRating.safe', true, 64], ['domainRating.caring', true, 16],
      ['overallRating', true, 16],
    ]);
  });

  it('explains a capped domain in words: the band it was given and the limiter that capped it', async () => {
    const a = s.write('visit.json', { date: '2026-03-02', judgements: { 'safe-1': '4', 'safe-2': '4', 'safe-3': '1', 'caring-1': '3', 'caring-2': '3' } });
    const r = await s.qaf('evaluate', 'anyshire', a, '--explain');
    expect(r.code).toBe(EXIT.ok);
    const lines = r.out.split('\n').map((l) => l.trim());
    expect(lines).toContain('Headline: overallRating = Requires improvement');
    // Caring 6/8 = 75: Good, no statement scored 1.
    const safe = lines.indexOf('Domain rating: Safe');
    // Safe 4+4+1 = 9 of 12 points = 75%: Good (63 to 87); Outstanding needs 88. Raising the statement
    // scored 1 to 2 gives 10/12 = 83% (not enough), to 3 gives 11/12 = 91.67, rounded half up 92%: the
    // least raise that reaches it. The statement scored 1 caps the domain at Requires improvement.
    expect(lines.slice(safe, safe + 8)).toEqual([
      'Domain rating: Safe',
      'FIRED the domain percentage banded -> Good  [qf s3]',
      'Domain percentage for Safe was 75% (9 of 12 points), in the band Good: Outstanding needs 88% or more',
      "it would reach Outstanding by raising 'Safeguarding' from 1 to 3 (2 points more, 92%)",
      "'a statement scored 1: the domain cannot be above Requires improvement' capped it: it cannot be above Requires improvement (at least 1 criterion in Safe judged 1: yes, 1)",
      'FIRED a statement scored 1: the domain cannot be above Requires improvement -> Requires improvement  [qf s3]',
      'at least 1 criterion in Safe judged 1: yes, 1',
      'so Good is capped: it cannot be above Requires improvement',
    ]);
    expect(lines).toContain('needs at least 1 criterion in Caring judged 1; 0 were');
  });
});

describe('Borsetshire: weighted questions, a banded weighted score, limiters, a table a panel decides, calendars', () => {
  const s = sandbox();
  s.write('borsetshire/pack.json', weighted);
  s.write('borsetshire/cases/rating.json', { cases: weightedCases });

  it('validates and passes its cases (weights, rounding, bands, limiters, working days over Easter, proposals)', async () => {
    expect((await s.qaf('validate', 'borsetshire')).code).toBe(EXIT.ok);
    const test = await s.qaf('test', 'borsetshire');
    expect(test.out).toContain(`${weightedCases.length} passed, 0 failed`);
    expect(test.code).toBe(EXIT.ok);
  });

  it('is analysed completely, the policy date by its orderings with the visit date', async () => {
    const r = await s.qaf('analyse', 'borsetshire', '--strict', '--json');
    expect(r.code).toBe(EXIT.ok);
    const report = JSON.parse(r.out) as { complete: boolean; decisions: { decision: string; exhaustive: boolean; combinations: number }[]; summary: { gap: number; overlap: number } };
    expect(report.complete).toBe(true);
    expect(report.summary).toMatchObject({ gap: 0, overlap: 0 });
    // Five questions of three answers: 3^5 = 243 combinations of the score's inputs.
    expect(report.decisions.map((d) => [d.decision, d.exhaustive])).toEqual([['score', true], ['rating', true], ['placements', true]]);
    expect(report.decisions[0]!.combinations).toBe(243);
  });

  it('explains the proposal, who decides and by when, and the date limiter with the date it computed', async () => {
    const a = s.write('visit.json', { date: '2026-03-02', judgements: { q1: 'Met', q2: 'Partly met', q3: 'Not met', q4: 'Met', q5: 'Met' }, facts: { policyReviewed: '2024-12-01' } });
    const r = await s.qaf('evaluate', 'borsetshire', a, '--explain');
    expect(r.code).toBe(EXIT.ok);
    const lines = r.out.split('\n').map((l) => l.trim());
    // (6 + 3 + 0 + 2 + 1) / 19 = 63.16: Amber.
    expect(lines).toContain('score       63.2');
    expect(lines).toContain('the assessment date is after 2025-12-01 (12 months after Safeguarding policy last reviewed): yes (2026-03-02)');
    expect(lines).toContain('FIRED If Rating is one of Amber, Green, then Continue placements -> Continue placements  [mf s7]');
    expect(lines).toContain('to be decided by the commissioning panel, by 2026-03-09; until then the pack reads the proposed value');
    expect(lines).toContain('due 2026-03-16  provider  The provider sends an action plan  [mf s5]');
  });

  it('refuses bad input all at once, schema and meaning errors together, each at its pointer', async () => {
    const bad = structuredClone(weighted);
    (bad.metadata as { id: unknown }).id = 7;
    (bad.framework.domains[0]!.standards[0]!.criteria[4] as { weight: unknown }).weight = 'half';
    bad.decisions.rating.rules[0]!.output.bands[1]!.atLeast = 55 as never;
    (bad.decisions.placements.table.rows[0]!.cells as unknown[]) = ['Red', 'any'];
    bad.parameters.planDue.value = 40;
    (bad.outcomes.actions[0]!.due as { calendar: string }).calendar = 'wales';
    s.write('bad/pack.json', bad);
    const r = await s.qaf('validate', 'bad', '--json');
    expect(r.code).toBe(EXIT.failed);
    const errors = (JSON.parse(r.out) as { errors: { pointer: string; message: string; line?: number }[] }).errors;
    expect(errors.map((e) => e.pointer).sort()).toEqual([
      '/decisions/placements/table/rows/0/cells',
      '/decisions/rating/rules/0/output/bands/1',
      '/framework/domains/0/standards/0/criteria/4/weight',
      '/metadata/id',
      '/outcomes/actions/0/due/calendar',
      '/parameters/planDue/value',
    ]);
    const at = (p: string) => errors.find((e) => e.pointer === p)!.message;
    expect(at('/decisions/rating/rules/0/output/bands/1')).toContain('numbers from 50 below 55 fall in no band');
    expect(at('/decisions/placements/table/rows/0/cells')).toBe('Row "red" has 2 cells, but the table has 1 input column (Rating).');
    expect(at('/parameters/planDue/value')).toContain('must be from 1 to 30 working days');
    expect(errors.every((e) => typeof e.line === 'number')).toBe(true);
  });

  it('stops an evaluation with a clear error: a judgement of the wrong type, a date the calendar does not cover, a division by zero', async () => {
    const wrongType = s.write('wrong-type.json', { date: '2026-03-02', judgements: { ...everyQuestion('Met'), q4: 2 }, facts: {} });
    const r1 = await s.qaf('evaluate', 'borsetshire', wrongType);
    expect(r1.code).toBe(EXIT.failed);
    expect(r1.err).toContain('The number 2, but criterion "q4" (Complaints log kept) takes text values: one of "Not met", "Partly met", "Met".');

    // The panel's 5 working days from a visit in 2031 run past the years the calendar covers (2015 to 2028).
    const late = s.write('late.json', { date: '2031-03-03', judgements: everyQuestion('Met'), facts: {} });
    const r2 = await s.qaf('evaluate', 'borsetshire', late);
    expect(r2.code).toBe(EXIT.failed);
    expect(r2.err).toMatch(/\/decisions\/placements\/decidedBy\/within: 2031-03-\d\d is outside the years the England and Wales calendar \("england-and-wales"\) covers, 2015 to 2028/);

    const weightless = structuredClone(weighted);
    for (const c of weightless.framework.domains[0]!.standards[0]!.criteria) (c as { weight?: number }).weight = 0;
    s.write('weightless/pack.json', weightless);
    const r3 = await s.qaf('evaluate', 'weightless', s.write('any.json', { date: '2026-03-02', judgements: everyQuestion('Met'), facts: {} }));
    expect(r3.code).toBe(EXIT.failed);
    expect(r3.err).toContain('(at /decisions/score/rules/0/output/round/percentage/of)');
    expect(r3.err).toContain('division by zero');
  });
});
