import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';

interface Finding { kind: string; message: string; count: number; examples: unknown[]; more: number }

describe.each(testStoreKinds)('the draft analysis without its examples (the publish page), on $name', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
    // A rule that can never fire and a gap, so the report has findings with examples.
    const res = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    const content = structuredClone(res.body.content);
    content.decisions.overallRating.rules.push({ id: 'r-any', label: 'Anyone else', priority: 1, output: 'Bronze', source: { doc: 'qaf', section: '2' }, when: { fact: 'concerns', operator: 'equal', value: true } });
    const saved = await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: content, headers: { 'if-match': res.headers.get('etag')! } });
    expect(saved.status).toBe(200);
  });
  afterAll(async () => t?.dispose());

  it('keeps every finding, its words and the changed findings, and leaves out the examples, counted in `more`', async () => {
    const full = await t.call('POST', '/api/councils/testshire/draft/analyse', { as: 'testshireViewer' });
    const words = await t.call('POST', '/api/councils/testshire/draft/analyse?examples=false', { as: 'testshireViewer' });
    expect(words.status).toBe(200);
    const findings = (r: typeof full) => (r.body.report.decisions as { findings: Finding[] }[]).flatMap((d) => d.findings);
    const withExamples = findings(full).filter((f) => f.examples.length > 0);
    expect(withExamples.length).toBeGreaterThan(0);
    expect(findings(words).map((f) => f.examples)).toEqual(findings(full).map(() => []));
    expect(findings(words).map((f) => f.more)).toEqual(findings(full).map((f) => f.more + f.examples.length));
    expect(findings(words).map((f) => [f.kind, f.message, f.count])).toEqual(findings(full).map((f) => [f.kind, f.message, f.count]));
    expect(words.body.findings).toBe(full.body.findings);
    expect(words.body.changed).toEqual(full.body.changed);
    expect(words.body.changed.length).toBeGreaterThan(0);
  });

  it('refuses a flag other than true or false, naming the query parameter', async () => {
    const res = await t.call('POST', '/api/councils/testshire/draft/analyse?examples=no', { as: 'testshireViewer' });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('examples');
  });
});
