import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';

type Item = { kind: string; name: string; id: string; due: string; overdue: boolean; owner?: string };
const rows = (items: Item[]) => items.map((i) => [i.kind, i.name, i.due, i.overdue]);

describe.each(testStoreKinds)('the work queue on $name', (kind) => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await makeTestApp(kind);
    const assess = async (name: string, date: string, fully: number) => {
      const p = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name } });
      ids[name] = p.body.id;
      await t.call('POST', '/api/councils/testshire/assessments', {
        as: 'testshireOfficer',
        body: { providerId: p.body.id, date, judgements: judgements(fully), facts: { concerns: false } },
      });
    };
    await assess('Bronze Early', '2025-01-01', 1); // plan due 2025-01-08, visit due 2026-01-01
    await assess('Bronze Late', '2025-06-01', 1); // plan due 2025-06-08, visit due 2026-06-01
    await assess('Gold Star', '2025-01-15', 4); // visit due 2027-01-15
  });
  afterAll(async () => t?.dispose());

  const queue = async (query: string) => t.call('GET', `/api/councils/testshire/work-queue?${query}`, { as: 'testshireViewer' });

  it('lists what is overdue first, then what is due in the window', async () => {
    const res = await queue('today=2025-12-15&days=30');
    expect(res.status).toBe(200);
    expect(rows(res.body.items)).toEqual([
      ['action', 'Bronze Early', '2025-01-08', true],
      ['action', 'Bronze Late', '2025-06-08', true],
      ['visit', 'Bronze Early', '2026-01-01', false],
    ]);
    expect(res.body.counts).toMatchObject({ action: { due: 0, overdue: 2 }, visit: { due: 1, overdue: 0 } });
  });

  it('filters by kind, owner, provider and overdue', async () => {
    expect(rows((await queue('today=2025-12-15&days=30&kind=visit')).body.items)).toEqual([['visit', 'Bronze Early', '2026-01-01', false]]);
    expect((await queue('today=2025-12-15&days=30&owner=provider')).body.items.map((i: Item) => i.kind)).toEqual(['action', 'action']);
    expect(rows((await queue(`today=2025-12-15&days=30&providerId=${ids['Bronze Late']}`)).body.items)).toEqual([['action', 'Bronze Late', '2025-06-08', true]]);
    expect((await queue('today=2025-12-15&days=30&overdue=true')).body.items.every((i: Item) => i.overdue)).toBe(true);
    expect(rows((await queue('today=2026-12-20&days=30&kind=visit')).body.items)).toEqual([
      ['visit', 'Bronze Early', '2026-01-01', true],
      ['visit', 'Bronze Late', '2026-06-01', true],
      ['visit', 'Gold Star', '2027-01-15', false],
    ]);
  });

  it('refuses unknown kinds and bad windows with 422 and pointers', async () => {
    const res = await queue('kind=visits&days=x');
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { pointer: string }) => d.pointer).sort()).toEqual(['/days', '/kind']);
  });

  it('exports visits and deadlines as an iCalendar', async () => {
    const res = await t.call('GET', '/api/councils/testshire/work-queue.ics?today=2025-12-15&days=30', { as: 'testshireViewer' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const lines = res.text.replace(/\r\n /g, '').split('\r\n');
    expect(lines.filter((l) => l.startsWith('DTSTART'))).toEqual(['DTSTART;VALUE=DATE:20250108', 'DTSTART;VALUE=DATE:20250608', 'DTSTART;VALUE=DATE:20260101']);
    expect(lines).toContain('SUMMARY:OVERDUE: Action: Submit an improvement plan — Bronze Early');
    expect(lines).toContain('SUMMARY:Visit: Annual visit — Bronze Early');
    expect((await t.call('GET', '/api/councils/testshire/work-queue.ics', {})).status).toBe(401);
  });

  it('drops an action once its completion is recorded', async () => {
    const done = await t.call('POST', '/api/councils/testshire/actions/complete', {
      as: 'testshireOfficer',
      body: { providerId: ids['Bronze Early'], actionId: 'improvement-plan', completedOn: '2025-01-07' },
    });
    expect(done.status).toBe(201);
    expect(rows((await queue('today=2025-12-15&days=30&kind=action')).body.items)).toEqual([['action', 'Bronze Late', '2025-06-08', true]]);
  });

  it('lists visit records left in draft, due on their visit date and overdue after it', async () => {
    const started = await t.call('POST', '/api/councils/testshire/visits', { as: 'testshireOfficer', body: { providerId: ids['Gold Star'], date: '2025-12-10' } });
    expect(started.status).toBe(201);
    const drafts = (await queue('today=2025-12-15&days=30&kind=draft')).body;
    expect(rows(drafts.items)).toEqual([['draft', 'Gold Star', '2025-12-10', true]]);
    expect(drafts.items[0]).toMatchObject({ visitId: started.body.id, officerId: t.userIds.testshireOfficer });
    expect(drafts.counts.draft).toEqual({ due: 0, overdue: 1, undated: 0 });
    // On the visit day it is due, not overdue; once submitted it leaves the queue.
    expect(rows((await queue('today=2025-12-10&days=30&kind=draft')).body.items)).toEqual([['draft', 'Gold Star', '2025-12-10', false]]);
    const ics = await t.call('GET', '/api/councils/testshire/work-queue.ics?today=2025-12-15&days=30&kind=draft', { as: 'testshireViewer' });
    expect(ics.text.replace(/\r\n /g, '')).toContain('SUMMARY:OVERDUE: Draft not submitted: Visit record of 10 December 2025 not submitted — Gold Star');
    await t.call('PUT', `/api/councils/testshire/visits/${started.body.id}/draft`, {
      as: 'testshireOfficer', headers: { 'if-match': '"1"' }, body: { date: '2025-12-10', judgements: judgements(4), facts: { concerns: false } },
    });
    const submitted = await t.call('POST', `/api/councils/testshire/visits/${started.body.id}/submit`, { as: 'testshireOfficer', headers: { 'if-match': '"2"' } });
    expect(submitted.status, submitted.text).toBe(200);
    expect((await queue('today=2025-12-15&days=30&kind=draft')).body.items).toEqual([]);
  });

  it("assigns a provider to an officer: its items are in that officer's queue (mine=true), not in others'", async () => {
    const officer = t.userIds.testshireOfficer;
    const assigned = await t.call('PUT', `/api/councils/testshire/providers/${ids['Bronze Late']}/officer/${officer}`, { as: 'testshireAdmin' });
    expect(assigned.status, assigned.text).toBe(200);
    expect(assigned.body).toMatchObject({ providerId: ids['Bronze Late'], officerId: officer });
    // Anyone in the council reads who it is assigned to.
    const read = await t.call('GET', `/api/councils/testshire/providers/${ids['Bronze Late']}/officer`, { as: 'testshireViewer' });
    expect(read.body.assignment).toMatchObject({ providerId: ids['Bronze Late'], officerId: officer, assignedBy: t.userIds.testshireAdmin });
    const mine = await t.call('GET', '/api/councils/testshire/work-queue?today=2025-12-15&days=30&mine=true', { as: 'testshireOfficer' });
    expect(rows(mine.body.items)).toEqual([['action', 'Bronze Late', '2025-06-08', true]]);
    expect(mine.body.items[0].officerId).toBe(officer);
    // The council's queue still has everything; another person's "mine" has none of it.
    expect((await queue('today=2025-12-15&days=30')).body.items.length).toBeGreaterThan(1);
    expect((await t.call('GET', '/api/councils/testshire/work-queue?today=2025-12-15&days=30&mine=true', { as: 'testshireAdmin' })).body.items).toEqual([]);
    // Only officers and council admins of this council can be assigned; a viewer is refused, naming the user.
    const refused = await t.call('PUT', `/api/councils/testshire/providers/${ids['Bronze Late']}/officer/${t.userIds.testshireViewer}`, { as: 'testshireAdmin' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0].pointer).toBe('/user');
    const foreign = await t.call('PUT', `/api/councils/testshire/providers/${ids['Bronze Late']}/officer/${t.userIds.othertonOfficer}`, { as: 'testshireAdmin' });
    expect(foreign.status).toBe(422);
    expect((await t.call('PUT', `/api/councils/testshire/providers/${ids['Bronze Late']}/officer/${officer}`, { as: 'testshireOfficer' })).status).toBe(403);
    // Removing it empties the officer's queue; removing it again is 404.
    expect((await t.call('DELETE', `/api/councils/testshire/providers/${ids['Bronze Late']}/officer`, { as: 'testshireAdmin' })).status).toBe(204);
    expect((await t.call('GET', `/api/councils/testshire/providers/${ids['Bronze Late']}/officer`, { as: 'testshireViewer' })).body).toEqual({ assignment: null });
    expect((await t.call('GET', '/api/councils/testshire/work-queue?today=2025-12-15&days=30&mine=true', { as: 'testshireOfficer' })).body.items).toEqual([]);
    expect((await t.call('DELETE', `/api/councils/testshire/providers/${ids['Bronze Late']}/officer`, { as: 'testshireAdmin' })).status).toBe(404);
  });
});
