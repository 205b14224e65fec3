import { randomUUID } from 'node:crypto';
import { BroadcastChannel } from 'node:worker_threads';
import * as engine from '@openqaf/engine';
import type { Pack } from '@openqaf/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, testPlugins } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { PackJobs } from '../engine/pack-jobs.js';
import type { PackJobTimers } from '../engine/pack-jobs.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { bigDomainPack } from '../test-fixtures/big-domain-pack.js';

const MB = 1024 * 1024;
/** The deadline the pool is given: it passes only when the test fires it (see `manualTimers`). */
const DEADLINE_SECONDS = 10;

/**
 * Testshire's plugin as the pack worker loads it, with a `held` fact. As it loads, it asks the
 * test (over a BroadcastChannel) for a gate; the first time analysis evaluates `held` it says
 * so and waits on the gate, so the worker stays inside the analysis until the test opens it.
 * Nothing here waits on time: each step is a message one thread sends the other.
 */
function holdingPlugin(channelName: string): string {
  return `data:text/javascript,${encodeURIComponent(`
    import { BroadcastChannel } from 'node:worker_threads';
    const channel = new BroadcastChannel(${JSON.stringify(channelName)});
    const gate = await new Promise((resolve) => {
      channel.onmessage = (event) => resolve(event.data);
      channel.postMessage('loaded');
    });
    channel.onmessage = null;
    const held = () => {
      if (Atomics.load(gate, 0) === 0) {
        channel.postMessage('held');
        Atomics.wait(gate, 0, 0);
      }
      return true;
    };
    export default { id: 'testshire', name: 'Testshire Council', pack: {}, extensions: { facts: { held } } };
  `)}`;
}

/** `bigDomainPack(criteria)` whose overall rating first reads the plugin's `held` fact. */
function heldPack(criteria: number): Pack {
  const pack = bigDomainPack(criteria);
  const source = pack.decisions.overallRating!.source!;
  pack.decisions.overallRating!.rules!.unshift({ id: 'held', label: 'Held', priority: 60, output: 'Gold', source, when: { fact: 'held', operator: 'equal', value: false } });
  return pack;
}

/** Timers that fire only when the test says: the pool's deadline becomes an event the test sends. */
function manualTimers() {
  const pending = new Map<number, { fire: () => void; ms: number }>();
  let next = 1;
  const timers: PackJobTimers = {
    setTimeout(fire, ms) {
      pending.set(next, { fire, ms });
      return next++;
    },
    clearTimeout: (timer) => void pending.delete(timer as number),
  };
  return {
    timers,
    /** Whether a timer of `ms` is set (the deadline of a job a worker has taken). */
    armed: (ms: number) => [...pending.values()].some((t) => t.ms === ms),
    /** Fires every timer of `ms` now. */
    fire(ms: number) {
      for (const [id, t] of [...pending]) if (t.ms === ms) { pending.delete(id); t.fire(); }
    },
  };
}

/** Settles to whether `promise` has settled, without waiting for it. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  const pending = Symbol('pending');
  return (await Promise.race([promise.then(() => true, () => true), Promise.resolve().then(() => pending)])) !== pending;
}

describe.each(testStoreKinds)('analysing a pathological draft on $name', (kind) => {
  const channelName = `qaf-analysis-budget-${randomUUID()}`;
  const channel = new BroadcastChannel(channelName);
  // One gate for every worker of the pool, open but while an analysis is to be held.
  const gate = new Int32Array(new SharedArrayBuffer(4));
  Atomics.store(gate, 0, 1);
  let held: () => void = () => undefined;
  let heldOnce = Promise.resolve();
  let loads = 0;
  channel.onmessage = (event: MessageEvent) => {
    // Each worker that loads the plugin gets the gate; each hold is told to the test.
    if (event.data === 'loaded') { loads++; channel.postMessage(gate); }
    if (event.data === 'held') held();
  };
  /** Closes the gate for the next analysis; `heldOnce` is then the event of its worker reaching it. */
  const closeGate = () => {
    Atomics.store(gate, 0, 0);
    heldOnce = new Promise<void>((resolve) => (held = resolve));
  };
  const open = () => { Atomics.store(gate, 0, 1); Atomics.notify(gate, 0); };

  const clock = manualTimers();
  const jobs = new PackJobs({ seconds: DEADLINE_SECONDS, waitSeconds: 300, timers: clock.timers, pluginModules: [holdingPlugin(channelName)] });
  let t: TestApp;

  const saveDraft = async (pack: Pack) => {
    const current = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    const saved = await t.call('PUT', '/api/councils/testshire/draft', {
      as: 'testshireAdmin', body: pack, headers: { 'if-match': current.headers.get('etag')! },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.valid, JSON.stringify(saved.body.errors)).toBe(true);
  };
  /** Another request of each kind, answered while the analysis is held inside its worker. */
  const answeredMeanwhile = async (analysis: Promise<unknown>) => {
    expect((await t.call('GET', '/api/health')).status).toBe(200);
    expect((await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireViewer' })).status).toBe(200);
    expect((await t.call('GET', '/api/councils/testshire/providers', { as: 'testshireViewer' })).status).toBe(200);
    // The analysis was under way all along: its worker is still held.
    expect(await settled(analysis)).toBe(false);
  };

  beforeAll(async () => {
    const plugins = [{ ...testPlugins[0]!, extensions: { facts: { held: () => true } } }, testPlugins[1]!];
    t = await makeTestApp(kind, { packJobs: jobs, plugins });
    // Steady state, as a server warms its pack worker when it starts.
    expect((await t.call('POST', '/api/councils/testshire/draft/validate', { as: 'testshireViewer' })).status).toBe(200);
  });
  afterAll(async () => {
    open();
    await t?.dispose();
    await jobs.close();
    channel.close();
  });

  it.each([300, 2000])('analyses %i criteria in one domain in its worker while other requests are answered, within its point budget', async (criteria) => {
    await saveDraft(heldPack(criteria));
    closeGate();
    const heapBefore = process.memoryUsage().heapUsed;
    const analysis = t.call('POST', '/api/councils/testshire/draft/analyse', { as: 'testshireViewer' });
    await heldOnce;
    // The worker is inside the analysis, the job's deadline set, and the request thread answers.
    expect(clock.armed(DEADLINE_SECONDS * 1000)).toBe(true);
    await answeredMeanwhile(analysis);
    open();
    const res = await analysis;

    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const overall = res.body.report.decisions.find((d: { decision: string }) => d.decision === 'overallRating');
    // Bounded by the analyser's point budget, not by time: the space is sampled and says so.
    expect(overall.exhaustive).toBe(false);
    expect(overall.points).toBe(engine.LIMITS.analysisSamples);
    expect(overall.notes.join(' ')).toMatch(/too large: sampled 20,000 of [\d,]+ points/);
    expect(res.body.report.complete).toBe(false);
    // The request thread holds the reply, not the space (the worker is capped at its own budget).
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(256 * MB);
  });

  it('refuses an analysis past its deadline with 422 naming the pack and the budget, and goes on with a new worker', async () => {
    await saveDraft(heldPack(1999));
    closeGate();
    const loadsBefore = loads;
    const analysis = t.call('POST', '/api/councils/testshire/draft/analyse', { as: 'testshireViewer' });
    await heldOnce;
    await answeredMeanwhile(analysis);
    // The deadline passes (the test's clock): the worker is stopped and the request refused.
    clock.fire(DEADLINE_SECONDS * 1000);
    const res = await analysis;
    open();
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('too-large');
    expect(res.body.error.message).toBe(`The pack of council "testshire" is too large to analyse within ${DEADLINE_SECONDS} s`);
    expect(res.body.error.details).toEqual([{ pointer: '', message: `too large to analyse within ${DEADLINE_SECONDS} s` }]);
    expect((await t.call('GET', '/api/health')).status).toBe(200);
    // The next pack job (content never validated before) is served by a new worker: one more load of the plugin.
    const validated = await t.call('POST', '/api/councils/testshire/draft/validate', { as: 'testshireViewer', body: heldPack(1998) });
    expect(validated.status).toBe(200);
    expect(validated.body.valid).toBe(true);
    expect(loads).toBe(loadsBefore + 1);
  });
});
