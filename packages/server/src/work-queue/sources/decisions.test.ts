import { describe, expect, it } from 'vitest';
import type { Determination } from '../../engine/index.js';
import type { QueueContext } from '../queue-item.js';
import { decisionsWaiting, ownerOf } from './decisions.js';

// A determination whose overall rating is the team manager's decision, within 10 working days of 4 January 2027.
const determination = {
  pack: { id: 'testshire', version: '1.0.0', hash: 'sha256:t1' },
  headline: { decision: 'overallRating', value: 'Silver' },
  actions: [],
  schedule: [],
  proposals: [{ decision: 'overallRating', proposed: 'Silver', role: 'team-manager', roleLabel: 'the team manager', due: '2027-01-18', source: 'Testshire 2', meanwhile: 'proposed' }],
} as unknown as Determination;

// The stored pack version's words: the decision's label (and no words for a decision it lacks).
const db = {
  query: async (_sql: string, params: unknown[]) => ((params[1] as string[]).includes('sha256:t1')
    ? [{ hash: 'sha256:t1', kind: 'decision', id: 'overallRating', words: 'Overall rating' }, { hash: 'sha256:t1', kind: 'domain', id: 'safe', words: 'Safe' }]
    : []),
} as unknown as QueueContext['db'];

const context = (today: string, until: string): QueueContext => ({
  db,
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
  it("is the named role's item, due when the pack says, named in the pack's words", async () => {
    expect(await decisionsWaiting.items(context('2027-01-10', '2027-02-09'))).toEqual([
      { kind: 'decision', providerId: 'p1', name: 'Acme Care', id: 'overallRating', label: 'Decide Overall rating (proposed: Silver)', owner: 'team-manager', ownerLabel: 'the team manager', due: '2027-01-18', overdue: false, source: 'Testshire 2', assessmentId: 'a1' },
    ]);
  });

  it('is overdue after its date and left out when due after the window', async () => {
    expect((await decisionsWaiting.items(context('2027-01-19', '2027-02-18')))[0]!.overdue).toBe(true);
    expect(await decisionsWaiting.items(context('2027-01-05', '2027-01-10'))).toEqual([]);
  });

  it('has no due date where the pack gives no time: never overdue, listed whatever the window', async () => {
    const { due: _, ...undated } = determination.proposals![0]!;
    const ctx = context('2027-03-01', '2027-03-31');
    ctx.standings[0] = { ...ctx.standings[0]!, determination: { ...determination, proposals: [undated] } as Determination };
    const [item] = await decisionsWaiting.items(ctx);
    expect(item).toMatchObject({ id: 'overallRating', dueWords: 'no date set by the framework', overdue: false });
    expect(item).not.toHaveProperty('due');
  });

  it("asks for a reason missing in the engine's words, of the decision's role, or of the officer who overrode it", async () => {
    const taken = {
      overallRating: { kind: 'override', value: 'Bronze', by: 'a.officer@example.test', at: '2027-01-05', computed: 'Silver', departsWithoutReason: true, roleLabel: 'the officer', source: 'Testshire 2' },
    };
    const ctx = context('2027-01-10', '2027-02-09');
    ctx.standings[0] = { ...ctx.standings[0]!, determination: { ...determination, proposals: [], decidedBy: taken } as unknown as Determination };
    expect(await decisionsWaiting.items(ctx)).toEqual([{
      kind: 'decision', providerId: 'p1', name: 'Acme Care', id: 'overallRating',
      label: 'Give the reason for the override of Overall rating. Overridden to Bronze by a.officer@example.test on 5 January 2027, without a reason. The framework gives Silver.',
      owner: 'a.officer@example.test', ownerLabel: 'the officer who overrode it (a.officer@example.test)', dueWords: 'no date set by the framework', overdue: false, source: 'Testshire 2', assessmentId: 'a1',
    }]);
    expect(ownerOf({ kind: 'decision', role: 'team-manager', roleLabel: 'the team manager', by: 'Team Manager' })).toEqual({ owner: 'team-manager', ownerLabel: 'the team manager' });
    expect(ownerOf({ kind: 'decision', by: 'Team Manager' })).toEqual({});
  });
});
