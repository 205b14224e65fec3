import { describe, expect, it } from 'vitest';
import { CommitOutcomeUnknown } from '../store/commit-outcome-unknown.js';
import type { Queryable } from '../store/index.js';
import { judgements } from '../test-fixtures/testshire-pack.js';
import { AssessmentWriter } from './assessment-writer.js';
import type { AssessmentToStore } from './store-assessment.js';

const evaluation = (note: string): AssessmentToStore => ({
  councilId: 'testshire',
  providerId: 'provider-1',
  userId: 'user-1',
  input: { date: '2025-03-01', judgements: judgements(3), facts: { concerns: false }, note },
  packVersionId: 'version-1',
  determination: {
    pack: { id: 'testshire', version: '1.0.0', hash: 'sha256:0' },
    asOf: '2025-03-01',
    assessmentDate: '2025-03-01',
    headline: { decision: 'overall', value: 'Silver', scale: 'band' },
    decisions: { overall: 'Silver' },
    actions: [],
    schedule: [],
    scores: {},
    interpretations: [],
  },
});

describe('a shared store statement lost in flight', () => {
  it('fails every evaluation it carried with CommitOutcomeUnknown, without sending them again one by one', async () => {
    const sent: number[] = [];
    const lost = new CommitOutcomeUnknown(new Error('Connection terminated unexpectedly'), 'statement');
    const db: Queryable = {
      async query(_sql, params) {
        sent.push((JSON.parse(String(params![0])) as unknown[]).length);
        throw lost;
      },
      exec: async () => undefined,
    };
    const writer = new AssessmentWriter(db);
    // Written in one turn of the event loop, the two go in one statement.
    const outcomes = await Promise.allSettled([writer.write(evaluation('a')), writer.write(evaluation('b'))]);
    expect(sent).toEqual([2]);
    expect(outcomes).toEqual([
      { status: 'rejected', reason: lost },
      { status: 'rejected', reason: lost },
    ]);
  });
});
