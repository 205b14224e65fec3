import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelListener, Db } from './db.js';
import { openPostgresTestStore, testDatabaseUrl, testStoreKinds } from './test-stores.test-helpers.js';
import type { TestStore } from './test-stores.test-helpers.js';

/** A listener that records what it is told, with a way to wait for the next event of a kind. */
function recordingListener() {
  const events: string[] = [];
  const waiting: { kind: string; resolve: () => void }[] = [];
  const record = (event: string) => {
    events.push(event);
    for (const w of waiting.splice(0)) {
      if (event.startsWith(w.kind)) w.resolve();
      else waiting.push(w);
    }
  };
  const listener: ChannelListener = {
    notify: (payload) => record(`notify:${payload}`),
    listening: () => record('listening'),
    lost: () => record('lost'),
  };
  const next = (kind: string) => new Promise<void>((resolve) => waiting.push({ kind, resolve }));
  return { listener, events, next };
}

describe.each(testStoreKinds)('notifications on a $name store', (kind) => {
  let store: TestStore;
  let db: Db;
  beforeAll(async () => {
    store = await kind.open();
    db = store.db;
  });
  afterAll(async () => store?.dispose());

  it('says when it is listening, then delivers what committed transactions notify and nothing a rolled-back one did', async () => {
    const { listener, events, next } = recordingListener();
    const listening = next('listening');
    const stop = db.listen('qaf_test_channel', listener);
    await listening;
    const first = next('notify');
    await db.transaction(async (tx) => {
      await tx.query("SELECT pg_notify('qaf_test_channel', 'kept')");
    });
    await db
      .transaction(async (tx) => {
        await tx.query("SELECT pg_notify('qaf_test_channel', 'rolled back')");
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await first;
    // A later notification arrives after any earlier one would have: the rolled-back one never came.
    const last = next('notify');
    await db.query("SELECT pg_notify('qaf_test_channel', 'after')");
    await last;
    expect(events).toEqual(['listening', 'notify:kept', 'notify:after']);
    stop();
  });
});

describe.runIf(testDatabaseUrl)('the PostgreSQL listening connection', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openPostgresTestStore(testDatabaseUrl!);
  });
  afterAll(async () => store?.dispose());

  it('tells its listeners at once when the connection is lost, reconnects by itself and delivers again', async () => {
    const { db } = store;
    const [{ schema }] = (await db.query<{ schema: string }>('SELECT current_schema() AS schema')) as [{ schema: string }];
    const { listener, events, next } = recordingListener();
    const listening = next('listening');
    db.listen('qaf_test_channel', listener);
    await listening;
    const lost = next('lost');
    const back = next('listening');
    // Only this store's own listening connection: it is named after the store's unique schema.
    const killed = await db.query<{ ok: boolean }>(
      'SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1',
      [`qaf-listen ${schema}`],
    );
    expect(killed).toEqual([{ ok: true }]);
    await lost;
    await back;
    const delivered = next('notify');
    await db.query("SELECT pg_notify('qaf_test_channel', 'again')");
    await delivered;
    expect(events).toEqual(['listening', 'lost', 'listening', 'notify:again']);
  });
});
