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
});
