import { expect } from 'vitest';
import type { Pack } from '@openqaf/engine';
import type { TestApp } from '../app.test-helpers.js';

/** The version to publish: its semver, the date it is in force from, the note that says why. */
export interface Publishing { version: string; from: string; note: string }

/**
 * Publishes a testshire version as a council admin would: the draft replaced by `content` (given the
 * draft's own content, to edit or to ignore), saved without errors, then published in force from
 * `from` (a past date confirmed, the analysis's findings acknowledged).
 */
export async function publishTestshire(t: TestApp, content: (draft: Pack) => Pack, v: Publishing): Promise<void> {
  const draft = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
  const saved = await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: content(structuredClone(draft.body.content)), headers: { 'if-match': draft.headers.get('etag')! } });
  expect([saved.status, saved.body.errors]).toEqual([200, []]);
  const published = await t.call('POST', '/api/councils/testshire/draft/publish', { as: 'testshireAdmin', body: { effectiveFrom: v.from, confirmPastDate: true, note: v.note, version: v.version, acknowledgeFindings: true } });
  expect(published.status, JSON.stringify(published.body)).toBe(201);
}

/** What determining an assessment again is expected to show: the versions it moves between and its headline, kept. */
export interface DeterminedAgain { from: string; to: string; headline: string; reason: string }

/**
 * Determines one testshire assessment again under the version now in force, as a council admin would,
 * checking each step: its entry in the list of assessments to determine again (`GET .../redeterminations`:
 * decided under `from`, `to` in force, the headline the same before and after, no error), then
 * `POST .../redeterminations` for it alone, then the assessment read back under `to` with that headline.
 * Returns the assessment as read back.
 */
export async function determineAgain(t: TestApp, assessmentId: string, want: DeterminedAgain) {
  const listing = await t.call('GET', '/api/councils/testshire/redeterminations', { as: 'testshireViewer' });
  const listed = listing.body.assessments.find((a: { assessmentId: string }) => a.assessmentId === assessmentId);
  expect(listed).toMatchObject({ decidedUnder: { version: want.from }, inForce: { version: want.to }, before: want.headline, after: want.headline });
  expect(listed.error).toBeUndefined();
  const done = await t.call('POST', '/api/councils/testshire/redeterminations', { as: 'testshireAdmin', body: { reason: want.reason, assessmentIds: [assessmentId] } });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  const after = await t.call('GET', `/api/councils/testshire/assessments/${assessmentId}`, { as: 'testshireViewer' });
  expect([after.body.packVersion, after.body.determination.headline.value]).toEqual([want.to, want.headline]);
  return after.body;
}
