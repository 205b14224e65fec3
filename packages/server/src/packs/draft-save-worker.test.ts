import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { PackJobs } from '../engine/pack-jobs.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';

const embedded = testStoreKinds.filter((kind) => kind.name === 'pglite');

describe.each(embedded)('saving a draft on $name', (kind) => {
  let t: TestApp;
  let packJobs: PackJobs;
  beforeAll(async () => {
    // A long deadline: starting a worker takes seconds on a loaded machine (see plugin-facts.test.ts).
    packJobs = new PackJobs({ seconds: 300 });
    t = await makeTestApp(kind, { packJobs });
  });
  afterAll(async () => {
    await t?.dispose();
    await packJobs?.close();
  });

  it('validates the draft on the pack worker, not on the request thread', async () => {
    const current = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    const validate = vi.spyOn(packJobs, 'validate');
    const content = current.body.content;
    const saved = await t.call('PUT', '/api/councils/testshire/draft', {
      as: 'testshireAdmin', body: content, headers: { 'if-match': current.headers.get('etag')! },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ revision: current.body.revision + 1, valid: true, errors: [] });
    expect(validate).toHaveBeenCalledOnce();
    expect(validate.mock.calls[0]![0]).toEqual(content);
    expect(validate.mock.calls[0]![1]).toBe('testshire');
  });
});
