import { describe, expect, it } from 'vitest';
import type { Determination } from '../../engine/index.js';
import type { QueueContext } from '../queue-item.js';
import { decisionsWaiting } from './decisions.js';

// A determination whose overall rating is the team manager's decision, within 10 working days of 4 January 2027.
const determination = {
  headline: { decision: 'overallRating', value: 'Silver' },
  actions: [],
  schedule: [],
  proposals: [{ decision: 'overallRating', proposed: 'Silver', role: 'team-manager', roleLabel: 'the team manager', due: '2027-01-18', source: 'Testshire 2', meanwhile: 'proposed' }],
} as unknown as Determination;

const context = (today: string, until: string): QueueContext => ({
  db: undefined as never,
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
  it("is the named role's item, due when the pack says", () => {
    expect(decisionsWaiting.items(context('2027-01-10', '2027-02-09'))).toEqual([
      { kind: 'decision', providerId: 'p1', name: 'Acme Care', id: 'overallRating', label: 'Decide overallRating (proposed: Silver)', owner: 'team-manager', ownerLabel: 'the team manager', due: '2027-01-18', overdue: false, source: 'Testshire 2', assessmentId: 'a1' },
    ]);
  });

  it('is overdue after its date and left out when due after the window', () => {
    expect((decisionsWaiting.items(context('2027-01-19', '2027-02-18')) as { overdue: boolean }[])[0]!.overdue).toBe(true);
    expect(decisionsWaiting.items(context('2027-01-05', '2027-01-10'))).toEqual([]);
  });
});
