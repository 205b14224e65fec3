import { afterAll, describe, expect, it } from 'vitest';
import { packHash } from '../engine/index.js';
import { compareUnderPacks } from './compare.js';
import { packWithCareBand, row } from './what-if.test-helpers.js';
import { WhatIfWorkers } from './what-if-workers.js';

// Expected values follow the test pack's rules (test-fixtures/testshire-pack.ts), as in compare.test.ts.
const published = packWithCareBand(2);
const draft = packWithCareBand(3);
// 60 providers, Fully met cycling 0..4; every fifth also lacks the required fact "concerns".
const rows = Array.from({ length: 60 }, (_, i) => (i % 5 === 0 ? row(i, i % 5, {}) : row(i, i % 5)));

describe('WhatIfWorkers', () => {
  const workers = new WhatIfWorkers({ workers: 2, rowsPerWorker: 10, pluginModules: [] });
  afterAll(async () => workers.close());

  it('splits the providers between workers and joins a report the same as one thread gives, counts exact', async () => {
    const report = await workers.compare(rows, published, draft, 'testshire', undefined, 60);
    expect(workers.done).toEqual({ onWorkers: 1, onThisThread: 0 });
    expect(report).toEqual(compareUnderPacks(rows, published, draft, undefined));
    // Per 5 providers: 1 refused (0 Fully met, no facts), 1 Partly-met-only Bronze (1 Fully met),
    // 1 Bronze with care band Silver -> Bronze (2), 1 Silver (3), 1 Gold (4).
    expect(report.providers).toBe(60);
    expect(report.before).toEqual({ Bronze: 24, Silver: 12, Gold: 12 });
    expect(report.after).toEqual(report.before);
    expect(report.changed).toHaveLength(12);
    expect(report.changed.every((c) => !c.headlineChanged && c.differences[0]!.explanation === 'Care band: Silver -> Bronze')).toBe(true);
    expect(report.changed.map((c) => c.name)).toEqual([...report.changed.map((c) => c.name)].sort((a, b) => a.localeCompare(b)));
    expect(report.unchanged).toBe(36);
    expect(report.errors).toHaveLength(24);
  });

  it('keeps determinations for the next what-if, and not past a new published version', async () => {
    const first = await workers.compare(rows, published, draft, 'testshire', undefined, 60);
    expect(await workers.compare(rows, published, draft, 'testshire', undefined, 60)).toEqual(first);
    // Version 1.1.0 raises the overall Silver threshold to 4 Fully met: 3 Fully met is now Bronze.
    const republished = packWithCareBand(2, { version: '1.1.0', silverMin: 4 });
    const report = await workers.compare(rows, republished, draft, 'testshire', undefined, 60);
    expect(report.before).toEqual({ Bronze: 36, Gold: 12 });
    expect(report.changed.filter((c) => c.headlineChanged)).toHaveLength(12);
  });

  it('compares a few providers on the calling thread', async () => {
    const few = rows.slice(1, 5);
    const before = workers.done.onThisThread;
    expect(await workers.compare(few, published, draft, 'testshire', undefined, 60)).toEqual(compareUnderPacks(few, published, draft, undefined));
    expect(workers.done.onThisThread).toBe(before + 1);
  });
});

describe('WhatIfWorkers warmed ahead', () => {
  it('compiles a council\'s published pack on every worker, and a re-warm the next published version', async () => {
    const workers = new WhatIfWorkers({ workers: 2, rowsPerWorker: 10, pluginModules: [] });
    try {
      // Never warmed: a publish starts no workers.
      workers.rewarm('testshire', published);
      expect(workers.warming).toBeUndefined();
      expect(await workers.warm([{ councilId: 'testshire', published }])).toBe(true);
      expect(workers.warmed.get('testshire')).toBe(published.hash);
      const republished = packWithCareBand(2, { version: '1.1.0', silverMin: 4 });
      workers.rewarm('testshire', republished);
      expect(await workers.warming).toBe(true);
      expect(workers.warmed.get('testshire')).toBe(republished.hash);
      const report = await workers.compare(rows, republished, draft, 'testshire', undefined, 60);
      expect(workers.done.onWorkers).toBe(1);
      expect(report).toEqual(compareUnderPacks(rows, republished, draft, undefined));
    } finally {
      await workers.close();
    }
  });

  it('a pack that does not compile is not warmed, and what-if still answers', async () => {
    const workers = new WhatIfWorkers({ workers: 2, rowsPerWorker: 10, pluginModules: [] });
    try {
      const broken = packWithCareBand(2, { version: '9.9.9' });
      (broken.pack as unknown as { outcomes: { headline: string } }).outcomes.headline = 'noSuchDecision';
      expect(await workers.warm([{ councilId: 'otherton', published: broken }, { councilId: 'testshire', published }])).toBe(false);
      expect(workers.warmed.has('otherton')).toBe(false);
      expect(workers.warmed.get('testshire')).toBe(published.hash);
      expect(await workers.compare(rows, published, draft, 'testshire', undefined, 60)).toEqual(compareUnderPacks(rows, published, draft, undefined));
      expect(workers.done.onWorkers).toBe(1);
    } finally {
      await workers.close();
    }
  });

  it('workers that cannot start leave warming false and what-if on the calling thread', async () => {
    const workers = new WhatIfWorkers({ workers: 2, rowsPerWorker: 10, pluginModules: ['@openqaf/no-such-council'] });
    try {
      expect(await workers.warm([{ councilId: 'testshire', published }])).toBe(false);
      expect(workers.warmed.size).toBe(0);
      expect(await workers.compare(rows, published, draft, 'testshire', undefined, 60)).toEqual(compareUnderPacks(rows, published, draft, undefined));
      expect(workers.done).toEqual({ onWorkers: 0, onThisThread: 1 });
    } finally {
      await workers.close();
    }
  });

  it('compiles the draft too and runs the sample through every worker, nothing kept: the first what-if gives the report one thread gives', async () => {
    const workers = new WhatIfWorkers({ workers: 2, rowsPerWorker: 10, pluginModules: [] });
    try {
      expect(await workers.warm([{ councilId: 'testshire', published, draft, sample: rows }])).toBe(true);
      expect(workers.warmed.get('testshire')).toBe(published.hash);
      expect(workers.warmedDrafts.get('testshire')).toBe(draft.hash);
      expect(workers.samples).toEqual({ run: 1, gaveWay: 0 });
      expect(workers.done).toEqual({ onWorkers: 0, onThisThread: 0 });
      expect(await workers.compare(rows, published, draft, 'testshire', undefined, 60)).toEqual(compareUnderPacks(rows, published, draft, undefined));
    } finally {
      await workers.close();
    }
  });

  it('gives the sample up for a what-if asked for meanwhile, which goes first', async () => {
    const workers = new WhatIfWorkers({ workers: 2, rowsPerWorker: 10, pluginModules: [] });
    try {
      const warming = workers.warm([{ councilId: 'testshire', published, draft, sample: rows }]);
      const report = await workers.compare(rows, published, draft, 'testshire', undefined, 60);
      // The what-if finished first: the warm-up waited for it, then compiled and gave the sample up.
      expect(workers.warmed.size).toBe(0);
      expect(await warming).toBe(true);
      expect(workers.samples).toEqual({ run: 0, gaveWay: 1 });
      expect(report).toEqual(compareUnderPacks(rows, published, draft, undefined));
    } finally {
      await workers.close();
    }
  });

  it('warms at once a worker that replaces one that stopped', async () => {
    const workers = new WhatIfWorkers({ workers: 2, rowsPerWorker: 10, pluginModules: [] });
    try {
      expect(await workers.warm([{ councilId: 'testshire', published, draft, sample: rows }])).toBe(true);
      const [stopped, kept] = workers.running;
      await stopped!.terminate();
      // Its replacement is warmed with the council's packs and sample, as at start.
      expect(await workers.warming).toBe(true);
      expect(workers.running).toHaveLength(2);
      expect(workers.running).not.toContain(stopped);
      expect(workers.running).toContain(kept);
      expect(workers.warmed.get('testshire')).toBe(published.hash);
      expect(workers.warmedDrafts.get('testshire')).toBe(draft.hash);
      expect(workers.samples.run).toBe(2);
    } finally {
      await workers.close();
    }
  });

  it('compiles a saved draft once for saves close together, and only in a pool warmed before', async () => {
    const workers = new WhatIfWorkers({ workers: 2, rowsPerWorker: 10, pluginModules: [], draftWarmDelayMs: 50 });
    try {
      workers.rewarmDraft('testshire', draft.pack);
      expect(workers.warming).toBeUndefined();
      expect(await workers.warm([{ councilId: 'testshire', published, sample: rows }])).toBe(true);
      expect(workers.warmedDrafts.size).toBe(0);
      const [first, last] = [packWithCareBand(4), packWithCareBand(5)];
      workers.rewarmDraft('testshire', first.pack);
      workers.rewarmDraft('testshire', last.pack);
      expect(await workers.warming).toBe(true);
      // The last save's draft, hashed as the what-if route hashes it, compiled with one sample run for both saves.
      expect(workers.warmedDrafts.get('testshire')).toBe(packHash(last.pack));
      expect(workers.samples.run).toBe(2);
    } finally {
      await workers.close();
    }
  });

  it('a warm-up asked for before a close starts no worker after it', async () => {
    const workers = new WhatIfWorkers({ workers: 2, rowsPerWorker: 10, pluginModules: [] });
    const warming = workers.warm([{ councilId: 'testshire', published, draft, sample: rows }]);
    const exits = workers.running.map((thread) => new Promise((resolve) => thread.once('exit', resolve)));
    await workers.close();
    await Promise.all(exits);
    expect(await warming).toBe(false);
    expect(workers.running).toHaveLength(0);
    expect(workers.warmed.size).toBe(0);
  });
});
