import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { parseCsv } from '../csv/index.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';

describe.each(testStoreKinds)('providers on $name', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
  });
  afterAll(async () => t?.dispose());

  const count = async () => (await t.call('GET', '/api/councils/testshire/providers', { as: 'testshireViewer' })).body.providers.length;

  it('lets an officer add a provider with size facts and a viewer read it', async () => {
    const created = await t.call('POST', '/api/councils/testshire/providers', {
      as: 'testshireOfficer',
      body: { name: 'Acme Care', cqcLocationId: '1-000000001', serviceType: 'Home Support', size: { weeklyHours: 1500 } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Acme Care', size: { weeklyHours: 1500 }, revision: 1, latest: null });
    const read = await t.call('GET', `/api/councils/testshire/providers/${created.body.id}`, { as: 'testshireViewer' });
    expect(read.body.name).toBe('Acme Care');
    expect(read.headers.get('etag')).toBe('"1"');
  });

  it('refuses a second provider with the same CQC location id with 409', async () => {
    const res = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Copy', cqcLocationId: '1-000000001' } });
    expect(res.status).toBe(409);
    expect(res.body.error.details[0].pointer).toBe('/cqcLocationId');
  });

  it('refuses a schema-invalid provider with 422 and JSON pointers, writing nothing', async () => {
    const before = await count();
    const res = await t.call('POST', '/api/councils/testshire/providers', {
      as: 'testshireOfficer',
      body: { name: '', size: { beds: -1 }, colour: 'blue' },
    });
    expect(res.status).toBe(422);
    const pointers = res.body.error.details.map((d: { pointer: string }) => d.pointer).sort();
    expect(pointers).toEqual(['/colour', '/name', '/size/beds']);
    expect(await count()).toBe(before);
  });

  it('updates with optimistic concurrency: a stale If-Match is a 409', async () => {
    const created = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Beta Homes' } });
    const id = created.body.id;
    const ok = await t.call('PUT', `/api/councils/testshire/providers/${id}`, { as: 'testshireOfficer', body: { name: 'Beta Homes Ltd' }, headers: { 'if-match': '"1"' } });
    expect(ok.status).toBe(200);
    expect(ok.body.revision).toBe(2);
    const stale = await t.call('PUT', `/api/councils/testshire/providers/${id}`, { as: 'testshireOfficer', body: { name: 'Lost' }, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(409);
    const del = await t.call('DELETE', `/api/councils/testshire/providers/${id}`, { as: 'testshireAdmin' });
    expect(del.status).toBe(204);
    expect((await t.call('GET', `/api/councils/testshire/providers/${id}`, { as: 'testshireViewer' })).status).toBe(404);
  });

  it("does not find another council's provider through this council's URL", async () => {
    const other = await t.call('POST', '/api/councils/otherton/providers', { as: 'othertonOfficer', body: { name: 'Elsewhere Care' } });
    expect(other.status).toBe(201);
    const res = await t.call('GET', `/api/councils/testshire/providers/${other.body.id}`, { as: 'testshireAdmin' });
    expect(res.status).toBe(404);
  });

  it('imports good CSV rows with a column mapping and reports bad rows by line (onExisting "reject")', async () => {
    const before = await count();
    const csv = [
      'Location name,Location ID,Type,Beds',
      'Cedar House,1-100,Residential,40',
      ',1-101,Residential,12',
      'Elm Lodge,1-102,Nursing,lots',
      '"Oak, the Court",1-103,Residential,30',
      'Duplicate Acme,1-000000001,Home Support,',
    ].join('\n');
    const res = await t.call('POST', '/api/councils/testshire/providers/import', {
      as: 'testshireAdmin',
      body: { csv, mapping: { name: 'Location name', cqcLocationId: 'Location ID', serviceType: 'Type', 'size.beds': 'Beds' }, onExisting: 'reject' },
    });
    expect(res.status).toBe(201);
    expect(res.body.imported).toBe(2);
    expect(res.body).toMatchObject({ updated: 0, unchanged: 0, rejected: 3, onExisting: 'reject' });
    expect(res.body.errors.map((e: { row: number }) => e.row)).toEqual([3, 4, 6]);
    expect(res.body.errors[2]).toMatchObject({ pointer: '/cqcLocationId', message: expect.stringMatching(/already exists/) });
    expect(await count()).toBe(before + 2);
    const oak = (await t.call('GET', '/api/councils/testshire/providers?q=oak', { as: 'testshireViewer' })).body.providers;
    expect(oak).toHaveLength(1);
    expect(oak[0]).toMatchObject({ name: 'Oak, the Court', size: { beds: 30 } });
  });

  it('imports a text/csv body whose headers are the field names', async () => {
    const res = await t.app.request('/api/councils/testshire/providers/import', {
      method: 'POST',
      headers: { authorization: `Bearer ${t.tokens.testshireAdmin}`, 'content-type': 'text/csv' },
      body: 'name,cqcLocationId,size.beds\nPine View,1-300,22\n',
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { imported: number };
    expect(body.imported).toBe(1);
    const pine = (await t.call('GET', '/api/councils/testshire/providers?q=1-300', { as: 'testshireViewer' })).body.providers;
    expect(pine[0]).toMatchObject({ name: 'Pine View', size: { beds: 22 } });
  });

  it('imports nothing in strict mode when any row is bad', async () => {
    const before = await count();
    const csv = 'name,cqcLocationId\nGood One,1-200\n,1-201\n';
    const res = await t.call('POST', '/api/councils/testshire/providers/import', { as: 'testshireAdmin', body: { csv, strict: true } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('import-refused');
    expect(res.body.error.details[0].row).toBe(3);
    expect(await count()).toBe(before);
  });

  it('reports a mapping that names a missing column', async () => {
    const res = await t.call('POST', '/api/councils/testshire/providers/import', {
      as: 'testshireAdmin',
      body: { csv: 'a,b\n1,2\n', mapping: { name: 'Provider' } },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].pointer).toBe('/mapping/name');
  });

  it('exports the providers as CSV that reads back', async () => {
    const res = await t.call('GET', '/api/councils/testshire/providers/export', { as: 'testshireViewer' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parseCsv(res.text);
    expect(rows[0]!.fields.slice(0, 4)).toEqual(['id', 'name', 'cqcLocationId', 'serviceType']);
    expect(rows.length - 1).toBe(await count());
    expect(rows.some((r) => r.fields[1] === 'Oak, the Court')).toBe(true);
  });
});
