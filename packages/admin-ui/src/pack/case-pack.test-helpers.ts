import type { Determination, Pack, PackCase } from '@openqaf/engine';
import { testPack } from './test-pack.test-helpers.js';

/**
 * The Testshire pack with more to expect (a score, a `collect` decision) and three worked
 * cases: at the Silver boundary, one short of it, and a refused assessment.
 */
export function casePack(): Pack {
  const pack = testPack();
  pack.scales.visitType = { label: 'Visit type', values: ['Annual', 'Focussed'] };
  pack.decisions.visitTypes = {
    label: 'Visits needed',
    scale: 'visitType',
    hitPolicy: 'collect',
    rules: [
      { id: 'annual', output: 'Annual', when: { fact: 'overall', operator: 'atLeast', value: 'Inadequate' }, source: { doc: '000', section: '3.1' } },
      { id: 'focussed', output: 'Focussed', when: { fact: 'concernsRaised', operator: 'equal', value: true }, source: { doc: '000', section: '3.1' } },
    ],
  };
  pack.outcomes.scores = [{ id: 'qualityScore', label: 'Quality score', value: 50, source: { doc: '000', section: '3.1' } }];
  const cases: PackCase[] = [
    {
      id: 'safe-silver-at-2',
      note: 'Two of three Fully met gives Silver',
      source: { doc: '000', section: '3.2' },
      input: { date: '2025-03-01', judgements: { 's-03': 'Partly met' }, facts: { cqcRating: 'Good' } },
      fillJudgements: 'Fully met',
      want: { decisions: { 'domainRating.safe': 'Silver' } },
    },
    {
      id: 'safe-bronze-at-1',
      note: 'One Fully met gives Bronze',
      input: { date: '2025-03-01', judgements: { 's-01': 'Partly met', 's-02': 'Partly met' } },
      fillJudgements: { '*': 'Fully met' },
      want: { headline: 'Bronze', actions: [{ id: 'iap', due: '2025-03-08' }], schedule: ['annual'], scores: { qualityScore: 50 }, interpretations: [] },
    },
    {
      id: 'refuses-unjudged',
      note: 'Every criterion must be judged',
      input: { date: '2025-03-01' },
      wantError: 'must be judged',
    },
  ];
  pack.cases = cases;
  return pack;
}

/** A determination as the engine would give for the Testshire pack (for showing a last run). */
export function determination(values: { headline: string; decisions?: Record<string, unknown>; actions?: Determination['actions'] }): Determination {
  return {
    pack: { id: 'testshire', version: '1.0.0', hash: 'sha256:0' },
    asOf: '2025-03-01',
    assessmentDate: '2025-03-01',
    headline: { decision: 'overall', value: values.headline, scale: 'rating' },
    decisions: { overall: values.headline, ...(values.decisions ?? {}) },
    actions: values.actions ?? [],
    schedule: [{ id: 'annual', activity: 'quality-monitoring-visit', label: 'Annual quality monitoring visit', everyMonths: 12, nextDue: '2026-03-01', source: '000 s3.1' }],
    scores: { qualityScore: 50 },
    interpretations: [],
  };
}
