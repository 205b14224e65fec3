import type { Pack } from '@openqaf/engine';

const src = (section: string) => ({ doc: 'qaf', section });

/**
 * A small, valid pack for the server's own tests (not any council's framework): one domain of
 * four criteria, an overall rating with a concerns override, an improvement plan action and
 * visits. The Silver threshold (3 criteria at least Fully met) is what what-if tests change.
 * `officerOverride` lets an officer override the overall rating (`override`), giving the reason only
 * where `reasonRequired` (the engine's default when true), as the framework's section 2 would say.
 */
export function testshirePack(overrides: { id?: string; version?: string; silverMin?: number; effectiveFrom?: string; officerOverride?: { reasonRequired: boolean } } = {}): Pack {
  const id = overrides.id ?? 'testshire';
  return {
    metadata: {
      id,
      council: `${id[0]!.toUpperCase()}${id.slice(1)} Council`,
      title: 'Test quality framework',
      version: overrides.version ?? '1.0.0',
      effectiveFrom: overrides.effectiveFrom ?? '2024-01-01',
      documents: ['qaf'],
    },
    sources: {
      qaf: { title: 'Test framework', sections: { '1': 'Ratings', '2': 'Bands', '3': 'Improvement', '4': 'Visits' } },
    },
    scales: {
      band: { label: 'Quality band', values: ['Inadequate', 'Bronze', 'Silver', 'Gold'] },
      judgement: { label: 'Judgement', values: ['Not met', 'Partly met', 'Fully met'] },
    },
    framework: {
      judgements: { scale: 'judgement', default: ['Not met', 'Partly met', 'Fully met'], required: true },
      flags: { mandatory: { label: 'Mandatory' } },
      domains: [
        {
          id: 'care',
          title: 'Care',
          standards: [
            {
              id: 'care-s1',
              title: 'Good care',
              criteria: [
                { id: 'c1', title: 'Care plans are current', flags: ['mandatory'] },
                { id: 'c2', title: 'Staff are trained' },
                { id: 'c3', title: 'People are involved' },
                { id: 'c4', title: 'Complaints are answered' },
              ],
            },
          ],
        },
      ],
    },
    inputs: {
      type: 'object',
      properties: { concerns: { type: 'boolean', description: 'Serious concerns were raised' } },
      required: ['concerns'],
    },
    decisions: {
      overallRating: {
        label: 'Overall rating',
        scale: 'band',
        hitPolicy: 'first',
        source: src('2'),
        ...(overrides.officerOverride ? { override: { reasonRequired: overrides.officerOverride.reasonRequired, source: src('2') } } : {}),
        rules: [
          { id: 'concerns', label: 'Serious concerns', priority: 50, output: 'Inadequate', source: src('1'), when: { fact: 'concerns', operator: 'equal', value: true } },
          { id: 'gold', label: 'Gold', priority: 40, output: 'Gold', source: src('2'), when: { fact: 'criteriaCount', params: { is: 'Fully met' }, operator: 'greaterThanInclusive', value: 4 } },
          {
            id: 'silver', label: 'Silver', priority: 30, output: 'Silver', source: src('2'),
            when: { fact: 'criteriaCount', params: { atLeast: 'Fully met' }, operator: 'greaterThanInclusive', value: overrides.silverMin ?? 3 },
          },
          { id: 'bronze', label: 'Bronze', priority: 20, output: 'Bronze', source: src('2'), when: { fact: 'criteriaCount', params: { is: 'Not met' }, operator: 'lessThanInclusive', value: 1 } },
        ],
        fallback: { output: 'Inadequate', source: src('2'), interpretation: 'many-not-met' },
      },
    },
    outcomes: {
      headline: 'overallRating',
      actions: [
        { id: 'improvement-plan', label: 'Submit an improvement plan', owner: 'provider', due: { days: 7 }, source: src('3'), when: { fact: 'overallRating', operator: 'atMost', value: 'Bronze' } },
      ],
      schedule: [
        { id: 'annual-visit', activity: 'quality-visit', label: 'Annual visit', every: { months: 12 }, source: src('4'), when: { fact: 'overallRating', operator: 'below', value: 'Gold' } },
        { id: 'biennial-visit', activity: 'quality-visit', label: 'Visit every two years', every: { months: 24 }, source: src('4'), when: { fact: 'overallRating', operator: 'equal', value: 'Gold' } },
      ],
    },
    interpretations: {
      'many-not-met': { title: 'Two or more Not met', note: 'The test framework gives no band for two or more Not met: Inadequate.', source: src('2') },
    },
    cases: [
      { id: 'all-fully-met-gold', note: 'All four Fully met is Gold', input: { date: '2025-03-01', facts: { concerns: false } }, fillJudgements: 'Fully met', want: { headline: 'Gold', schedule: [{ id: 'biennial-visit', nextDue: '2027-03-01' }] } },
      { id: 'concerns-inadequate', note: 'Concerns override the judgements', input: { date: '2025-03-01', facts: { concerns: true } }, fillJudgements: 'Fully met', want: { headline: 'Inadequate', actions: [{ id: 'improvement-plan', due: '2025-03-08' }] } },
    ],
  };
}

/** Judgements for the four criteria: how many Fully met, the rest Partly met. */
export function judgements(fullyMet: number, notMet = 0): Record<string, string> {
  const ids = ['c1', 'c2', 'c3', 'c4'];
  return Object.fromEntries(ids.map((id, i) => [id, i < fullyMet ? 'Fully met' : i >= 4 - notMet ? 'Not met' : 'Partly met']));
}
