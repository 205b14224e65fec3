import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, testPlugins } from '../app.test-helpers.js';
import { PackJobs } from '../engine/pack-jobs.js';
import type { TestApp } from '../app.test-helpers.js';
import { tableFingerprint } from '../store/fingerprint.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';

/** Testshire's plugin provides the fact `monthsAfter`; Otherton's provides none. */
const plugins = testPlugins.map((p) =>
  p.id === 'testshire' ? { ...p, extensions: { facts: { monthsAfter: () => false } } } : p,
);
/** The same plugin as a module the pack worker can import (pack work runs in a worker thread). */
const TESTSHIRE_PLUGIN_MODULE = `data:text/javascript,${encodeURIComponent(
  "export default { id: 'testshire', name: 'Testshire', pack: {}, extensions: { facts: { monthsAfter: () => false } } };",
)}`;

describe.each(testStoreKinds)('a draft using a plugin fact the council lacks, on $name', (kind) => {
  let t: TestApp;
  let packJobs: PackJobs;
  beforeAll(async () => {
    // A long deadline: starting a worker takes seconds on a loaded machine, which must make this
    // test slower, never a 503 (the default deadline is 10 s).
    packJobs = new PackJobs({ seconds: 300, pluginModules: [TESTSHIRE_PLUGIN_MODULE] });
    t = await makeTestApp(kind, { plugins, packJobs });
  });
  afterAll(async () => {
    await t?.dispose();
    await packJobs?.close();
  });

  /** The council's draft, changed to declare `monthsAfter` and use it in the first rule. */
  async function draftUsingPluginFact(council: string, as: 'testshireAdmin' | 'othertonAdmin') {
    const res = await t.call('GET', `/api/councils/${council}/draft`, { as });
    const content = structuredClone(res.body.content);
    content.extensions = { facts: ['monthsAfter'] };
    content.decisions.overallRating.rules[0].when = { fact: 'monthsAfter', params: { months: 3 }, operator: 'equal', value: true };
    return { content, etag: res.headers.get('etag')! };
  }

  const expectedErrors = [
    { code: 'plugin.missing-fact', pointer: '/extensions/facts/0', message: expect.stringContaining('"monthsAfter"'), hint: expect.any(String) },
    { code: 'plugin.missing-fact', pointer: '/decisions/overallRating/rules/0/when/fact', message: expect.stringContaining('"monthsAfter"'), hint: expect.any(String) },
  ];

  it('refuses to save it with 422 naming the fact at its declaration and its use, and writes nothing', async () => {
    const { content, etag } = await draftUsingPluginFact('otherton', 'othertonAdmin');
    const before = await tableFingerprint(t.db);
    const res = await t.call('PUT', '/api/councils/otherton/draft', { as: 'othertonAdmin', body: content, headers: { 'if-match': etag } });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe(`The draft was not saved. Plugin fact "monthsAfter" is declared, but this council's plugin does not provide it.`);
    expect(res.body.error.details).toEqual(expectedErrors);
    expect(await tableFingerprint(t.db)).toEqual(before);
  });

  it('reports it invalid when validated, naming the fact', async () => {
    const { content } = await draftUsingPluginFact('otherton', 'othertonAdmin');
    const res = await t.call('POST', '/api/councils/otherton/draft/validate', { as: 'othertonAdmin', body: content });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ revision: null, valid: false, errors: expectedErrors });
  });

  it('answers analyse, cases and publish of such a draft already stored with 422, not 500', async () => {
    const { content } = await draftUsingPluginFact('otherton', 'othertonAdmin');
    await t.db.query("UPDATE drafts SET content = $1 WHERE council_id = 'otherton'", [JSON.stringify(content)]);
    const before = await tableFingerprint(t.db);
    for (const [step, body] of [['analyse'], ['cases'], ['publish', { note: 'try', effectiveFrom: '2030-01-01', acknowledgeFindings: true }]] as const) {
      const res = await t.call('POST', `/api/councils/otherton/draft/${step}`, { as: 'othertonAdmin', body });
      expect([step, res.status, res.body.error?.details?.[0]?.code]).toEqual([step, 422, 'plugin.missing-fact']);
    }
    expect(await tableFingerprint(t.db)).toEqual(before);
  });

  it('saves, analyses and runs the cases of the same draft for a council whose plugin provides the fact', async () => {
    const { content, etag } = await draftUsingPluginFact('testshire', 'testshireAdmin');
    const res = await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: content, headers: { 'if-match': etag } });
    expect([res.status, res.body.valid, res.body.errors]).toEqual([200, true, []]);
    expect((await t.call('POST', '/api/councils/testshire/draft/analyse', { as: 'testshireAdmin' })).status).toBe(200);
    expect((await t.call('POST', '/api/councils/testshire/draft/cases', { as: 'testshireAdmin' })).status).toBe(200);
  });
});
