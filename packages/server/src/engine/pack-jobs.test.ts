import * as engine from '@openqaf/engine';
import type { Pack } from '@openqaf/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { HttpError } from '../http-error.js';
import { bigDomainPack } from '../test-fixtures/big-domain-pack.js';
import { testshirePack } from '../test-fixtures/testshire-pack.js';
import { closeSharedPackJobs, PackJobs, sharedPackJobs } from './pack-jobs.js';

/** A council plugin whose `spin` fact never returns: a job that uses it can only end by its deadline. */
const SPIN_PLUGIN = `data:text/javascript,${encodeURIComponent(
  "export default { id: 'spinshire', name: 'Spinshire', pack: {}, extensions: { facts: { spin: () => { for (;;) { /* never returns */ } } } } };",
)}`;

function spinPack(): Pack {
  const pack = testshirePack({ id: 'spinshire' });
  pack.decisions.overallRating!.rules!.unshift({ id: 'spin', priority: 60, output: 'Gold', source: { doc: 'qaf', section: '2' }, when: { fact: 'spin', operator: 'equal', value: true } });
  return pack;
}

const pools: PackJobs[] = [];
function pool(...args: ConstructorParameters<typeof PackJobs>): PackJobs {
  const p = new PackJobs(...args);
  pools.push(p);
  return p;
}
afterAll(async () => { await Promise.all(pools.map((p) => p.close())); });

/**
 * The pool of the tests that need no options of their own: one worker started once for them all
 * (a worker loads the engine and the council plugins, seconds on a loaded machine). A content one
 * test had analysed is remembered for the next; each test's "from memory" is of its own asking.
 */
let common: PackJobs | undefined;
function shared(): PackJobs {
  common ??= pool({ seconds: 300 });
  return common;
}

async function refusal(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

describe('pack jobs', () => {
  it('validates, analyses and runs the cases of a pack in a worker, as the engine does on this thread', async () => {
    const jobs = shared();
    const pack = testshirePack();
    expect(await jobs.validate(pack, 'testshire')).toEqual(engine.validatePack(pack));
    const { millis: _millis, ...report } = await jobs.analyse(pack, 'testshire');
    const { millis: _here, ...expected } = engine.analyse(engine.compilePack(pack));
    expect(report).toEqual(expected);
    expect(await jobs.cases(pack, 'testshire')).toEqual(engine.runCases(engine.compilePack(pack)));
    const invalid = await jobs.validate({ ...pack, decisions: 7 }, 'testshire');
    expect(invalid.valid).toBe(false);
    expect(invalid.errors.map((e) => e.pointer)).toContain('/decisions');
  });

  it('analyses a content once: the same pack again is answered from memory, a changed one is analysed', async () => {
    const jobs = shared();
    const pack = testshirePack();
    const first = await jobs.analyse(pack, 'testshire');
    // A worker's reply is a new object each time; the same object means no worker was asked.
    expect(await jobs.analyse(structuredClone(pack), 'testshire')).toBe(first);
    const changed = testshirePack();
    changed.decisions.overallRating!.rules!.pop();
    expect(await jobs.analyse(changed, 'testshire')).not.toBe(first);
  });

  it('answers a draft that only adds a case (and a new version label and date) from memory, as the engine would analyse it', async () => {
    const jobs = shared();
    const published = testshirePack();
    const first = await jobs.analyse(published, 'testshire');
    const draft = testshirePack({ version: '1.1.0', effectiveFrom: '2027-01-01' });
    draft.cases = [...(draft.cases ?? []), { ...draft.cases![0]!, id: 'added-case' }];
    const report = await jobs.analyse(draft, 'testshire');
    // The decisions are the remembered objects: no worker was asked.
    expect(report.decisions).toBe(first.decisions);
    const { millis: _millis, ...expected } = engine.analyse(engine.compilePack(draft));
    expect({ ...report, millis: undefined }).toEqual({ ...expected, millis: undefined });
    expect(report.pack.version).toBe('1.1.0');
  });

  it('analyses 2,000 criteria in one domain and says how much of the space it sampled', async () => {
    // Time is not what this test is about: a loaded machine gets all it needs.
    const report = await shared().analyse(bigDomainPack(2000), 'testshire');
    const overall = report.decisions.find((d) => d.decision === 'overallRating')!;
    expect(overall.exhaustive).toBe(false);
    expect(overall.points).toBe(engine.LIMITS.analysisSamples);
    expect(overall.notes.join(' ')).toMatch(/^too large: sampled 20,000 of [\d,]+ points/m);
  });

  it('stops a job past its deadline with 422 naming the pack and the budget, and serves the next job on a new worker', async () => {
    // The deadline counts from when a started worker takes the job: one second is as good as more.
    const jobs = pool({ seconds: 1, waitSeconds: 300, pluginModules: [SPIN_PLUGIN] });
    const spin = { facts: { spin: () => true } };
    const error = await refusal(jobs.analyse(spinPack(), 'spinshire', spin));
    expect(error.status).toBe(422);
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('The pack of council "spinshire" is too large to analyse within 1 s');
    expect((await jobs.validate(testshirePack(), 'testshire')).valid).toBe(true);
  });

  it('refuses a job with 503 while as many jobs as the queue holds are waiting', async () => {
    const jobs = pool({ queueLimit: 1, waitSeconds: 300 });
    const first = jobs.validate(testshirePack(), 'testshire');
    // The same content again waits for the same job (validations are remembered by content).
    const same = jobs.validate(testshirePack(), 'testshire');
    // Another content is another job: one more than the queue holds.
    const error = await refusal(jobs.validate(testshirePack({ version: '1.0.1' }), 'testshire'));
    expect(error.status).toBe(503);
    expect(error.headers).toEqual({ 'Retry-After': '5' });
    expect((await first).valid).toBe(true);
    expect(await same).toEqual(await first);
  });

  it('refuses to validate without the council\'s extensions rather than judge the pack without them', async () => {
    const error = await shared().validate(testshirePack(), 'testshire', { facts: {} }).then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toMatch(/no extensions for council "testshire"/);
  });

  it('closes the process\'s shared pool, which then refuses work, and starts a new one when next asked', async () => {
    const first = sharedPackJobs();
    expect(sharedPackJobs()).toBe(first);
    await closeSharedPackJobs();
    expect((await refusal(first.validate(testshirePack(), 'testshire'))).status).toBe(503);
    const next = sharedPackJobs();
    expect(next).not.toBe(first);
    await closeSharedPackJobs();
  });
});
