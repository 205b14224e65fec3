import type { Pack } from '../../types.js';

const src = (section: string) => ({ doc: 'guide', section });

/** Four bands of a percentage, as a framework prints them: 88 and above, 63 to 87, 39 to 62, below 39. */
const BANDS = [
  { value: 'Inadequate', below: 39 },
  { value: 'Requires improvement', atLeast: 39, below: 63 },
  { value: 'Good', atLeast: 63, below: 88 },
  { value: 'Outstanding', atLeast: 88 },
];

/**
 * A framework that scores six quality statements 1 to 4 (Poor 1 ... Excellent 4) and bands the
 * percentage of the points possible: a test pack, not any council's.
 */
export function statementScoresPack(): Pack {
  const statements = (domain: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${domain}-${i + 1}`, title: `Statement ${i + 1} of ${domain}` }));
  return {
    metadata: { id: 'statement-scores', council: 'Test Council', title: 'Quality statements scored 1-4', version: '1.0.0', effectiveFrom: '2025-01-01', documents: ['guide'] },
    sources: { guide: { title: 'Test guide', sections: { '1': 'Scores', '2': 'Bands' } } },
    scales: {
      score: { label: 'Statement score', values: ['Poor', 'Fair', 'Good', 'Excellent'], points: { Poor: 1, Fair: 2, Good: 3, Excellent: 4 } },
      percent: { label: 'Percentage of points possible', numeric: { min: 0, max: 100 } },
      rating: { label: 'Rating', values: ['Inadequate', 'Requires improvement', 'Good', 'Outstanding'] },
    },
    framework: {
      judgements: { scale: 'score', default: ['Poor', 'Fair', 'Good', 'Excellent'], required: true },
      domains: [
        { id: 'safe', title: 'Safe', standards: [{ id: 'safe-s', title: 'Safe statements', criteria: statements('safe', 3) }] },
        { id: 'caring', title: 'Caring', standards: [{ id: 'caring-s', title: 'Caring statements', criteria: statements('caring', 3) }] },
      ],
    },
    inputs: { type: 'object', properties: {} },
    decisions: {
      percentage: {
        label: 'Percentage', scale: 'percent', hitPolicy: 'first', source: src('1'),
        rules: [{
          id: 'points', source: src('1'), when: { all: [] },
          output: { round: { percentage: { part: { fact: 'criteriaPoints' }, of: { multiply: [{ fact: 'weightedCount' }, 4] } } }, rule: 'halfUp', places: 1 },
        }],
      },
      rating: {
        label: 'Rating', scale: 'rating', hitPolicy: 'first', source: src('2'),
        rules: [{ id: 'band', source: src('2'), when: { all: [] }, output: { band: { fact: 'percentage' }, bands: BANDS } }],
      },
    },
    outcomes: { headline: 'rating' },
  };
}

/**
 * A framework that weights its questions (Met 2, Partly 1, Not met 0; the safeguarding
 * questions count three times) and bands the weighted percentage, with a limiter: any
 * safeguarding question not met caps the rating at Requires improvement. A test pack.
 */
export function weightedQuestionsPack(): Pack {
  const q = (id: string, weight?: number, flags?: string[]) => ({ id, title: `Question ${id}`, ...(weight !== undefined ? { weight } : {}), ...(flags ? { flags } : {}) });
  return {
    metadata: { id: 'weighted-questions', council: 'Test Council', title: 'Weighted questions', version: '1.0.0', effectiveFrom: '2025-01-01', documents: ['guide'] },
    sources: { guide: { title: 'Test guide', sections: { '1': 'Weights', '2': 'Bands' } } },
    scales: {
      answer: { label: 'Answer', values: ['Not met', 'Partly', 'Met'], points: { 'Not met': 0, Partly: 1, Met: 2 } },
      percent: { label: 'Weighted percentage', numeric: { min: 0, max: 100 } },
      rating: { label: 'Rating', values: ['Inadequate', 'Requires improvement', 'Good', 'Outstanding'] },
    },
    framework: {
      judgements: { scale: 'answer', default: ['Not met', 'Partly', 'Met'], required: true },
      flags: { safeguarding: { label: 'Safeguarding' } },
      domains: [{ id: 'all', title: 'Questions', standards: [{ id: 'q', title: 'Questions', criteria: [q('q1', 3, ['safeguarding']), q('q2', 3, ['safeguarding']), q('q3'), q('q4'), q('q5', 0.5)] }] }],
    },
    inputs: { type: 'object', properties: {} },
    decisions: {
      weighted: {
        label: 'Weighted percentage', scale: 'percent', hitPolicy: 'first', source: src('1'),
        rules: [{ id: 'points', source: src('1'), when: { all: [] }, output: { percentage: { part: { fact: 'criteriaPoints' }, of: { multiply: [{ fact: 'weightedCount' }, 2] } } } }],
      },
      rating: {
        label: 'Rating', scale: 'rating', hitPolicy: 'first', source: src('2'),
        rules: [
          {
            id: 'safeguarding-limiter', priority: 10, source: src('2'),
            when: { all: [{ fact: 'weightedCount', params: { flag: 'safeguarding', is: 'Not met' }, operator: 'greaterThan', value: 0 }, { fact: 'weighted', operator: 'greaterThanInclusive', value: 63 }] },
            output: 'Requires improvement',
          },
          { id: 'band', source: src('2'), when: { all: [] }, output: { band: { fact: 'weighted' }, bands: BANDS } },
        ],
      },
    },
    outcomes: { headline: 'rating' },
  };
}
