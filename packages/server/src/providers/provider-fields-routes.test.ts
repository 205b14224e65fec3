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
    await store.db.query("INSERT INTO council_roles (user_id, council_id, role) VALUES ('o', 'bolton', 'officer')");
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
});
