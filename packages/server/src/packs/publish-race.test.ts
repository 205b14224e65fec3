import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { pausingStore } from '../store/pausing-store.test-helpers.js';
import type { PausingStore } from '../store/pausing-store.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';

/**
 * Where a draft save and a publish made from the same draft revision can meet. The publish
 * transaction takes the council, reads the draft (locking its row) and writes the version and
 * the draft; the save's transaction updates the draft at the revision it read. Each window holds
 * the first request's transaction still just after `after`, lets the second run until it waits
 * on the first (or finishes), then lets the first go on. `wins` is who must win on PostgreSQL;
 * on PGlite, which runs one transaction at a time, the request holding the store always wins.
 */
const WINDOWS = [
  { window: 'the save lands after the publish took the council, before it read the draft', first: 'publish', after: /FROM councils WHERE id = \$1 FOR UPDATE/, wins: 'put' },
  { window: 'the save arrives after the publish read the draft, before it wrote it', first: 'publish', after: /^SELECT \* FROM drafts WHERE council_id = \$1/, wins: 'publish' },
  { window: 'the save arrives after the publish wrote the draft, before it committed', first: 'publish', after: /^\s*UPDATE drafts/, wins: 'publish' },
  { window: 'the publish arrives after the save wrote the draft, before it committed', first: 'put', after: /^\s*UPDATE drafts/, wins: 'put' },
] as const;

describe.each(testStoreKinds)('a draft edit racing a publish on $name', (kind) => {
  let t: TestApp;
  let store: PausingStore;
  beforeAll(async () => {
    store = pausingStore(kind);
    t = await makeTestApp(store.kind);
  });
  afterAll(async () => t?.dispose());

  it.each(WINDOWS.map((w, round) => ({ ...w, round })))('has exactly one winner, whose content is what is stored, when $window', async ({ first, after, wins, round }) => {
    const before = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    const etag = before.headers.get('etag')!;
    const title = `Edit of round ${round}`;
    const edited = { ...before.body.content, metadata: { ...before.body.content.metadata, title } };
    const sendPut = () => t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: edited, headers: { 'if-match': etag } });
    const sendPublish = () =>
      t.call('POST', '/api/councils/testshire/draft/publish', {
        as: 'testshireAdmin',
        body: { effectiveFrom: '2030-01-01', note: `round ${round}`, acknowledgeFindings: true },
        headers: { 'if-match': etag },
      });

    const held = store.pauseAfter(after);
    const firstReply = first === 'put' ? sendPut() : sendPublish();
    const paused = await held;
    const secondReply = first === 'put' ? sendPublish() : sendPut();
    await paused.waitedOnBy(secondReply);
    paused.release();
    const [a, b] = await Promise.all([firstReply, secondReply]);
    const [put, publish] = first === 'put' ? [a, b] : [b, a];

    const winner = kind.name === 'postgres' ? wins : first;
    expect([put.status, publish.status]).toEqual(winner === 'put' ? [200, 409] : [409, 201]);
    const draft = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    const latest = await t.call('GET', '/api/councils/testshire/pack');
    if (winner === 'put') {
      expect(draft.body.content.metadata.title).toBe(title);
      expect(draft.headers.get('etag')).toBe(put.headers.get('etag'));
      expect(latest.body.note).not.toBe(`round ${round}`);
    } else {
      expect(latest.body.note).toBe(`round ${round}`);
      expect(latest.body.pack.metadata.title).toBe(before.body.content.metadata.title);
      expect(draft.body.content).toEqual(latest.body.pack);
    }
  });
});
