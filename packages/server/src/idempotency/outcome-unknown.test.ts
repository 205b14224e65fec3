import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { OUTCOME_UNKNOWN_MESSAGE } from '../error-handler.js';
import { replyCuttingProxy } from '../store/store-faults.test-helpers.js';
import type { ReplyCuttingProxy } from '../store/store-faults.test-helpers.js';
import { STORE_RETRY_AFTER_SECONDS } from '../store/store-unreachable.js';
import { openPostgresTestStore, testDatabaseUrl } from '../store/test-stores.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';

// PGlite runs in the server's process and cannot lose a reply: only PostgreSQL can answer this.
describe.skipIf(!testDatabaseUrl)('a write whose COMMIT reply is lost in transit, on PostgreSQL', () => {
  let proxy: ReplyCuttingProxy;
  let t: TestApp;
  beforeAll(async () => {
    proxy = await replyCuttingProxy(testDatabaseUrl!);
    t = await makeTestApp({ name: 'postgres', open: () => openPostgresTestStore(proxy.url) });
  });
  afterAll(async () => {
    await t?.dispose();
    await proxy?.close();
  });

  const count = async (sql: string, params: unknown[]) => (await t.db.query<{ n: number }>(sql, params))[0]!.n;

  function expectOutcomeUnknown(res: Awaited<ReturnType<TestApp['call']>>) {
    expect([res.status, res.body?.error?.code, res.headers.get('retry-after')]).toEqual([503, 'outcome-unknown', String(STORE_RETRY_AFTER_SECONDS)]);
    expect(res.body.error.message).toBe(OUTCOME_UNKNOWN_MESSAGE);
    expect(res.body.error.message).toMatch(/may or may not have been stored/);
  }

  it('answers 503 outcome-unknown (not store-unavailable) for a provider that was in fact stored, and the same Idempotency-Key replays it', async () => {
    const send = () =>
      t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Lost Reply House' }, headers: { 'idempotency-key': 'lost-reply-provider' } });
    const cut = proxy.cutReplyTo(/^COMMIT/);
    const first = await send();
    await cut;
    expectOutcomeUnknown(first);
    const stored = "SELECT count(*)::int AS n FROM providers WHERE name = 'Lost Reply House'";
    expect(await count(stored, [])).toBe(1);

    const again = await send();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await count(stored, [])).toBe(1);
    const [row] = await t.db.query<{ id: string }>("SELECT id FROM providers WHERE name = 'Lost Reply House'");
    expect(again.body.id).toBe(row!.id);
  });

  it('answers 503 outcome-unknown for an assessment whose single-statement write was in flight, and the same Idempotency-Key replays it', async () => {
    const provider = await t.call('POST', '/api/councils/testshire/providers', { as: 'testshireOfficer', body: { name: 'Assessed House' } });
    const send = () =>
      t.call('POST', '/api/councils/testshire/assessments', {
        as: 'testshireOfficer',
        body: { providerId: provider.body.id, date: '2025-03-01', judgements: judgements(3), facts: { concerns: false } },
        headers: { 'idempotency-key': 'lost-reply-assessment' },
      });
    const stored = 'SELECT count(*)::int AS n FROM assessments WHERE provider_id = $1';
    const cut = proxy.cutReplyTo(/qaf_store_assessments/);
    const first = await send();
    await cut;
    expectOutcomeUnknown(first);
    expect(await count(stored, [provider.body.id])).toBe(1);

    const again = await send();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await count(stored, [provider.body.id])).toBe(1);
  });
});
