import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import { COUNCIL_PLUGIN_PACKAGES, loadCouncilPlugins } from '../seed/council-plugins.js';
import { seedCouncils } from '../seed/index.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import type { TestStore } from '../store/test-stores.test-helpers.js';

describe.each(testStoreKinds)('provider fields of the real councils through the API on $name', (kind) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  const token = newSecret('qaf_');
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const auditCount = async () => Number((await store.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_log'))[0]!.n);

  beforeAll(async () => {
    const plugins = await loadCouncilPlugins(COUNCIL_PLUGIN_PACKAGES, () => undefined);
    store = await kind.open();
    await seedCouncils(store.db, plugins, () => undefined);
    await store.db.query("INSERT INTO users (id, email, password_hash) VALUES ('o', 'o@example.test', 'x')");
    await store.db.query("INSERT INTO council_roles (user_id, council_id, role) VALUES ('o', 'bolton', 'officer'), ('o', 'birmingham', 'council-admin')");
    await store.db.query("INSERT INTO api_tokens (id, user_id, name, token_hash) VALUES ('t', 'o', 't', $1)", [hashSecret(token)]);
    app = createApp({ db: store.db, plugins, log: () => undefined });
  });
  afterAll(async () => store?.dispose());

  it("lists Bolton's fields from its pack in force, and refuses a size its pack would not accept, naming the field, writing nothing", async () => {
    const fields = await call('GET', '/api/councils/bolton/provider-fields');
    expect(fields.status).toBe(200);
    expect(fields.body.fields.map((f: { field: string }) => f.field)).toContain('size.serviceUsers');
    const before = await auditCount();
    const bad = await call('POST', '/api/councils/bolton/providers', { name: 'Oak House', serviceType: 'Nursing homes', size: { beds: 0 } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([{ pointer: '/size/beds', message: 'Beds: must be at least 1' }]);
    expect(await auditCount()).toBe(before);
    expect((await call('GET', '/api/councils/bolton/providers')).body.providers).toEqual([]);
  });

  it('records what an edit changed, field by field, in the audit entry', async () => {
    const made = await call('POST', '/api/councils/bolton/providers', { name: 'Oak House', serviceType: 'Nursing homes', size: { beds: 40 } });
    expect(made.status).toBe(201);
    const edited = await call('PUT', `/api/councils/bolton/providers/${made.body.id}`, { name: 'Oak House', serviceType: 'Residential Services', size: { beds: 42, serviceUsers: 38 } });
    expect(edited.status).toBe(200);
    const [entry] = await store.db.query<{ detail: { changes: unknown } }>("SELECT detail FROM audit_log WHERE action = 'provider-update' AND entity_id = $1", [made.body.id]);
    expect(entry!.detail.changes).toEqual([
      { field: 'serviceType', before: 'Nursing homes', after: 'Residential Services' },
      { field: 'size.beds', before: 40, after: 42 },
      { field: 'size.serviceUsers', before: null, after: 38 },
    ]);
  });

  it("keeps Birmingham's current CQC rating and its date on the record, checked against the pack's CQC scale and as a date", async () => {
    const fields = (await call('GET', '/api/councils/birmingham/provider-fields')).body.fields;
    // Birmingham's pack reads the current CQC rating (001 s5.2) and its date (001 s4.5) as inputs.
    expect(fields.filter((f: { field: string }) => f.field.startsWith('facts.'))).toEqual([
      { field: 'facts.cqcRating', title: 'The current CQC rating.', kind: 'choice', required: false, choices: ['Inadequate', 'Requires Improvement', 'Good', 'Outstanding'] },
      { field: 'facts.cqcRatingDate', title: 'Date of the current CQC rating.', kind: 'date', required: false },
    ]);
    const before = await auditCount();
    const bad = await call('POST', '/api/councils/birmingham/providers', { name: 'Elm Lodge', facts: { cqcRating: 'Excellent', cqcRatingDate: '2025-02-30' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([
      { pointer: '/facts/cqcRating', message: 'The current CQC rating.: must be one of "Inadequate", "Requires Improvement", "Good", "Outstanding"' },
      { pointer: '/facts/cqcRatingDate', message: 'Date of the current CQC rating.: must be a date written YYYY-MM-DD, e.g. 2025-03-31' },
    ]);
    expect(await auditCount()).toBe(before);
    const made = await call('POST', '/api/councils/birmingham/providers', { name: 'Elm Lodge', facts: { cqcRating: 'Good', cqcRatingDate: '2024-11-05' } });
    expect(made.status).toBe(201);
    expect(made.body.facts).toEqual({ cqcRating: 'Good', cqcRatingDate: '2024-11-05' });
  });

  it("gives Bolton's CQC rating (no date input) with its pack title", async () => {
    const fields = (await call('GET', '/api/councils/bolton/provider-fields')).body.fields;
    expect(fields.filter((f: { field: string }) => f.field.startsWith('facts.')).map((f: { field: string; title: string }) => [f.field, f.title])).toEqual([
      ['facts.cqcRating', 'CQC rating'],
    ]);
  });

  it("checks every imported row against Birmingham's fields, naming row and column, and imports nothing in strict mode", async () => {
    const csv = [
      'name,cqcLocationId,serviceType,size.weeklyHours,facts.cqcRating,facts.cqcRatingDate',
      'Ash Court,1-100,Home Support,120,Good,2024-06-01',
      'Beech House,1-101,Day care,-5,Brilliant,01/06/2024',
      'Cedar View,1-102,Nursing care,,Outstanding,',
    ].join('\n');
    const before = await auditCount();
    const strict = await call('POST', '/api/councils/birmingham/providers/import', { csv, strict: true });
    expect(strict.status).toBe(422);
    expect(strict.body.error.details).toEqual([
      { row: 3, pointer: '/size/weeklyHours', csvColumn: 'size.weeklyHours', message: 'size.weeklyHours: /size/weeklyHours must be >= 0' },
      { row: 3, pointer: '/serviceType', csvColumn: 'serviceType', message: expect.stringMatching(/^serviceType: .*must be one of "Home Support"/) },
      { row: 3, pointer: '/facts/cqcRating', csvColumn: 'facts.cqcRating', message: expect.stringMatching(/^facts\.cqcRating: The current CQC rating\.: must be one of/) },
      { row: 3, pointer: '/facts/cqcRatingDate', csvColumn: 'facts.cqcRatingDate', message: expect.stringMatching(/^facts\.cqcRatingDate: .*YYYY-MM-DD/) },
    ]);
    expect(await auditCount()).toBe(before);
    // Not strict: the good rows are imported, the bad one reported, in one transaction.
    const lenient = await call('POST', '/api/councils/birmingham/providers/import', { csv });
    expect(lenient.status).toBe(201);
    expect(lenient.body.rows.map((r: { row: number; outcome: string }) => [r.row, r.outcome])).toEqual([[2, 'inserted'], [3, 'rejected'], [4, 'inserted']]);
    const ash = (await call('GET', '/api/councils/birmingham/providers?q=Ash')).body.providers[0];
    expect(ash).toMatchObject({ serviceType: 'Home Support', size: { weeklyHours: 120 }, facts: { cqcRating: 'Good', cqcRatingDate: '2024-06-01' } });
  });

  it("exports every size and fact Birmingham's pack reads as a column, headed as the import reads them", async () => {
    const res = await app.request('/api/councils/birmingham/providers/export', { headers: { authorization: `Bearer ${token}` } });
    const [header, ...lines] = (await res.text()).trim().split('\r\n');
    expect(header).toBe('id,name,cqcLocationId,serviceType,size.weeklyHours,facts.cqcRating,facts.cqcRatingDate,rating,lastAssessmentDate,packVersion,nextVisitDue,overdueActions');
    expect(lines.find((l) => l.includes('Ash Court'))).toMatch(/,Ash Court,1-100,Home Support,120,Good,2024-06-01,/);
  });
});
