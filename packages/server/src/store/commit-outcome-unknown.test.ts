import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommitOutcomeUnknown, isCommitOutcomeUnknown, mayWrite } from './commit-outcome-unknown.js';
import { replyCuttingProxy } from './store-faults.test-helpers.js';
import type { ReplyCuttingProxy } from './store-faults.test-helpers.js';
import { isStoreUnreachable } from './store-unreachable.js';
import { openPostgresTestStore, testDatabaseUrl } from './test-stores.test-helpers.js';
import type { TestStore } from './test-stores.test-helpers.js';

describe('which statements sent outside a transaction may have written', () => {
  it.each([
    ['INSERT INTO t VALUES (1)', true],
    ['WITH x AS (INSERT INTO t VALUES (1) RETURNING *) SELECT * FROM x', true],
    ['  update t SET x = 2', true],
    ['DELETE FROM idempotency_keys WHERE key = $1', true],
    ['SELECT pg_notify($1, $2)', true],
    ['SELECT * FROM t WHERE x = $1', false],
    ['WITH x AS (SELECT updated_at, deleted FROM t) SELECT * FROM x', false],
    ['  select 1', false],
    ['SHOW server_version', false],
  ])('%s: %s', (sql, writes) => {
    expect(mayWrite(sql)).toBe(writes);
  });
});

describe.skipIf(!testDatabaseUrl)('a write whose reply is lost in transit, on PostgreSQL', () => {
  let proxy: ReplyCuttingProxy;
  let store: TestStore;
  beforeAll(async () => {
    proxy = await replyCuttingProxy(testDatabaseUrl!);
    store = await openPostgresTestStore(proxy.url);
    await store.db.exec('CREATE TABLE lost_replies (n integer PRIMARY KEY)');
  });
  afterAll(async () => {
    await store?.dispose();
    await proxy?.close();
  });

  const stored = async (n: number) =>
    (await store.db.query<{ c: number }>('SELECT count(*)::int AS c FROM lost_replies WHERE n = $1', [n]))[0]!.c;

  it('is CommitOutcomeUnknown when the COMMIT of a transaction was in flight, and the change may indeed be stored', async () => {
    const cut = proxy.cutReplyTo(/^COMMIT/);
    const error = await store.db.transaction((tx) => tx.query('INSERT INTO lost_replies VALUES (1)')).catch((e: unknown) => e);
    await cut;
    expect(isCommitOutcomeUnknown(error), String(error)).toBe(true);
    expect((error as CommitOutcomeUnknown).during).toBe('commit');
    expect(isStoreUnreachable(error)).toBe(false);
    // The database committed it before the reply was lost: "not stored" would have been wrong.
    expect(await stored(1)).toBe(1);
  });

  it('is CommitOutcomeUnknown when a write sent outside a transaction was in flight', async () => {
    const cut = proxy.cutReplyTo(/^INSERT INTO lost_replies/);
    const error = await store.db.query('INSERT INTO lost_replies VALUES ($1)', [2]).catch((e: unknown) => e);
    await cut;
    expect(isCommitOutcomeUnknown(error), String(error)).toBe(true);
    expect((error as CommitOutcomeUnknown).during).toBe('statement');
    expect(await stored(2)).toBe(1);
  });

  it('stays store-unavailable for a read whose reply is lost, and for a transaction lost before its COMMIT was sent', async () => {
    const cutRead = proxy.cutReplyTo(/^SELECT n FROM lost_replies/);
    const readError = await store.db.query('SELECT n FROM lost_replies').catch((e: unknown) => e);
    await cutRead;
    expect([isStoreUnreachable(readError), isCommitOutcomeUnknown(readError)]).toEqual([true, false]);

    const cutInsert = proxy.cutReplyTo(/^INSERT INTO lost_replies/);
    const txError = await store.db
      .transaction(async (tx) => {
        await tx.query('INSERT INTO lost_replies VALUES (3)');
        await tx.query('INSERT INTO lost_replies VALUES (4)');
      })
      .catch((e: unknown) => e);
    await cutInsert;
    expect([isStoreUnreachable(txError), isCommitOutcomeUnknown(txError)]).toEqual([true, false]);
    // PostgreSQL rolled the uncommitted transaction back when its connection went.
    expect(await stored(3)).toBe(0);
  });

  it('works again on a new connection afterwards', async () => {
    await store.db.transaction((tx) => tx.query('INSERT INTO lost_replies VALUES (5)'));
    expect(await stored(5)).toBe(1);
  });
});
