import { PerformanceObserver } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { PACK_WORKER_MEMORY_MB } from '../engine/pack-jobs.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { bigDomainPack } from '../test-fixtures/big-domain-pack.js';

/** The one timing the issue asks for: health answers within this while a pack is analysed. */
const HEALTH_MS = 100;
const MB = 1024 * 1024;

// On the embedded store only: health then answers from this process alone, whereas on
// PostgreSQL each reply also waits for another process to be scheduled, which on a loaded
// machine says more about the machine than about pack work.
const embedded = testStoreKinds.filter((kind) => kind.name === 'pglite');

describe.each(embedded)('analysing a pathological draft on $name', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp(kind);
    // Steady state, as a server warms its pack worker when it starts.
    expect((await t.call('POST', '/api/councils/testshire/draft/validate', { as: 'testshireViewer' })).status).toBe(200);
  });
  afterAll(async () => t?.dispose());

  // The one wall-clock assertion the issue asks for. On a machine with many times more runnable
  // threads than cores, the OS alone can stall this process for longer than 100 ms (seen at load
  // averages of 20 to 30 on two cores, with no pack work or collection on this thread at the
  // time), so a run may be retried; analysis on the request thread blocks health for seconds
  // on every run, which no retry passes.
  it.each([300, 2000])('analyses %i criteria in one domain while /api/health keeps answering within 100 ms, in bounded memory', { retry: 2, timeout: 120_000 }, async (criteria) => {
    const current = await t.call('GET', '/api/councils/testshire/draft', { as: 'testshireAdmin' });
    const saved = await t.call('PUT', '/api/councils/testshire/draft', {
      as: 'testshireAdmin', body: bigDomainPack(criteria), headers: { 'if-match': current.headers.get('etag')! },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.valid).toBe(true);

    const heapBefore = process.memoryUsage().heapUsed;
    const rssBefore = process.memoryUsage().rss;
    // This process's own garbage collection is not pack work: its pauses are taken out of each
    // health call's time (on a busy machine a major collection alone can pass 100 ms).
    const collections: { start: number; end: number }[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) collections.push({ start: e.startTime, end: e.startTime + e.duration });
    });
    observer.observe({ entryTypes: ['gc'] });
    let done = false;
    const analysis = t.call('POST', '/api/councils/testshire/draft/analyse', { as: 'testshireViewer' }).finally(() => { done = true; });
    const calls: { start: number; end: number }[] = [];
    let heapPeak = heapBefore;
    let rssPeak = rssBefore;
    // Health is asked once a turn of the event loop for as long as the analysis runs (until its
    // reply, not for a set time). Each call counts from the turn it was due, so a request thread
    // blocked between calls (by analysis on it) shows in the next call's time.
    while (!done) {
      const start = performance.now();
      await new Promise((resolve) => setImmediate(resolve));
      const health = await t.call('GET', '/api/health');
      calls.push({ start, end: performance.now() });
      expect(health.status).toBe(200);
      const memory = process.memoryUsage();
      heapPeak = Math.max(heapPeak, memory.heapUsed);
      rssPeak = Math.max(rssPeak, memory.rss);
    }
    const res = await analysis;
    // Entries of the last collections arrive on a later turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    observer.disconnect();
    const latencies = calls.map(({ start, end }) => end - start
      - collections.reduce((ms, gc) => ms + Math.max(0, Math.min(end, gc.end) - Math.max(start, gc.start)), 0));

    expect(latencies.length).toBeGreaterThan(0);
    expect(latencies.filter((ms) => ms >= HEALTH_MS), `health latencies (ms): ${latencies.map(Math.round).join(', ')}`).toEqual([]);
    if (res.status === 200) {
      const overall = res.body.report.decisions.find((d: { decision: string }) => d.decision === 'overallRating');
      expect(overall.exhaustive).toBe(false);
      expect(overall.notes.join(' ')).toMatch(/too large: sampled 20,000 of [\d,]+ points/);
      expect(res.body.report.complete).toBe(false);
    } else {
      expect(res.status).toBe(422);
      expect(res.body.error.message).toMatch(/too large to (validate|analyse) within/);
    }
    // The request thread holds the reply, not the space; the worker is capped at its own budget.
    expect(heapPeak - heapBefore).toBeLessThan(256 * MB);
    expect(rssPeak - rssBefore).toBeLessThan((PACK_WORKER_MEMORY_MB + 256) * MB);
  });
});
