import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { Persona, TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';
import { EVIDENCE_FILE_MAX_BYTES } from './evidence.js';
import { setVisitStatus } from './visit-status.js';

describe.each(testStoreKinds)('visit records on $name', (kind) => {
  let t: TestApp;
  let providerId: string;
  const base = '/api/councils/testshire/visits';
  beforeAll(async () => {
    t = await makeTestApp(kind);
    providerId = (await t.call('POST', '/api/councils/testshire/providers', {
      as: 'testshireOfficer',
      body: { name: 'Acme Care', serviceType: 'Home Support' },
    })).body.id;
  });
  afterAll(async () => t?.dispose());

  const start = async (as: Persona = 'testshireOfficer') => {
    const res = await t.call('POST', base, { as, body: { providerId, date: '2025-03-01' } });
    expect(res.status).toBe(201);
    return res;
  };
  const save = (id: string, etag: string, body: unknown, as: Persona = 'testshireOfficer') =>
    t.call('PUT', `${base}/${id}/draft`, { as, body, headers: { 'if-match': etag } });
  const auditOf = async (id: string) =>
    (await t.db.query<{ action: string; actor: string }>(`SELECT action, actor FROM audit_log WHERE entity = 'visit' AND entity_id = $1 ORDER BY id`, [id]));

  it('starts a draft with the lifecycle step recorded and audited, facts the pack does not declare left out', async () => {
    const res = await start();
    expect(res.body.status).toBe('draft');
    expect(res.body.revision).toBe(1);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body.draft).toEqual({ date: '2025-03-01', judgements: {}, facts: {} });
    // Testshire's pack has no serviceType input: the provider's service type is not forced on it.
    expect(res.body.prefilled).toEqual({});
    expect(res.body.events).toEqual([{ from: null, to: 'draft', by: t.userIds.testshireOfficer, at: expect.any(String) }]);
    expect(res.body.determinationFinal).toBe(false);
    expect(await auditOf(res.body.id)).toEqual([{ action: 'visit-create', actor: t.userIds.testshireOfficer }]);
  });

  it('saves the draft as the officer goes, resumable with its revision; a stale or missing If-Match changes nothing', async () => {
    const { body: visit } = await start();
    const partial = { date: '2025-03-01', judgements: { c1: 'Fully met' }, facts: {} };
    const saved = await save(visit.id, '"1"', partial);
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe('"2"');
    // Another device resumes it from the server.
    const resumed = await t.call('GET', `${base}/${visit.id}`, { as: 'testshireViewer' });
    expect(resumed.body.draft).toEqual(partial);
    expect(resumed.body.revision).toBe(2);
    const stale = await save(visit.id, '"1"', { ...partial, judgements: { c1: 'Not met' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    const missing = await t.call('PUT', `${base}/${visit.id}/draft`, { as: 'testshireOfficer', body: partial });
    expect(missing.status).toBe(428);
    const bad = await save(visit.id, '"2"', { date: 'tomorrow', judgements: { c1: 3 } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { pointer: string }) => d.pointer).sort()).toEqual(['/date', '/judgements/c1']);
    expect((await t.call('GET', `${base}/${visit.id}`, { as: 'testshireViewer' })).body.draft).toEqual(partial);
    const viewer = await save(visit.id, '"2"', partial, 'testshireViewer');
    expect(viewer.status).toBe(403);
  });

  it('submits: stores the assessment and its determination, not final until a second person signs it off', async () => {
    const { body: visit } = await start();
    await save(visit.id, '"1"', { date: '2025-03-01', judgements: judgements(3), facts: { concerns: false } });
    const submitted = await t.call('POST', `${base}/${visit.id}/submit`, { as: 'testshireOfficer', headers: { 'if-match': '"2"' } });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.determinationFinal).toBe(false);
    const assessment = await t.call('GET', `/api/councils/testshire/assessments/${submitted.body.assessmentId}`, { as: 'testshireViewer' });
    // Three of four Fully met and no concerns: the fixture's Silver.
    expect(assessment.body.determination.headline.value).toBe('Silver');
    expect(assessment.body.input.judgements).toEqual(judgements(3));
    // A submitted record is no longer a draft.
    const late = await save(visit.id, submitted.headers.get('etag')!, { date: '2025-03-01', judgements: judgements(4), facts: { concerns: false } });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('not-a-draft');
    // An officer cannot sign off; the submitter cannot either, even holding the reviewer role.
    expect((await t.call('POST', `${base}/${visit.id}/sign-off`, { as: 'testshireOfficer' })).status).toBe(403);
    const signed = await t.call('POST', `${base}/${visit.id}/sign-off`, { as: 'testshireAdmin' });
    expect(signed.status).toBe(200);
    expect(signed.body.status).toBe('signed-off');
    expect(signed.body.determinationFinal).toBe(true);
    expect(signed.body.events.map((e: { to: string; by: string }) => [e.to, e.by])).toEqual([
      ['draft', t.userIds.testshireOfficer],
      ['submitted', t.userIds.testshireOfficer],
      ['signed-off', t.userIds.testshireAdmin],
    ]);
    expect((await auditOf(visit.id)).map((a) => a.action)).toEqual(['visit-create', 'visit-submitted', 'visit-signed-off']);
    // Signing off twice is not a move the lifecycle allows.
    const again = await t.call('POST', `${base}/${visit.id}/sign-off`, { as: 'testshireAdmin' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid-transition');
  });

  it('keeps the determination of a submitted visit provisional (marked so, counted nowhere) until signed off, then final', async () => {
    const { body: other } = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Provisional Care' } });
    const res = await t.call('POST', base, { as: 'testshireOfficer', body: { providerId: other.id, date: '2025-03-01' } });
    const visit = res.body;
    await save(visit.id, '"1"', { date: '2025-03-01', judgements: judgements(4), facts: { concerns: false } });
    const submitted = await t.call('POST', `${base}/${visit.id}/submit`, { as: 'testshireOfficer', headers: { 'if-match': '"2"' } });
    const assessmentId = submitted.body.assessmentId as string;
    const read = () => t.call('GET', `/api/councils/testshire/assessments/${assessmentId}`, { as: 'testshireViewer' });
    const timeline = async () => (await t.call('GET', `/api/councils/testshire/providers/${other.id}/timeline`, { as: 'testshireViewer' })).body.timeline;
    const provider = async () => (await t.call('GET', `/api/councils/testshire/providers/${other.id}`, { as: 'testshireViewer' })).body;
    const dashboardCount = async (rating: string) => (await t.call('GET', '/api/councils/testshire/dashboard?today=2025-03-02', { as: 'testshireViewer' })).body.byRating[rating] ?? 0;
    const goldBefore = await dashboardCount('Gold');
    expect((await read()).body.provisional).toBe(true);
    expect((await timeline()).map((e: { assessmentId: string; provisional?: boolean }) => [e.assessmentId, e.provisional])).toEqual([[assessmentId, true]]);
    // Not final, so not the provider's rating, and the dashboard counts it as not assessed.
    expect((await provider()).latest ?? null).toBeNull();
    expect(await dashboardCount('Gold')).toBe(goldBefore);

    await t.call('POST', `${base}/${visit.id}/sign-off`, { as: 'testshireAdmin' });
    expect((await read()).body).not.toHaveProperty('provisional');
    expect((await timeline())[0]).not.toHaveProperty('provisional');
    // Four of four Fully met and no concerns: the fixture's Gold, now counted.
    expect((await provider()).latest.rating).toBe('Gold');
    expect(await dashboardCount('Gold')).toBe(goldBefore + 1);
  });

  it('saves the confirmation of the facts from the provider record with the draft: who and when, cleared when one of them changes', async () => {
    const { body: visit } = await start();
    // Testshire's pack declares no fact the provider record knows: this record is given one, as if the pack did.
    await t.db.query(`UPDATE visit_records SET prefilled = '{"concerns": false}' WHERE id = $1`, [visit.id]);
    const confirmed = await save(visit.id, '"1"', { date: '2025-03-01', judgements: {}, facts: { concerns: false }, factsConfirmed: true });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.factsConfirmed).toEqual({ by: t.userIds.testshireOfficer, at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), facts: { concerns: false } });
    // The flag is not part of the draft.
    expect(confirmed.body.draft).toEqual({ date: '2025-03-01', judgements: {}, facts: { concerns: false } });
    // Resumed elsewhere, it is still confirmed; saving without saying keeps it.
    const kept = await save(visit.id, '"2"', { date: '2025-03-01', judgements: { c1: 'Fully met' }, facts: { concerns: false } });
    expect(kept.body.factsConfirmed).toEqual(confirmed.body.factsConfirmed);
    expect((await t.call('GET', `${base}/${visit.id}`, { as: 'testshireViewer' })).body.factsConfirmed).toEqual(confirmed.body.factsConfirmed);
    // Changing a pre-filled fact clears it, even if the client says it is confirmed.
    const changed = await save(visit.id, '"3"', { date: '2025-03-01', judgements: {}, facts: { concerns: true } });
    expect(changed.body.factsConfirmed).toBeNull();
    const unticked = await save(visit.id, '"4"', { date: '2025-03-01', judgements: {}, facts: { concerns: true }, factsConfirmed: true });
    expect(unticked.body.factsConfirmed.facts).toEqual({ concerns: true });
    expect((await save(visit.id, '"5"', { date: '2025-03-01', judgements: {}, facts: { concerns: true }, factsConfirmed: false })).body.factsConfirmed).toBeNull();
    const wrong = await save(visit.id, '"6"', { date: '2025-03-01', judgements: {}, facts: {}, factsConfirmed: 'yes' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details.map((d: { pointer: string }) => d.pointer)).toEqual(['/factsConfirmed']);
  });

  it('refuses to submit while the facts from the provider record are not confirmed (409 naming each fact), storing nothing; confirmed, it submits', async () => {
    const { body: visit } = await start();
    // As if the pack read a fact the provider record knows (see the test above).
    await t.db.query(`UPDATE visit_records SET prefilled = '{"concerns": false}' WHERE id = $1`, [visit.id]);
    await save(visit.id, '"1"', { date: '2025-03-01', judgements: judgements(4), facts: { concerns: false } });
    const count = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM assessments'))[0]!.n;
    const before = await count();
    const refused = await t.call('POST', `${base}/${visit.id}/submit`, { as: 'testshireOfficer', headers: { 'if-match': '"2"' } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('facts-not-confirmed');
    expect(refused.body.error.message).toContain('concerns');
    expect(refused.body.error.details).toEqual([{ pointer: '/facts/concerns', fact: 'concerns', message: 'filled from the provider record (false) and not confirmed by the officer' }]);
    expect(await count()).toBe(before);
    const after = await t.call('GET', `${base}/${visit.id}`, { as: 'testshireViewer' });
    expect([after.body.status, after.body.revision, after.body.assessmentId]).toEqual(['draft', 2, null]);
    // Confirmed (ticked with the draft), the same record submits.
    await save(visit.id, '"2"', { date: '2025-03-01', judgements: judgements(4), facts: { concerns: false }, factsConfirmed: true });
    const submitted = await t.call('POST', `${base}/${visit.id}/submit`, { as: 'testshireOfficer', headers: { 'if-match': '"3"' } });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect(await count()).toBe(before + 1);
  });

  it('refuses sign-off by the person who submitted', async () => {
    const { body: visit } = await start('testshireAdmin');
    await save(visit.id, '"1"', { date: '2025-03-01', judgements: judgements(4), facts: { concerns: false } }, 'testshireAdmin');
    await t.call('POST', `${base}/${visit.id}/submit`, { as: 'testshireAdmin', headers: { 'if-match': '"2"' } });
    const res = await t.call('POST', `${base}/${visit.id}/sign-off`, { as: 'testshireAdmin' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('second-person-required');
    expect((await t.call('GET', `${base}/${visit.id}`, { as: 'testshireViewer' })).body.status).toBe('submitted');
  });

  it('refuses a submission that does not fit the pack with 422 naming the fact, leaving the draft a draft', async () => {
    const { body: visit } = await start();
    await save(visit.id, '"1"', { date: '2025-03-01', judgements: judgements(4), facts: {} });
    const before = (await t.db.query('SELECT count(*)::int AS n FROM assessments'))[0]!.n;
    const res = await t.call('POST', `${base}/${visit.id}/submit`, { as: 'testshireOfficer', headers: { 'if-match': '"2"' } });
    expect(res.status).toBe(422);
    expect(res.body.error.details.some((d: { fact: string }) => d.fact === 'concerns')).toBe(true);
    expect((await t.db.query('SELECT count(*)::int AS n FROM assessments'))[0]!.n).toBe(before);
    const after = await t.call('GET', `${base}/${visit.id}`, { as: 'testshireViewer' });
    expect(after.body.status).toBe('draft');
    expect(after.body.revision).toBe(2);
  });

  it('lets a second person return a submitted record to the officer with a reason, recorded with the step; the officer then resubmits', async () => {
    const { body: visit } = await start();
    await save(visit.id, '"1"', { date: '2025-03-01', judgements: judgements(4), facts: { concerns: false } });
    await t.call('POST', `${base}/${visit.id}/submit`, { as: 'testshireOfficer', headers: { 'if-match': '"2"' } });
    const noReason = await t.call('POST', `${base}/${visit.id}/return`, { as: 'testshireAdmin', body: {} });
    expect(noReason.status).toBe(422);
    expect(JSON.stringify(noReason.body.error)).toContain('reason');
    expect((await t.call('GET', `${base}/${visit.id}`, { as: 'testshireViewer' })).body.status).toBe('submitted');
    const returned = await t.call('POST', `${base}/${visit.id}/return`, { as: 'testshireAdmin', body: { reason: 'Evidence missing for c2' } });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('draft');
    expect(returned.body.events.at(-1)).toEqual({ from: 'submitted', to: 'draft', by: t.userIds.testshireAdmin, at: expect.any(String), reason: 'Evidence missing for c2' });
    expect((await auditOf(visit.id)).at(-1)).toEqual({ action: 'visit-draft', actor: t.userIds.testshireAdmin });
    // Only a submitted record can be returned.
    expect((await t.call('POST', `${base}/${visit.id}/return`, { as: 'testshireAdmin', body: { reason: 'again' } })).status).toBe(409);
    const resubmitted = await t.call('POST', `${base}/${visit.id}/submit`, { as: 'testshireOfficer', headers: { 'if-match': returned.headers.get('etag')! } });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.status).toBe('submitted');
  });

  it('refuses a return by the person who submitted', async () => {
    const { body: visit } = await start('testshireAdmin');
    await save(visit.id, '"1"', { date: '2025-03-01', judgements: judgements(4), facts: { concerns: false } }, 'testshireAdmin');
    await t.call('POST', `${base}/${visit.id}/submit`, { as: 'testshireAdmin', headers: { 'if-match': '"2"' } });
    const res = await t.call('POST', `${base}/${visit.id}/return`, { as: 'testshireAdmin', body: { reason: 'my own' } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('second-person-required');
  });

  it('moves on to shared and final only through the allowed transitions (setVisitStatus)', async () => {
    const { body: visit } = await start();
    await expect(setVisitStatus(t.db, visit.id, 'shared', t.userIds.testshireAdmin)).rejects.toMatchObject({ status: 409, code: 'invalid-transition' });
    await save(visit.id, '"1"', { date: '2025-03-01', judgements: judgements(4), facts: { concerns: false } });
    await t.call('POST', `${base}/${visit.id}/submit`, { as: 'testshireOfficer', headers: { 'if-match': '"2"' } });
    await t.call('POST', `${base}/${visit.id}/sign-off`, { as: 'testshireAdmin' });
    expect(await setVisitStatus(t.db, visit.id, 'shared', t.userIds.testshireAdmin)).toBe('signed-off');
    expect(await setVisitStatus(t.db, visit.id, 'final', t.userIds.testshireAdmin)).toBe('shared');
    await expect(setVisitStatus(t.db, visit.id, 'draft', t.userIds.testshireAdmin)).rejects.toMatchObject({ status: 409 });
    const final = await t.call('GET', `${base}/${visit.id}`, { as: 'testshireViewer' });
    expect(final.body.status).toBe('final');
    expect(final.body.events.map((e: { to: string }) => e.to)).toEqual(['draft', 'submitted', 'signed-off', 'shared', 'final']);
    const listed = await t.call('GET', `${base}?status=final`, { as: 'testshireViewer' });
    expect(listed.body.visits.map((v: { id: string }) => v.id)).toContain(visit.id);
    expect(listed.body.visits.every((v: { status: string }) => v.status === 'final')).toBe(true);
  });

  it('keeps evidence texts and files per criterion, refusing a file too large or of another type without storing anything', async () => {
    const { body: visit } = await start();
    const text = await t.call('POST', `${base}/${visit.id}/evidence`, { as: 'testshireOfficer', body: { target: 'c1', text: 'Care plans seen for 5 of 5 people' } });
    expect(text.status).toBe(201);
    const pdf = Buffer.from('%PDF-1.4 a small evidence file');
    const file = await t.call('POST', `${base}/${visit.id}/evidence`, {
      as: 'testshireOfficer',
      body: { target: 'c2', file: { name: 'training matrix.pdf', mediaType: 'application/pdf', base64: pdf.toString('base64') } },
    });
    expect(file.status).toBe(201);
    expect(file.body.file).toEqual({ name: 'training matrix.pdf', mediaType: 'application/pdf', size: pdf.length });
    const download = await t.app.request(`${base}/${visit.id}/evidence/${file.body.id}`, { headers: { authorization: `Bearer ${t.tokens.testshireViewer}` } });
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);

    const tooLarge = await t.call('POST', `${base}/${visit.id}/evidence`, {
      as: 'testshireOfficer',
      body: { target: 'c2', file: { name: 'big.pdf', mediaType: 'application/pdf', base64: Buffer.alloc(EVIDENCE_FILE_MAX_BYTES + 1).toString('base64') } },
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.message).toContain('big.pdf');
    const wrongType = await t.call('POST', `${base}/${visit.id}/evidence`, {
      as: 'testshireOfficer',
      body: { target: 'c2', file: { name: 'run.exe', mediaType: 'application/x-msdownload', base64: 'TVo=' } },
    });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.error.details[0].pointer).toBe('/file/mediaType');
    const listed = await t.call('GET', `${base}/${visit.id}`, { as: 'testshireViewer' });
    expect(listed.body.evidence.map((e: { target: string; kind: string }) => [e.target, e.kind])).toEqual([['c1', 'text'], ['c2', 'file']]);
  });

  it('keeps councils apart', async () => {
    const { body: visit } = await start();
    expect((await t.call('GET', `${base}/${visit.id}`, { as: 'othertonOfficer' })).status).toBe(403);
    expect((await t.call('GET', `/api/councils/otherton/visits/${visit.id}`, { as: 'othertonOfficer' })).status).toBe(404);
  });
});
