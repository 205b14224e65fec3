import { expect } from 'vitest';
import type { Persona, TestApp } from '../app.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';

/** What else the officer records on the visit: a note, and evidence texts per criterion. */
export interface VisitExtras {
  note?: string;
  evidence?: { target: string; text: string }[];
}

/** A Testshire visit recorded with `fullyMet` criteria Fully met and submitted by the officer; its ids. */
export async function submittedVisit(t: TestApp, providerId: string, date: string, fullyMet: number, extras: VisitExtras = {}): Promise<{ visitId: string; assessmentId: string }> {
  const { note } = extras;
  const base = '/api/councils/testshire/visits';
  const visit = await t.call('POST', base, { as: 'testshireOfficer', body: { providerId, date } });
  expect(visit.status, JSON.stringify(visit.body)).toBe(201);
  const draft = { date, judgements: judgements(fullyMet), facts: { concerns: false }, ...(note ? { note } : {}) };
  const saved = await t.call('PUT', `${base}/${visit.body.id}/draft`, { as: 'testshireOfficer', body: draft, headers: { 'if-match': '"1"' } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  for (const e of extras.evidence ?? []) {
    const added = await t.call('POST', `${base}/${visit.body.id}/evidence`, { as: 'testshireOfficer', body: e });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
  }
  const submitted = await t.call('POST', `${base}/${visit.body.id}/submit`, { as: 'testshireOfficer', headers: { 'if-match': '"2"' } });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return { visitId: visit.body.id, assessmentId: submitted.body.assessmentId };
}

/** As {@link submittedVisit}, then signed off by a second person (`reviewer`, a council admin). */
export async function signedOffVisit(t: TestApp, providerId: string, date: string, fullyMet: number, extras: VisitExtras = {}, reviewer: Persona = 'testshireAdmin') {
  const ids = await submittedVisit(t, providerId, date, fullyMet, extras);
  const signed = await t.call('POST', `/api/councils/testshire/visits/${ids.visitId}/sign-off`, { as: reviewer });
  expect(signed.status, JSON.stringify(signed.body)).toBe(200);
  return ids;
}
