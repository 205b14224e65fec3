import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';

const ROUNDS = 300;

describe.each(testStoreKinds)('a draft edit racing a publish on $name', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
  });
  afterAll(async () => t?.dispose());

  it(`has exactly one winner in each of ${ROUNDS} rounds, and the winner's content is what is stored`, { timeout: 600_000 }, async () => {
    const tally = { put: 0, publish: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const before = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
      const etag = before.headers.get('etag')!;
      const title = `Edit of round ${round}`;
      const edited = { ...before.body.content, metadata: { ...before.body.content.metadata, title } };
      const sendPut = () =>
        t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: edited, headers: { 'if-match': etag } });
      const sendPublish = () =>
        t.call('POST', '/api/councils/testshire/draft/publish', {
          as: 'testshireAdmin',
          body: { effectiveFrom: '2030-01-01', note: `round ${round}`, acknowledgeFindings: true },
          headers: { 'if-match': etag },
        });
      // Alternate which request starts first, so each side gets its chance to be the one caught mid-transaction.
      const [put, publish] =
        round % 2 === 0
          ? await Promise.all([sendPut(), sendPublish()])
          : await Promise.all([sendPublish(), sendPut()]).then(([p, u]) => [u, p] as const);
      const statuses = [put.status, publish.status];
      expect(statuses, `round ${round}`).toSatisfy(
        (s: number[]) => (s[0] === 200 && s[1] === 409) || (s[0] === 409 && s[1] === 201),
      );
      const after = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
      const latest = await t.call('GET', '/api/councils/testshire/pack');
      if (put.status === 200) {
        tally.put++;
        expect(after.body.content.metadata.title, `round ${round}`).toBe(title);
        expect(after.headers.get('etag')).toBe(put.headers.get('etag'));
        expect(latest.body.note).not.toBe(`round ${round}`);
      } else {
        tally.publish++;
        expect(latest.body.note, `round ${round}`).toBe(`round ${round}`);
        expect(latest.body.pack.metadata.title).toBe(before.body.content.metadata.title);
        expect(after.body.content).toEqual(latest.body.pack);
      }
    }
    expect(tally.put + tally.publish).toBe(ROUNDS);
  });
});
