import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { LIMITS } from '@openqaf/engine';
import { sharedPackJobs } from '../engine/pack-jobs.js';
import type { PackJobs } from '../engine/pack-jobs.js';
import { tableFingerprint } from '../store/fingerprint.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- drafts are edited as plain JSON here */
type Content = Record<string, any>;

/** Hostile edits of the testshire draft, each with the error it must be refused with. */
function hostileDrafts(base: Content) {
  const rating = base.decisions.overallRating;
  const rule = rating.rules[3];
  return {
    [`${LIMITS.maxRules + 1} rules`]: {
      content: { ...base, decisions: { overallRating: { ...rating, rules: Array.from({ length: LIMITS.maxRules + 1 }, (_, i) => ({ ...rule, id: `r${i}` })) } } },
      error: { code: 'limit.maxRules', pointer: '/decisions' },
      overLimit: true,
    },
    'a 5 MB string': {
      content: { ...base, metadata: { ...base.metadata, title: 'x'.repeat(LIMITS.maxPackBytes) } },
      error: { code: 'limit.size', pointer: '/metadata/title' },
      overLimit: true,
    },
    'a cyclic decision reference': {
      content: {
        ...base,
        decisions: {
          ...base.decisions,
          other: { ...rating, label: 'Other', rules: [{ ...rule, id: 'o', when: { fact: 'overallRating', operator: 'equal', value: 'Gold' } }] },
          overallRating: { ...rating, rules: [...rating.rules, { ...rule, id: 'cyc', when: { fact: 'other', operator: 'equal', value: 'Gold' } }] },
        },
      },
      error: { code: 'cycle', pointer: '/decisions/overallRating' },
      overLimit: false,
    },
    'a band list with a hole': {
      content: {
        ...base,
        inputs: { ...base.inputs, properties: { ...base.inputs.properties, score: { type: 'number' } } },
        decisions: {
          overallRating: {
            ...rating,
            rules: [...rating.rules, { ...rule, id: 'banded', output: { band: { fact: 'score' }, bands: [{ value: 'Bronze', below: 39 }, { value: 'Silver', atLeast: 40, below: 60 }, { value: 'Gold', atLeast: 60 }] } }],
          },
        },
      },
      error: { code: 'band', pointer: `/decisions/overallRating/rules/${rating.rules.length}/output/bands/1` },
      overLimit: false,
    },
  };
}

/** Pack jobs that hold the next validation (once it has reached them) until the test lets it go. */
function holdablePackJobs() {
  const shared = sharedPackJobs();
  let hold: { reached: () => void; release: Promise<void> } | undefined;
  const packJobs = Object.assign(Object.create(shared) as PackJobs, {
    async validate(...args: Parameters<PackJobs['validate']>) {
      const held = hold;
      hold = undefined;
      if (held) {
        held.reached();
        await held.release;
      }
      return shared.validate(...args);
    },
  });
  /** Holds the next validation: resolves once it is held, with the function that lets it go. */
  const holdNext = () =>
    new Promise<() => void>((onHeld) => {
      let release!: () => void;
      hold = { reached: () => onHeld(release), release: new Promise<void>((r) => (release = r)) };
    });
  return { packJobs, holdNext };
}

describe.each(testStoreKinds)('hostile pack drafts, on $name', (kind) => {
  let t: TestApp;
  let base: Content;
  const jobs = holdablePackJobs();
  beforeAll(async () => {
    t = await makeTestApp(kind, { packJobs: jobs.packJobs });
    base = (await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' })).body.content;
  });
  afterAll(async () => t?.dispose());

  const cases = () => Object.entries(hostileDrafts(base));

  it('validates each without saving: invalid, with the named error at its pointer', async () => {
    for (const [what, { content, error }] of cases()) {
      const before = await tableFingerprint(t.db);
      const res = await t.call('POST', '/api/councils/testshire/draft/validate', { as: 'testshireViewer', body: content });
      expect([res.status, res.body.valid], what).toEqual([200, false]);
      expect(res.body.errors, what).toContainEqual(expect.objectContaining(error.code === 'limit.size' ? { code: 'limit.size' } : error));
      expect(await tableFingerprint(t.db), what).toEqual(before);
    }
  });

  it('refuses to save a draft over a limit (422 over-limit, naming the limit and where), saving nothing', async () => {
    for (const [what, { content, error, overLimit }] of cases()) {
      if (!overLimit) continue;
      const current = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
      const before = await tableFingerprint(t.db);
      const res = await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: content, headers: { 'if-match': current.headers.get('etag')! } });
      expect([res.status, res.body.error.code], what).toEqual([422, 'over-limit']);
      expect(res.body.error.details, what).toContainEqual(expect.objectContaining(error));
      expect(await tableFingerprint(t.db), what).toEqual(before);
    }
  });

  it('saves a cyclic or holed draft as invalid, naming the problem, and refuses to publish it (422 at its pointer)', async () => {
    for (const [what, { content, error, overLimit }] of cases()) {
      if (overLimit) continue;
      const current = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
      const saved = await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: content, headers: { 'if-match': current.headers.get('etag')! } });
      expect([saved.status, saved.body.valid], what).toEqual([200, false]);
      expect(saved.body.errors, what).toContainEqual(expect.objectContaining(error));
      const versions = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM pack_versions');
      const publish = await t.call('POST', '/api/councils/testshire/draft/publish', {
        as: 'testshireAdmin',
        body: { effectiveFrom: '2031-01-01', note: what, acknowledgeFindings: true },
        headers: { 'if-match': saved.headers.get('etag')! },
      });
      expect([publish.status, publish.body.error.code], what).toEqual([422, 'invalid-pack']);
      // The store keeps members in its own order (jsonb), so a cycle may be reported from another of its decisions.
      const where = error.code === 'cycle' ? { code: 'cycle', pointer: expect.stringMatching(/^\/decisions\/(overallRating|other)$/) } : error;
      expect(publish.body.error.details, what).toContainEqual(expect.objectContaining(where));
      expect(await t.db.query('SELECT count(*)::int AS n FROM pack_versions'), what).toEqual(versions);
    }
    const current = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    expect((await t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: base, headers: { 'if-match': current.headers.get('etag')! } })).status).toBe(200);
  });

  it('answers other requests while a hostile draft is being worked on', async () => {
    const current = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    const { content } = hostileDrafts(base)[`${LIMITS.maxRules + 1} rules`]!;
    let settled = false;
    const held = jobs.holdNext();
    const save = t
      .call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: content, headers: { 'if-match': current.headers.get('etag')! } })
      .finally(() => (settled = true));
    const release = await held;
    const health = await t.call('GET', '/api/health');
    const providers = await t.call('GET', '/api/councils/testshire/providers', { as: 'testshireViewer' });
    const other = await t.call('POST', '/api/councils/testshire/draft/validate', { as: 'testshireViewer', body: base });
    expect([health.status, providers.status, other.status, other.body.valid, settled]).toEqual([200, 200, 200, true, false]);
    release();
    expect((await save).status).toBe(422);
  });
});

describe.each(testStoreKinds)('two people saving at once, on $name', (kind) => {
  const AT_ONCE = 6;
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
  });
  afterAll(async () => t?.dispose());

  const draft = () => t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
  const titled = (content: Content, title: string) => ({ ...content, metadata: { ...content.metadata, title } });

  it(`lets one of ${AT_ONCE} saves from the same revision win, refuses the rest with 409, and loses no write`, async () => {
    const before = await draft();
    const etag = before.headers.get('etag')!;
    const saveAudits = () => t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'draft-save'").then((r) => r[0]!.n);
    const auditsBefore = await saveAudits();
    const saves = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, i) =>
        t.call('PUT', '/api/councils/testshire/draft', { as: 'testshireAdmin', body: titled(before.body.content, `Editor ${i}`), headers: { 'if-match': etag } }),
      ),
    );
    const winners = saves.flatMap((s, i) => (s.status === 200 ? [i] : []));
    expect(winners).toHaveLength(1);
    for (const s of saves.filter((s) => s.status !== 200)) {
      expect([s.status, s.body.error.code, s.body.error.message]).toEqual([409, 'conflict', expect.stringContaining('The draft has changed since you loaded it')]);
    }
    const after = await draft();
    expect(after.body.content.metadata.title).toBe(`Editor ${winners[0]}`);
    expect(after.headers.get('etag')).toBe(saves[winners[0]!]!.headers.get('etag'));
    expect(await saveAudits()).toBe(auditsBefore + 1);

    // A refused editor reloads and saves again on top of the winner's edit.
    const loser = saves.findIndex((s) => s.status === 409);
    const retry = await t.call('PUT', '/api/councils/testshire/draft', {
      as: 'testshireAdmin',
      body: titled(after.body.content, `Editor ${loser}`),
      headers: { 'if-match': after.headers.get('etag')! },
    });
    expect(retry.status).toBe(200);
  });

  it.each([true, false])(`publishes one version when ${AT_ONCE} publishes of one draft race (If-Match sent: %s)`, async (withIfMatch) => {
    const current = await draft();
    const note = `race ${withIfMatch}`;
    const publishes = await Promise.all(
      Array.from({ length: AT_ONCE }, () =>
        t.call('POST', '/api/councils/testshire/draft/publish', {
          as: 'testshireAdmin',
          body: { effectiveFrom: '2031-01-01', note, acknowledgeFindings: true },
          headers: withIfMatch ? { 'if-match': current.headers.get('etag')! } : {},
        }),
      ),
    );
    const statuses = publishes.map((p) => p.status).sort();
    expect(statuses).toEqual([201, ...Array(AT_ONCE - 1).fill(409)]);
    const versions = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM pack_versions WHERE note = $1', [note]);
    expect(versions[0]!.n).toBe(1);
  });
});
