import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { Persona, TestApp } from '../app.test-helpers.js';
import { contentHash } from '../audit/content-hash.js';
import { tableFingerprint } from '../store/fingerprint.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import type { Provider } from './provider-record.js';

/** The mapping of a spreadsheet laid out like the CQC's care directory. */
const CQC_MAPPING = { name: 'Location Name', cqcLocationId: 'Location ID', serviceType: 'Service', 'size.beds': 'Beds' };

describe.each(testStoreKinds)('provider re-import on $name', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
  });
  afterAll(async () => t?.dispose());

  const importCsv = (body: Record<string, unknown>, as: Persona = 'testshireAdmin', council = 'testshire') =>
    t.call('POST', `/api/councils/${council}/providers/import`, { as, body });
  const importText = (csv: string, query = '') =>
    t.app.request(`/api/councils/testshire/providers/import${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.tokens.testshireAdmin}`, 'content-type': 'text/csv' },
      body: csv,
    });
  const providers = async (council = 'testshire'): Promise<Provider[]> =>
    (await t.call('GET', `/api/councils/${council}/providers`, { as: council === 'testshire' ? 'testshireViewer' : 'othertonOfficer' })).body.providers;
  const byCqc = async (cqc: string, council = 'testshire'): Promise<Provider | undefined> =>
    (await providers(council)).find((p) => p.cqcLocationId === cqc);
  const auditEntries = async () => (await t.call('GET', '/api/councils/testshire/audit', { as: 'testshireAdmin' })).body.entries;

  it('updates existing providers by CQC location id, inserts new ones, and reports every row', async () => {
    const first = await importCsv({
      csv: [
        'name,cqcLocationId,serviceType,size.beds,size.serviceUsers',
        'Birch Court,2-001,Residential,30,28',
        'Ash Lodge,2-002,Nursing,20,',
        'Hazel Home Care,2-003,Home Support,,50',
      ].join('\n'),
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ imported: 3, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    const birchBefore = (await byCqc('2-001'))!;
    const hazelBefore = (await byCqc('2-003'))!;
    expect(birchBefore).toMatchObject({ name: 'Birch Court', revision: 1, size: { beds: 30, serviceUsers: 28 } });
    const before = (await providers()).length;
    // Waits for the store's clock to pass the first write's time (a condition, not a fixed sleep).
    await expect
      .poll(async () => Date.parse((await t.db.query<{ at: Date }>('SELECT clock_timestamp() AS at'))[0]!.at.toISOString()), { interval: 1, timeout: 60_000 })
      .toBeGreaterThan(Date.parse(birchBefore.updatedAt));

    const res = await importCsv({
      csv: [
        'Location Name,Location ID,Service,Beds',
        'Birch Court Care Home,2-001,Residential,32',
        'Ash Lodge,2-002,Residential,20',
        'Hazel Home Care,2-003,Home Support,',
        'Willow Bank,2-004,Residential,12',
        'Rowan House,,Residential,8',
      ].join('\n'),
      mapping: CQC_MAPPING,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ imported: 2, updated: 2, unchanged: 1, rejected: 0, errors: [], strict: false, onExisting: 'update' });
    expect(res.body.rows).toEqual([
      { row: 2, outcome: 'updated', id: birchBefore.id, cqcLocationId: '2-001', revision: 2, changed: ['name', 'size.beds'] },
      { row: 3, outcome: 'updated', id: expect.any(String), cqcLocationId: '2-002', revision: 2, changed: ['serviceType'] },
      { row: 4, outcome: 'unchanged', id: hazelBefore.id, cqcLocationId: '2-003', revision: 1 },
      { row: 5, outcome: 'inserted', id: res.body.ids[0], cqcLocationId: '2-004', revision: 1 },
      { row: 6, outcome: 'inserted', id: res.body.ids[1], revision: 1 },
    ]);
    expect(res.body.updatedIds).toEqual([birchBefore.id, res.body.rows[1].id]);
    expect((await providers()).length).toBe(before + 2);

    // Mapped cells replace the stored values; a size fact the file does not map is kept.
    const birch = (await byCqc('2-001'))!;
    expect(birch).toMatchObject({ id: birchBefore.id, name: 'Birch Court Care Home', serviceType: 'Residential', size: { beds: 32, serviceUsers: 28 }, revision: 2 });
    expect(Date.parse(birch.updatedAt)).toBeGreaterThan(Date.parse(birchBefore.updatedAt));
    expect(await byCqc('2-002')).toMatchObject({ name: 'Ash Lodge', serviceType: 'Residential', size: { beds: 20 }, revision: 2 });
    // A blank cell keeps the stored value: nothing changed, so no new revision.
    const hazel = (await byCqc('2-003'))!;
    expect(hazel).toMatchObject({ serviceType: 'Home Support', size: { serviceUsers: 50 }, revision: 1, updatedAt: hazelBefore.updatedAt });
    expect(await byCqc('2-004')).toMatchObject({ name: 'Willow Bank', size: { beds: 12 }, revision: 1 });
    expect((await providers()).filter((p) => p.name === 'Rowan House')).toHaveLength(1);

    const [entry] = await auditEntries();
    expect(entry).toMatchObject({ action: 'provider-import', entity: 'provider' });
    expect(entry.detail).toMatchObject({
      imported: 2,
      updated: 2,
      unchanged: 1,
      rejected: 0,
      insertedIds: res.body.ids,
      updatedIds: res.body.updatedIds,
      strict: false,
      onExisting: 'update',
    });
    expect(entry.detail.updates[0]).toEqual({
      id: birchBefore.id,
      beforeHash: contentHash({ name: 'Birch Court', cqcLocationId: '2-001', serviceType: 'Residential', size: { beds: 30, serviceUsers: 28 }, facts: {} }),
      afterHash: contentHash({ name: 'Birch Court Care Home', cqcLocationId: '2-001', serviceType: 'Residential', size: { beds: 32, serviceUsers: 28 }, facts: {} }),
    });
    expect(entry.beforeHash).toMatch(/^sha256:/);
    expect(entry.afterHash).toMatch(/^sha256:/);
  });

  it('reports an identical re-import as unchanged without bumping any revision', async () => {
    const revisions = new Map((await providers()).map((p) => [p.id, p.revision]));
    const res = await importCsv({
      csv: ['Location Name,Location ID,Service,Beds', 'Birch Court Care Home,2-001,Residential,32', 'Willow Bank,2-004,Residential,12'].join('\n'),
      mapping: CQC_MAPPING,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 0, updated: 0, unchanged: 2, rejected: 0, ids: [], updatedIds: [] });
    expect(res.body.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(new Map((await providers()).map((p) => [p.id, p.revision]))).toEqual(revisions);
  });

  it('reports a CQC location id given twice in the file as a bad row naming both lines', async () => {
    const res = await importCsv({
      csv: [
        'name,cqcLocationId',
        'Birch Court Care Home,2-001',
        'Birch Court Duplicate,2-001',
        'Elder Place,2-010',
        'Elder Place Again,2-010',
        'Birch Court Triplicate,2-001',
      ].join('\n'),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ imported: 1, updated: 0, unchanged: 1, rejected: 3 });
    expect(res.body.errors).toEqual([
      { row: 3, pointer: '/cqcLocationId', message: expect.stringMatching(/2-001 is also on line 2/) },
      { row: 5, pointer: '/cqcLocationId', message: expect.stringMatching(/2-010 is also on line 4/) },
      { row: 6, pointer: '/cqcLocationId', message: expect.stringMatching(/2-001 is also on line 2/) },
    ]);
    expect(res.body.rows.map((r: { row: number; outcome: string }) => `${r.row}:${r.outcome}`)).toEqual([
      '2:unchanged',
      '3:rejected',
      '4:inserted',
      '5:rejected',
      '6:rejected',
    ]);
    expect(res.body.rows[1].cqcLocationId).toBe('2-001');
    expect(await byCqc('2-001')).toMatchObject({ name: 'Birch Court Care Home', revision: 2 });
    expect(await byCqc('2-010')).toMatchObject({ name: 'Elder Place' });
  });

  it('writes nothing in strict mode when any row is bad: no insert, no update, no audit entry', async () => {
    const count = (await providers()).length;
    const audits = (await auditEntries()).length;
    const csv = ['name,cqcLocationId,serviceType', 'Birch Renamed,2-001,Nursing', 'Brand New,2-020,Residential', ',2-021,Residential'].join('\n');
    const res = await importCsv({ csv, strict: true });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('import-refused');
    expect(res.body.error.details.map((d: { row: number }) => d.row)).toEqual([4]);
    expect(await byCqc('2-001')).toMatchObject({ name: 'Birch Court Care Home', serviceType: 'Residential', revision: 2 });
    expect(await byCqc('2-020')).toBeUndefined();
    expect((await providers()).length).toBe(count);
    expect((await auditEntries()).length).toBe(audits);

    const dup = await importCsv({ csv: 'name,cqcLocationId\nBirch Renamed,2-001\nBirch Again,2-001\n', strict: true });
    expect(dup.status).toBe(422);
    expect(dup.body.error.details).toEqual([{ row: 3, pointer: '/cqcLocationId', message: expect.stringMatching(/also on line 2/) }]);
    expect(await byCqc('2-001')).toMatchObject({ name: 'Birch Court Care Home', revision: 2 });

    const text = await importText('name,cqcLocationId\nBirch Renamed,2-001\nNew One,2-022\n,2-023\n', '?strict=true');
    expect(text.status).toBe(422);
    expect(await byCqc('2-001')).toMatchObject({ name: 'Birch Court Care Home', revision: 2 });
    expect(await byCqc('2-022')).toBeUndefined();
  });

  it("inserts a CQC location id another council has, leaving that council's provider alone", async () => {
    const other = await t.call('POST', '/api/councils/otherton/providers', {
      as: 'othertonOfficer',
      body: { name: 'Otherton Place', cqcLocationId: '2-100', serviceType: 'Nursing', size: { beds: 10 } },
    });
    expect(other.status).toBe(201);
    const res = await importCsv({ csv: 'name,cqcLocationId,serviceType,size.beds\nTestshire Place,2-100,Residential,60\n' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ imported: 1, updated: 0, unchanged: 0, rejected: 0 });
    expect(res.body.ids[0]).not.toBe(other.body.id);
    expect(await byCqc('2-100')).toMatchObject({ id: res.body.ids[0], councilId: 'testshire', name: 'Testshire Place', size: { beds: 60 }, revision: 1 });
    expect(await byCqc('2-100', 'otherton')).toMatchObject({ id: other.body.id, name: 'Otherton Place', serviceType: 'Nursing', size: { beds: 10 }, revision: 1 });

    // And the other way round: Otherton's re-import updates Otherton's provider only.
    const back = await importCsv({ csv: 'name,cqcLocationId\nOtherton Place Ltd,2-100\n' }, 'othertonAdmin', 'otherton');
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ imported: 0, updated: 1, updatedIds: [other.body.id] });
    expect(await byCqc('2-100', 'otherton')).toMatchObject({ name: 'Otherton Place Ltd', revision: 2 });
    expect(await byCqc('2-100')).toMatchObject({ name: 'Testshire Place', revision: 1 });
  });

  it('updates from a text/csv body by default and keeps the old behaviour with onExisting=reject', async () => {
    const updated = await importText('name,cqcLocationId,size.beds\nWillow Bank,2-004,14\n');
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ imported: 0, updated: 1, rows: [{ row: 2, outcome: 'updated', changed: ['size.beds'], revision: 2 }] });
    expect(await byCqc('2-004')).toMatchObject({ size: { beds: 14 }, revision: 2 });

    const rejected = await importText('name,cqcLocationId,size.beds\nWillow Bank,2-004,16\nLarch Row,2-030,5\n', '?onExisting=reject');
    expect(rejected.status).toBe(201);
    const report = (await rejected.json()) as { imported: number; updated: number; rejected: number; errors: { row: number; message: string }[]; onExisting: string };
    expect(report).toMatchObject({ imported: 1, updated: 0, rejected: 1, onExisting: 'reject' });
    expect(report.errors).toEqual([{ row: 2, pointer: '/cqcLocationId', message: 'a provider with CQC location id 2-004 already exists' }]);
    expect(await byCqc('2-004')).toMatchObject({ size: { beds: 14 }, revision: 2 });

    const strictReject = await importCsv({ csv: 'name,cqcLocationId\nWillow Bank,2-004\nSpruce Hill,2-031\n', strict: true, onExisting: 'reject' });
    expect(strictReject.status).toBe(422);
    expect(strictReject.body.error.details).toEqual([{ row: 2, pointer: '/cqcLocationId', message: expect.stringMatching(/already exists/) }]);
    expect(await byCqc('2-031')).toBeUndefined();
  });

  it('validates onExisting in the JSON body and in the query', async () => {
    const body = await importCsv({ csv: 'name\nX\n', onExisting: 'merge' });
    expect(body.status).toBe(422);
    expect(body.body.error.code).toBe('invalid-body');
    expect(body.body.error.details[0].pointer).toBe('/onExisting');

    const query = await importText('name\nX\n', '?onExisting=merge');
    expect(query.status).toBe(422);
    const error = ((await query.json()) as { error: { code: string; details: { pointer: string }[] } }).error;
    expect(error.code).toBe('invalid-query');
    expect(error.details[0]!.pointer).toBe('/onExisting');
    expect((await providers()).some((p) => p.name === 'X')).toBe(false);
  });
});

describe.each(testStoreKinds)('CSV that a spreadsheet or the store would misread, on $name', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
  });
  afterAll(async () => t?.dispose());

  const send = (body: string | Uint8Array) =>
    t.app.request('/api/councils/testshire/providers/import', {
      method: 'POST',
      headers: { authorization: `Bearer ${t.tokens.testshireAdmin}`, 'content-type': 'text/csv' },
      body,
    });
  const exported = async () =>
    (await t.app.request('/api/councils/testshire/providers/export', { headers: { authorization: `Bearer ${t.tokens.testshireViewer}` } })).text();

  it("imports a formula-like name as sent with a warning naming line and column, and exports it behind a leading '", async () => {
    const res = await send('name,cqcLocationId\r\n"=cmd|\' /C calc\'!A0",9-001\r\nPlain House,9-002\r\n@SUM(A1),9-003\r\n');
    expect(res.status).toBe(201);
    const report = (await res.json()) as { imported: number; warnings: unknown[] };
    expect(report.imported).toBe(3);
    expect(report.warnings).toEqual([
      { row: 2, csvColumn: 'name', pointer: '/name', message: expect.stringContaining('starts like a spreadsheet formula') },
      { row: 4, csvColumn: 'name', pointer: '/name', message: expect.stringContaining('starts like a spreadsheet formula') },
    ]);
    const [stored] = await t.db.query<{ name: string }>("SELECT name FROM providers WHERE cqc_location_id = '9-001'");
    expect(stored?.name).toBe("=cmd|' /C calc'!A0");
    const csv = await exported();
    expect(csv).toContain(`,"'=cmd|' /C calc'!A0",9-001,`);
    expect(csv).toContain(`,"'@SUM(A1)",9-003,`);
    expect(csv).toContain(',Plain House,9-002,');
  });

  it('re-imports its own export unchanged: the guard quote is read back off, with a warning', async () => {
    const before = await tableFingerprint(t.db);
    const res = await send(await exported());
    expect(res.status).toBe(200);
    const report = (await res.json()) as { unchanged: number; updated: number; warnings: { row: number; message: string }[] };
    expect([report.updated, report.unchanged]).toEqual([0, 3]);
    expect(report.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('read as "=cmd|\' /C calc\'!A0"'),
      expect.stringContaining('read as "@SUM(A1)"'),
    ]);
    // The import itself is audited; the providers are untouched.
    expect((await tableFingerprint(t.db)).providers).toBe(before.providers);
  });

  it('refuses a NUL in a CSV cell with 422 naming the line and column, and writes nothing', async () => {
    const before = await tableFingerprint(t.db);
    const res = await send('name,cqcLocationId\r\nFine,9-101\r\nBad\u0000Name,9-102\r\n');
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; details: unknown[] } };
    expect(body.error.code).toBe('invalid-csv');
    expect(body.error.details).toEqual([{ row: 3, line: 3, csvColumn: 'name', message: expect.stringContaining('NUL') }]);
    expect(await tableFingerprint(t.db)).toEqual(before);
  });

  it('refuses a CSV body that is not UTF-8 with 400 naming the byte offset, and writes nothing', async () => {
    const before = await tableFingerprint(t.db);
    const head = new TextEncoder().encode('name,cqcLocationId\r\nCaf');
    const res = await send(new Uint8Array([...head, 0xe9, ...new TextEncoder().encode(',9-201\r\n')]));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: unknown[] } };
    expect(body.error).toMatchObject({ code: 'invalid-utf8', details: [{ offset: head.length }] });
    expect(await tableFingerprint(t.db)).toEqual(before);
  });

  it('refuses a lone surrogate in a CSV sent inside JSON with 422 and the pointer /csv', async () => {
    const before = await tableFingerprint(t.db);
    const res = await t.call('POST', '/api/councils/testshire/providers/import', {
      as: 'testshireAdmin',
      raw: '{"csv": "name\\nOdd \\ud800 House\\n"}',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].pointer).toBe('/csv');
    expect(await tableFingerprint(t.db)).toEqual(before);
  });
});
