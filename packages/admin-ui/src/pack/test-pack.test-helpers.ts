import type { Pack } from '@openqaf/engine';

const src = { doc: '000', section: '3.2' };

/** A small, valid pack ("Testshire") for component tests: one domain of three criteria. */
export function testPack(): Pack {
  return {
    metadata: { id: 'testshire', council: 'Testshire Council', title: 'Testshire QAF', version: '1.0.0', effectiveFrom: '2024-01-01', documents: ['000'] },
    sources: { '000': { title: 'Testshire Quality Guidance', sections: { '3.1': 'Ratings', '3.2': 'Domain bands', '4.1': 'Improvement' } } },
    scales: {
      rating: { label: 'Quality rating', values: ['Inadequate', 'Bronze', 'Silver', 'Gold'] },
      judgement: { label: 'Criterion judgement', values: ['Not met', 'Partly met', 'Fully met', 'Exceptional'] },
      cqc: { label: 'CQC rating', values: ['Inadequate', 'Requires Improvement', 'Good', 'Outstanding'] },
    },
    mappings: {
      cqcToRating: {
        label: 'CQC rating to quality rating',
        from: 'cqc',
        to: 'rating',
        table: { Inadequate: 'Inadequate', 'Requires Improvement': 'Bronze', Good: 'Silver', Outstanding: 'Gold' },
        source: { doc: '000', section: '3.1' },
      },
    },
    framework: {
      labels: { domain: 'Domain', standard: 'Standard', criterion: 'Criterion' },
      judgements: { scale: 'judgement', default: ['Not met', 'Partly met', 'Fully met'], byFlag: { advanced: ['Exceptional'] }, required: true },
      flags: { mandatory: { label: 'Mandatory' }, advanced: { label: 'Advanced' } },
      domains: [
        {
          id: 'safe',
          title: 'Safe',
          parameters: { silverMinFullyMet: 2 },
          standards: [
            {
              id: 'safe-a',
              title: 'Safe care',
              criteria: [
                { id: 's-01', title: 'People are kept safe', flags: ['mandatory'] },
                { id: 's-02', title: 'Staff are trained' },
                { id: 's-03', title: 'Learning is shared', flags: ['advanced'] },
              ],
            },
          ],
        },
      ],
    },
    inputs: {
      type: 'object',
      properties: {
        cqcRating: { type: 'string', 'x-scale': 'cqc', description: 'The latest CQC rating' },
        cqcRatingDate: { type: 'string', format: 'date', description: 'Date of the CQC rating' },
        concernsRaised: { type: 'boolean', description: 'Concerns raised since the last visit' },
      },
    },
    decisions: {
      domainRating: {
        label: 'Domain rating',
        scale: 'rating',
        hitPolicy: 'first',
        forEach: 'domain',
        rules: [
          {
            id: 'silver',
            label: 'Silver: at least silverMinFullyMet Fully met',
            priority: 30,
            output: 'Silver',
            when: { all: [{ fact: 'criteriaCount', params: { domain: '$domain', atLeast: 'Fully met' }, operator: 'greaterThanInclusive', value: { param: 'silverMinFullyMet' } }] },
            source: src,
          },
          {
            id: 'bronze',
            label: 'Bronze: no mandatory criterion Not met',
            priority: 20,
            output: 'Bronze',
            when: { all: [{ fact: 'criteriaCount', params: { domain: '$domain', flag: 'mandatory', is: 'Not met' }, operator: 'equal', value: 0 }] },
            source: src,
            interpretation: 'bronze-floor',
          },
        ],
        fallback: { output: 'Inadequate', source: src },
      },
      overall: {
        label: 'Overall rating',
        scale: 'rating',
        hitPolicy: 'first',
        rules: [
          {
            id: 'from-domains',
            label: 'The domain band when no domain is Inadequate',
            output: { fact: 'domainRating.safe' },
            when: { all: [{ fact: 'domainCount', params: { decision: 'domainRating', is: 'Inadequate' }, operator: 'equal', value: 0, label: 'no domain Inadequate' }] },
            source: { doc: '000', section: '3.1' },
          },
        ],
        fallback: { output: 'Inadequate', source: { doc: '000', section: '3.1' } },
      },
    },
    outcomes: {
      headline: 'overall',
      actions: [
        {
          id: 'iap',
          label: 'Submit an Improvement Action Plan',
          owner: 'provider',
          when: { fact: 'overall', operator: 'atMost', value: 'Bronze' },
          due: { days: 7 },
          source: { doc: '000', section: '4.1' },
        },
      ],
      schedule: [
        {
          id: 'annual',
          activity: 'quality-monitoring-visit',
          label: 'Annual quality monitoring visit',
          when: { fact: 'overall', operator: 'atLeast', value: 'Inadequate' },
          every: { months: 12 },
          source: { doc: '000', section: '3.1' },
        },
      ],
    },
    interpretations: {
      'bronze-floor': { title: 'Bronze needs every mandatory criterion at least Partly met', note: 'The guidance is silent on a mandatory criterion Not met; we read it as below Bronze.' },
    },
    cases: [
      {
        id: 'all-fully-met-silver',
        note: 'Every criterion Fully met gives Silver',
        input: { date: '2025-03-01', judgements: { 's-01': 'Fully met', 's-02': 'Fully met', 's-03': 'Fully met' } },
        want: { headline: 'Silver' },
      },
    ],
  };
}
