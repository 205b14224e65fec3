import { describe, expect, it } from 'vitest';
import type { Determination, Pack } from '../../engine/index.js';
import type { QueueContext } from '../queue-item.js';
import { decisionsWaiting } from './decisions.js';

// A determination whose overall rating is the team manager's decision, within 10 working days of 4 January 2027.
const determination = {
  pack: { id: 'testshire', version: '2.0.0', hash: 'sha256:x' },
  headline: { decision: 'overallRating', value: 'Silver' },
  actions: [],
  schedule: [],
  proposals: [{ decision: 'overallRating', proposed: 'Silver', role: 'team-manager', roleLabel: 'the team manager', due: '2027-01-18', source: 'Testshire 2', meanwhile: 'proposed' }],
} as unknown as Determination;

// The store holds version 2.0.0 of the pack, whose words the queue reads.
const pack = { decisions: { overallRating: { label: 'Overall rating' } } } as unknown as Pack;
const versionRow = { id: 'v2', council_id: 'testshire', seq: 2, version: '2.0.0', hash: 'sha256:x', author: null, note: '', published_at: new Date(0), effective_from: '2027-01-01', based_on: null, acknowledged: [], w_reason: null, w_by: null, w_at: null, w_replaced_by: null, content: pack };
const reads: unknown[][] = [];
const db = { query: async (_sql: string, params: unknown[]) => { reads.push(params); return params[1] === '2.0.0' ? [versionRow] : []; } };

const context = (today: string, until: string): QueueContext => ({
  db: db as unknown as QueueContext['db'],
  councilId: 'testshire',
  assignments: new Map(),
  standings: [
    { providerId: 'p1', name: 'Acme Care', assessmentId: 'a1', assessmentDate: '2027-01-04', determination },
    { providerId: 'p2', name: 'Never Assessed', assessmentId: null, assessmentDate: null, determination: null },
  ],
  actions: [],
  today,
  until,
});

describe('human decisions waiting', () => {
  it("is the named role's item, due when the pack says, labelled in the pack's words", async () => {
    reads.length = 0;
    expect(await decisionsWaiting.items(context('2027-01-10', '2027-02-09'))).toEqual([
      { kind: 'decision', providerId: 'p1', name: 'Acme Care', id: 'overallRating', label: 'Overall rating: proposed Silver, to be decided by the team manager, by 18 January 2027', owner: 'team-manager', ownerLabel: 'the team manager', due: '2027-01-18', overdue: false, source: 'Testshire 2', assessmentId: 'a1' },
    ]);
    // The pack version is read once, for the one determination awaiting a decision.
    expect(reads).toEqual([['testshire', '2.0.0']]);
  });

  it('is overdue after its date and left out when due after the window', async () => {
    expect((await decisionsWaiting.items(context('2027-01-19', '2027-02-18')))[0]!.overdue).toBe(true);
    expect(await decisionsWaiting.items(context('2027-01-05', '2027-01-10'))).toEqual([]);
  });
});
