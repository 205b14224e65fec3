import { caseAssessment } from '@openqaf/engine';
import type { Pack, PackCase } from '@openqaf/engine';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTestApp, testPlugins } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { publishTestshire } from '../assessments/redetermination.test-helpers.js';
import { signedOffVisit, submittedVisit } from '../reports/signed-off-visit.test-helpers.js';
import { COUNCIL_PLUGIN_PACKAGES, loadCouncilPlugins } from '../seed/council-plugins.js';
import { seedCouncils } from '../seed/index.js';
import type { Db } from '../store/index.js';
import { faultyStore } from '../store/store-faults.test-helpers.js';
import type { FaultyStore } from '../store/store-faults.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import type { TestStoreKind } from '../store/test-stores.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';
import { markingDb } from './marking-db.js';
import { deferredTransaction } from './request-in-commit.js';

/**
 * What the store is doing while a pack is evaluated: `inFlight` transactions of the app's store
 * begun and not ended; `seen` what it was at each evaluation; `hold`, when set, holds the next
 * evaluation (of an action's completion) until the test lets it go on.
 */
const probe = vi.hoisted(() => ({
  inFlight: 0,
  seen: [] as number[],
  hold: undefined as undefined | (() => Promise<void>),
  /** When set, holds the next read of a pack version (before a sign-off evaluates under it) until the test lets it go on. */
  holdVersionRead: undefined as undefined | (() => Promise<void>),
}));

vi.mock('../packs/versions.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../packs/versions.js')>();
  return {
    ...real,
    async findVersionById(...args: Parameters<typeof real.findVersionById>) {
      const hold = probe.holdVersionRead;
      probe.holdVersionRead = undefined;
      if (hold) await hold();
      return real.findVersionById(...args);
    },
  };
});

vi.mock('../assessments/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../assessments/index.js')>();
  return {
    ...real,
    async determine(...args: Parameters<typeof real.determine>) {
      probe.seen.push(probe.inFlight);
      if (probe.hold) await probe.hold();
      return real.determine(...args);
    },
  };
});

vi.mock('../packs/in-force-effects.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../packs/in-force-effects.js')>();
  return {
    ...real,
    redetermined(...args: Parameters<typeof real.redetermined>) {
      probe.seen.push(probe.inFlight);
      return real.redetermined(...args);
    },
  };
});

/** The stores of `kind`, each counting its transactions in flight in `probe.inFlight`. */
function counting(kind: TestStoreKind): TestStoreKind {
  return {
    name: kind.name,
    async open() {
      const store = await kind.open();
      const db = store.db;
      const counted: Db = {
        dialect: db.dialect,
        query: (sql, params, options) => db.query(sql, params, options),
        exec: (sql) => db.exec(sql),
        async transaction(fn) {
          probe.inFlight++;
          try {
            return await db.transaction(fn);
          } finally {
            probe.inFlight--;
          }
        },
        listen: (channel, listener) => db.listen(channel, listener),
        close: () => db.close(),
      };
      return { db: counted, dispose: store.dispose };
    },
  };
}

/** A version of the Testshire pack in force from `from`, Silver from `silverMin` criteria Fully met. */
async function publish(t: TestApp, version: string, from: string, silverMin: number): Promise<void> {
  await publishTestshire(t, (draft: Pack) => {
    const content = structuredClone(draft) as Pack & { decisions: { overallRating: { rules: { id: string; when: { value: number } }[] } } };
    content.decisions.overallRating.rules.find((r) => r.id === 'silver')!.when.value = silverMin;
    content.metadata.effectiveFrom = from;
    return content;
  }, { version, from, note: `Silver from ${silverMin}` });
}

describe.each(testStoreKinds)('a keyed write evaluates the pack before its transaction, on $name', (kind) => {
  let t: TestApp;
  let faulty: FaultyStore;
  let birmingham: Awaited<ReturnType<typeof loadCouncilPlugins>>[number];
  const testshire = '/api/councils/testshire';

  beforeAll(async () => {
    birmingham = (await loadCouncilPlugins(COUNCIL_PLUGIN_PACKAGES, () => undefined)).find((p) => p.id === 'birmingham')!;
    faulty = await faultyStore(kind);
    t = await makeTestApp(counting(faulty.kind), { plugins: [...testPlugins, birmingham] });
    await seedCouncils(t.db, [birmingham], () => undefined);
    await t.db.query("INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, 'birmingham', 'officer')", [t.userIds.testshireOfficer]);
  }, 60_000);
  afterAll(async () => t?.dispose());

  /** A Birmingham provider Bronze on 3 March 2025 (Quality Ratings Guidance 2024, 4.1): its IAP was due by 10 March. */
  async function bronzeProvider(name: string): Promise<string> {
    const provider = (await t.call('POST', '/api/councils/birmingham/providers', { as: 'testshireOfficer', body: { name } })).body.id as string;
    const bronzeCase = birmingham.pack.cases!.find((c: PackCase) => c.id === 'bronze-process-actions')!;
    const res = await t.call('POST', '/api/councils/birmingham/assessments', { as: 'testshireOfficer', body: { providerId: provider, ...caseAssessment(birmingham.pack, bronzeCase) } });
    expect(res.status).toBe(201);
    return provider;
  }
  const complete = (providerId: string, headers: Record<string, string> = {}) =>
    t.call('POST', '/api/councils/birmingham/actions/complete', { as: 'testshireOfficer', body: { providerId, actionId: 'iap-submit', completedOn: '2025-03-11' }, headers });
  const rowsOf = async (providerId: string) => ({
    assessments: (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM assessments WHERE provider_id = $1', [providerId]))[0]!.n,
    completions: (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM action_completions WHERE provider_id = $1', [providerId]))[0]!.n,
  });

  it("an action's completion with a key: while its re-determination is evaluated, no transaction is open and another writer's request completes", async () => {
    const provider = await bronzeProvider('Home Support Held');
    let evaluating!: () => void;
    const started = new Promise<void>((resolve) => (evaluating = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    probe.seen = [];
    probe.hold = async () => {
      probe.hold = undefined;
      evaluating();
      await released;
    };
    const completion = complete(provider, { 'idempotency-key': `held-${kind.name}` });
    await started;
    // A transaction held open here would keep the other writer waiting for ever on PGlite: let go first.
    if (probe.seen[0] !== 0) release();
    expect(probe.seen).toEqual([0]);
    const other = await t.call('POST', `${testshire}/providers`, { as: 'testshireOfficer', body: { name: 'Written meanwhile' } });
    expect(other.status).toBe(201);
    release();
    const done = await completion;
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body.reevaluated).toMatchObject({ fact: 'iapSubmittedDate', value: '2025-03-11', headline: 'Bronze' });
    expect(await rowsOf(provider)).toEqual({ assessments: 2, completions: 1 });
    // Its reply was recorded in its commit: the same key is answered with it, nothing written again.
    const again = await complete(provider, { 'idempotency-key': `held-${kind.name}` });
    expect([again.status, again.headers.get('idempotent-replayed'), again.body]).toEqual([201, 'true', done.body]);
    expect(await rowsOf(provider)).toEqual({ assessments: 2, completions: 1 });
  });

  it("an action's completion without a key, the connection lost as its re-determination is stored: neither the completion nor the re-determination is kept", async () => {
    const provider = await bronzeProvider('Home Support Lost');
    void faulty.loseConnectionAt(/WITH batch AS/);
    const lost = await complete(provider);
    expect(lost.status, JSON.stringify(lost.body)).toBeGreaterThanOrEqual(500);
    expect(await rowsOf(provider)).toEqual({ assessments: 1, completions: 0 });
    // Sent again, both are made, once.
    const done = await complete(provider);
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(await rowsOf(provider)).toEqual({ assessments: 2, completions: 1 });
  });

  it('a re-determination and a sign-off that determines again, with a key: the pack is evaluated with no transaction open', async () => {
    const provider = (await t.call('POST', `${testshire}/providers`, { as: 'testshireOfficer', body: { name: 'Acme Care' } })).body.id as string;
    await publish(t, '2.0.0', '2027-01-01', 3);
    const assessed = await t.call('POST', `${testshire}/assessments`, { as: 'testshireOfficer', body: { providerId: provider, date: '2027-01-04', judgements: judgements(3), facts: { concerns: false } } });
    expect(assessed.status).toBe(201);
    await publish(t, '2.1.0', '2027-01-02', 4);
    probe.seen = [];
    const redetermined = await t.call('POST', `${testshire}/redeterminations`, {
      as: 'testshireAdmin', body: { reason: '2.1.0 in force from 2 January', assessmentIds: [assessed.body.id] }, headers: { 'idempotency-key': `redetermine-${kind.name}` },
    });
    expect(redetermined.status, JSON.stringify(redetermined.body)).toBe(200);
    expect(redetermined.body.redetermined).toMatchObject([{ assessmentId: assessed.body.id, before: 'Silver', after: 'Bronze', inForce: { version: '2.1.0' } }]);
    expect(probe.seen).toEqual([0]);

    const { visitId, assessmentId } = await submittedVisit(t, provider, '2027-02-03', 3);
    await publish(t, '2.2.0', '2027-02-01', 3);
    probe.seen = [];
    const signed = await t.call('POST', `${testshire}/visits/${visitId}/sign-off?redetermineUnder=2.2.0`, { as: 'testshireAdmin', headers: { 'idempotency-key': `sign-off-${kind.name}` } });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(probe.seen).toEqual([0]);
    const after = await t.call('GET', `${testshire}/assessments/${assessmentId}`, { as: 'testshireViewer' });
    expect([after.body.packVersion, after.body.determination.headline.value]).toEqual(['2.2.0', 'Silver']);
  });

  it('a sign-off re-checks under its transaction what it evaluated: a version published meanwhile is a 409 that writes nothing; signed off again, it is determined under that version', async () => {
    const provider = (await t.call('POST', `${testshire}/providers`, { as: 'testshireOfficer', body: { name: 'Recheck Care' } })).body.id as string;
    await publish(t, '3.0.0', '2028-01-01', 4);
    const { visitId, assessmentId } = await submittedVisit(t, provider, '2028-02-03', 3);
    await publish(t, '3.1.0', '2028-02-01', 3);
    let reading!: () => void;
    const read = new Promise<void>((resolve) => (reading = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    probe.holdVersionRead = async () => {
      reading();
      await released;
    };
    const signOff = (version: string, key: string) =>
      t.call('POST', `${testshire}/visits/${visitId}/sign-off?redetermineUnder=${version}`, { as: 'testshireAdmin', headers: { 'idempotency-key': `${key}-${kind.name}` } });
    const first = signOff('3.1.0', 'recheck-1');
    await read;
    // Published while the sign-off was reading the version to evaluate under (no transaction of its is open).
    await publish(t, '3.2.0', '2028-02-02', 4);
    release();
    const refused = await first;
    expect([refused.status, refused.body.error?.code], JSON.stringify(refused.body)).toEqual([409, 'conflict']);
    expect((await t.call('GET', `${testshire}/visits/${visitId}`, { as: 'testshireAdmin' })).body.status).toBe('submitted');
    expect((await t.db.query('SELECT count(*)::int AS n FROM determinations WHERE assessment_id = $1', [assessmentId]))[0]).toEqual({ n: 1 });
    const signed = await signOff('3.2.0', 'recheck-2');
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const after = await t.call('GET', `${testshire}/assessments/${assessmentId}`, { as: 'testshireViewer' });
    expect([after.body.packVersion, after.body.determination.headline.value]).toEqual(['3.2.0', 'Bronze']);
  });

  it("a report shared and finalised with a key: its explanation is reproduced once, before the write's transaction, and the reply is the report as read afterwards", async () => {
    const provider = (await t.call('POST', `${testshire}/providers`, { as: 'testshireOfficer', body: { name: 'Report Care' } })).body.id as string;
    const { assessmentId } = await signedOffVisit(t, provider, '2025-05-01', 3);
    const report = `${testshire}/assessments/${assessmentId}/report`;
    probe.seen = [];
    const shared = await t.call('POST', `${report}/share`, { as: 'testshireAdmin', headers: { 'idempotency-key': `share-${kind.name}` } });
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    expect(probe.seen).toEqual([0]);
    expect(shared.body).toEqual((await t.call('GET', report, { as: 'testshireAdmin' })).body);
    probe.seen = [];
    const finalised = await t.call('POST', `${report}/finalise`, { as: 'testshireAdmin', headers: { 'idempotency-key': `finalise-${kind.name}` } });
    expect(finalised.status, JSON.stringify(finalised.body)).toBe(200);
    expect(finalised.body.status).toBe('final');
    expect(probe.seen).toEqual([0]);
    expect(finalised.body).toEqual((await t.call('GET', report, { as: 'testshireAdmin' })).body);
  });
});

describe.each(testStoreKinds)("a request's view of the store, on $name", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(counting(kind));
  });
  afterAll(async () => t?.dispose());

  it('refuses to close the shared store (request-in-commit and marking-db), which stays open', async () => {
    const commit = deferredTransaction(t.db);
    await expect(commit.db.close()).rejects.toThrow(/does not close the store/);
    await expect(markingDb(t.db, { caller: 'x', key: 'k', attempt: 'a', recorded: false }).close()).rejects.toThrow(/does not close the store/);
    await commit.rollback();
    expect(await t.db.query('SELECT 1 AS n')).toEqual([{ n: 1 }]);
  });

  it('reads before the first write hold no transaction; the first write begins the one transaction, which a rollback undoes whole', async () => {
    const commit = deferredTransaction(t.db);
    expect(await commit.db.query("SELECT name FROM councils WHERE id = 'testshire'")).toEqual([{ name: expect.any(String) }]);
    expect(probe.inFlight).toBe(0);
    await commit.db.transaction((tx) => tx.query("UPDATE councils SET name = 'Renamed' WHERE id = 'testshire'"));
    expect(probe.inFlight).toBe(1);
    // Read in the request's transaction: it sees its own write.
    expect(await commit.db.query("SELECT name FROM councils WHERE id = 'testshire'")).toEqual([{ name: 'Renamed' }]);
    await commit.rollback();
    expect(probe.inFlight).toBe(0);
    expect((await t.db.query<{ name: string }>("SELECT name FROM councils WHERE id = 'testshire'"))[0]!.name).not.toBe('Renamed');
  });
});
