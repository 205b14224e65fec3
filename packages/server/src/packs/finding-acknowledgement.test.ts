import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';

describe.each(testStoreKinds)('publishing asks acknowledgement only of new or changed findings, on $name', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
  });
  afterAll(async () => t?.dispose());

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the draft is edited as loose JSON in tests
  async function saveDraft(edit: (content: any) => void) {
    const res = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    const content = structuredClone(res.body.content);
    edit(content);
    const saved = await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: content, headers: { 'if-match': res.headers.get('etag')! } });
    expect(saved.status).toBe(200);
  }

  it('names a rule the draft makes unable to fire by its title, and publishes without asking when findings are unchanged', async () => {
    await saveDraft((p) => {
      p.decisions.overallRating.rules.push({ id: 'r-any', label: 'Anyone else', priority: 1, output: 'Bronze', source: { doc: 'qaf', section: '2' }, when: { fact: 'concerns', operator: 'equal', value: true } });
    });
    const analysis = await t.call('POST', '/api/councils/testshire/draft/analyse', { as: 'testshireViewer' });
    expect(analysis.body.changed.map((f: { words: string }) => f.words)).toEqual(['Overall rating: the rule "Anyone else" can never fire: a rule above it always decides first']);
    const refused = await t.call('POST', '/api/councils/testshire/draft/publish', { as: 'testshireAdmin', body: { effectiveFrom: '2030-01-01', note: 'Catch-all' } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('findings-not-acknowledged');
    const words: string[] = refused.body.error.details.map((d: { message: string }) => d.message);
    expect(words).toContain('Overall rating: the rule "Anyone else" can never fire: a rule above it always decides first');
    expect(words.join(' ')).not.toContain('r-any');
    const published = await t.call('POST', '/api/councils/testshire/draft/publish', { as: 'testshireAdmin', body: { effectiveFrom: '2030-01-01', note: 'Catch-all', acknowledgeFindings: true } });
    expect(published.status).toBe(201);
    // The next draft changes only a note: its findings are those already published, so nothing is asked.
    await saveDraft((p) => {
      p.cases[0].note = 'All four Fully met is Gold (document 000 s2)';
    });
    const again = await t.call('POST', '/api/councils/testshire/draft/publish', { as: 'testshireAdmin', body: { effectiveFrom: '2030-02-01', note: 'Case note only' } });
    expect(again.status).toBe(201);
  });

  it('asks acknowledgement of an action the draft makes unable to fire, pointing at the action, and records it with the version', async () => {
    await saveDraft((p) => {
      p.outcomes.actions.push({
        id: 'gold-and-bronze-letter', label: 'Write to a provider both Gold and Bronze', owner: 'council', due: { days: 7 }, source: { doc: 'qaf', section: '3' },
        when: { all: [{ fact: 'overallRating', operator: 'equal', value: 'Gold' }, { fact: 'overallRating', operator: 'equal', value: 'Bronze' }] },
      });
    });
    const refused = await t.call('POST', '/api/councils/testshire/draft/publish', { as: 'testshireAdmin', body: { effectiveFrom: '2030-03-01', note: 'A letter' } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('findings-not-acknowledged');
    const details: { pointer: string; kind: string; message: string }[] = refused.body.error.details;
    const never = details.find((d) => d.kind === 'never-fires');
    // The new action is the second in the list: the pointer names it, not a decision.
    expect(never?.pointer).toBe('/outcomes/actions/1');
    expect(never?.message).toContain('Write to a provider both Gold and Bronze');
    const published = await t.call('POST', '/api/councils/testshire/draft/publish', { as: 'testshireAdmin', body: { effectiveFrom: '2030-03-01', note: 'A letter', acknowledgeFindings: true } });
    expect(published.status).toBe(201);
    const acknowledged: { decision: string; kind: string; rule?: string }[] = published.body.acknowledged;
    expect(acknowledged).toContainEqual(expect.objectContaining({ decision: 'actions', kind: 'never-fires', rule: 'gold-and-bronze-letter' }));
  });
});
