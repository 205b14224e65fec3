import { caseAssessment } from '@openqaf/engine';
import type { PackCase } from '@openqaf/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { hashSecret, newSecret } from './auth/secrets.js';
import type { CouncilPlugin } from './engine/index.js';
import { COUNCIL_PLUGIN_PACKAGES, loadCouncilPlugins } from './seed/council-plugins.js';
import { seedCouncils } from './seed/index.js';
import { testStoreKinds } from './store/test-stores.test-helpers.js';
import type { TestStore } from './store/test-stores.test-helpers.js';

/**
 * The real council packs, end to end through the API: every case of each pack is submitted as an
 * assessment and the stored determination must show what the case (written from the council's
 * document) expects.
 */
describe('the three council packs through the API', () => {
  let store: TestStore;
  let plugins: CouncilPlugin[];
  let app: ReturnType<typeof createApp>;
  const token = newSecret('qaf_');

  beforeAll(async () => {
    plugins = await loadCouncilPlugins(COUNCIL_PLUGIN_PACKAGES, () => undefined);
    store = await testStoreKinds[0]!.open();
    await seedCouncils(store.db, plugins, () => undefined);
    await store.db.query("INSERT INTO users (id, email, password_hash, platform_admin) VALUES ('u', 'u@example.test', 'x', true)");
    await store.db.query("INSERT INTO api_tokens (id, user_id, name, token_hash) VALUES ('t', 'u', 't', $1)", [hashSecret(token)]);
    app = createApp({ db: store.db, plugins, log: () => undefined });
  });
  afterAll(async () => store?.dispose());

  const post = async (path: string, body: unknown) => {
    const res = await app.request(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  it.each(['birmingham', 'bolton', 'herefordshire'])('%s: every case gives the expected determination when stored', async (id) => {
    const plugin = plugins.find((p) => p.id === id);
    expect(plugin, `@openqaf/councils-${id} loads`).toBeDefined();
    const provider = await post(`/api/councils/${id}/providers`, { name: `${id} test provider` });
    expect(provider.status).toBe(201);
    const effectiveFrom = plugin!.pack.metadata.effectiveFrom;
    const cases = (plugin!.pack.cases ?? []).filter(
      (c: PackCase) => (!c.asOf || c.asOf === c.input.date) && c.input.date >= effectiveFrom,
    );
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const assessment = caseAssessment(plugin!.pack, c);
      const res = await post(`/api/councils/${id}/assessments?explain=false`, { providerId: provider.body.id, ...assessment });
      if (c.wantError) {
        expect(res.status, c.id).toBe(422);
        continue;
      }
      expect(res.status, `${c.id}: ${JSON.stringify(res.body.error)}`).toBe(201);
      const d = res.body.determination;
      if (c.want?.headline !== undefined) expect(d.headline.value, c.id).toEqual(c.want.headline);
      for (const [decision, value] of Object.entries(c.want?.decisions ?? {})) expect(d.decisions[decision], `${c.id} ${decision}`).toEqual(value);
      for (const a of c.want?.actions ?? []) {
        const wanted = typeof a === 'string' ? { id: a } : a;
        expect(d.actions, `${c.id} action ${wanted.id}`).toContainEqual(expect.objectContaining(wanted));
      }
    }
  });
});
