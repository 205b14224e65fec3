/**
 * What-if over many providers on worker threads: the providers are split into contiguous
 * shares, one per worker (`what-if-worker.ts`), each share compared there, and the shares'
 * reports joined into the report one thread would give (same counts, same order). The request
 * thread stays free meanwhile, and on a machine with two cores both work on one what-if. A few
 * providers are compared on the calling thread (starting work on a worker would cost more).
 * Workers start on first use, or when the server starts (`warm`, which also compiles each
 * council's published pack on every worker, and again after a publish or roll back), stay for
 * the next what-if (with their compiled packs) and do not keep the process alive while idle.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Extensions } from '../engine/index.js';
import { HttpError } from '../http-error.js';
import { COUNCIL_PLUGIN_PACKAGES } from '../seed/council-plugins.js';
import { byName, compareUnderPacks } from './compare.js';
import type { HashedPack, LatestRow, WhatIfComparison } from './compare.js';
import type { WhatIfJob, WhatIfWarm, WhatIfWorkerData, WhatIfWorkerReply } from './what-if-worker.js';

/** Workers a what-if uses at most (more than the machine's cores would only take turns). */
export const WHAT_IF_WORKERS = Math.max(1, Math.min(2, availableParallelism()));
/** Fewer providers than this per worker are compared on the calling thread instead. */
export const WHAT_IF_ROWS_PER_WORKER = 250;
/** Heap a what-if worker may use, in MB; past it the worker is stopped and the request gets 422. */
export const WHAT_IF_WORKER_MEMORY_MB = 512;
/** Seconds a worker may take to compile one pack while warming up; past it the worker is stopped (and started again on use). */
export const WHAT_IF_WARM_SECONDS = 60;

// Built JavaScript runs the worker beside this file; the TypeScript sources (under vitest) run the built one.
const WORKER_URL = existsSync(new URL('./what-if-worker.js', import.meta.url))
  ? new URL('./what-if-worker.js', import.meta.url)
  : new URL('../../dist/what-if/what-if-worker.js', import.meta.url);

/** How a pool of what-if workers is set up (every field has a default above). */
export interface WhatIfWorkersOptions {
  workers?: number;
  rowsPerWorker?: number;
  memoryMb?: number;
  /** Council plugin modules the workers load for their extensions (default: the shipped council packages). */
  pluginModules?: readonly string[];
}

/** A council's published pack to compile on every worker ahead of its first what-if. */
export interface WarmPack {
  councilId: string;
  published: HashedPack;
}

interface Pending {
  resolve: (result: WhatIfComparison | undefined) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Resolves with the councils the worker has extensions of, or undefined when it could not start. */
  ready: Promise<Set<string> | undefined>;
  pending: Map<number, Pending>;
}

/**
 * A pool of what-if workers.
 * @example
 * const report = await sharedWhatIfWorkers().compare(rows, published, draft, 'birmingham', plugin.extensions, 10);
 */
export class WhatIfWorkers {
  private readonly _options: Required<WhatIfWorkersOptions>;
  private readonly _slots: (Slot | undefined)[];
  private _nextId = 1;
  /** How many what-ifs ran on the workers and how many on the calling thread. */
  readonly done = { onWorkers: 0, onThisThread: 0 };
  /** Per council, the hash of the published pack every running worker has compiled (see `warm`). */
  readonly warmed = new Map<string, string>();
  private _warming: Promise<boolean> | undefined;

  constructor(options: WhatIfWorkersOptions = {}) {
    this._options = {
      workers: options.workers ?? WHAT_IF_WORKERS,
      rowsPerWorker: options.rowsPerWorker ?? WHAT_IF_ROWS_PER_WORKER,
      memoryMb: options.memoryMb ?? WHAT_IF_WORKER_MEMORY_MB,
      pluginModules: options.pluginModules ?? COUNCIL_PLUGIN_PACKAGES,
    };
    this._slots = new Array<Slot | undefined>(this._options.workers).fill(undefined);
  }

  /** The most workers one what-if uses. */
  get size(): number {
    return this._options.workers;
  }

  /**
   * Compares every row under the two packs, as `compareUnderPacks` does, on the workers. A job
   * still running after `seconds` stops its worker and fails with 422 (too large). When the
   * workers cannot start or lack the council's extensions, the calling thread does the work.
   * Each worker keeps its providers' assessments and determinations under the published pack for the next
   * what-if against the same published version (`remember: false` neither keeps nor uses them).
   */
  async compare(
    rows: readonly LatestRow[],
    published: HashedPack,
    draft: HashedPack,
    councilId: string,
    extensions: Extensions | undefined,
    seconds: number,
    { remember = true }: { remember?: boolean } = {},
  ): Promise<WhatIfComparison> {
    const shares = Math.min(this._options.workers, Math.floor(rows.length / this._options.rowsPerWorker));
    const slots = this._slots.slice(0, shares).map((_, i) => this._slot(i));
    const readies = await Promise.all(slots.map((s) => s.ready));
    if (shares === 0 || readies.some((councils) => !councils || (extensions !== undefined && !councils.has(councilId)))) {
      this.done.onThisThread++;
      return compareUnderPacks(rows, published, draft, extensions);
    }
    this.done.onWorkers++;
    const size = Math.ceil(rows.length / slots.length);
    const parts = await Promise.all(
      slots.map((slot, i) => this._run(slot, {
        id: this._nextId++,
        councilId,
        expectsExtensions: extensions !== undefined,
        rows: rows.slice(i * size, (i + 1) * size),
        published,
        draft,
        remember,
      }, seconds) as Promise<WhatIfComparison>),
    );
    return joined(rows.length, parts);
  }

  /** The last warm-up asked for (undefined when none was): resolves once it is over (see `warm`). */
  get warming(): Promise<boolean> | undefined {
    return this._warming;
  }

  /**
   * Starts every worker and compiles each council's published pack on each of them, so the
   * council's first what-if neither waits for workers to start nor compiles its published pack.
   * Warm-ups run one after another. Resolves true when every worker compiled every pack, false
   * otherwise (a worker that cannot start, a pack that does not compile); never rejects: what
   * is not warmed is done on first use, as without warming.
   */
  warm(packs: readonly WarmPack[]): Promise<boolean> {
    const next = (this._warming ?? Promise.resolve(true)).then(() => this._warmNow(packs));
    this._warming = next;
    return next;
  }

  /**
   * After a publish or roll back: compiles the council's new published pack on every worker, in
   * the background, when the pool was warmed before (a pool never warmed starts on first use).
   */
  rewarm(councilId: string, published: HashedPack): void {
    if (this._warming) void this.warm([{ councilId, published }]);
  }

  private async _warmNow(packs: readonly WarmPack[]): Promise<boolean> {
    let slots: Slot[];
    try {
      slots = this._slots.map((_, i) => this._slot(i));
    } catch {
      return false;
    }
    const readies = await Promise.all(slots.map((s) => s.ready));
    if (readies.some((councils) => !councils)) return false;
    let all = true;
    for (const { councilId, published } of packs) {
      const compiled = await Promise.allSettled(slots.map((slot) => {
        const warm: WhatIfWarm = { id: this._nextId++, warm: true, councilId, published };
        return this._run(slot, warm, WHAT_IF_WARM_SECONDS);
      }));
      if (compiled.every((c) => c.status === 'fulfilled')) this.warmed.set(councilId, published.hash);
      else {
        this.warmed.delete(councilId);
        all = false;
      }
    }
    return all;
  }

  /** Stops every worker; jobs not finished fail. */
  async close(): Promise<void> {
    await Promise.all(this._slots.map(async (slot, i) => {
      if (!slot) return;
      this._slots[i] = undefined;
      for (const p of slot.pending.values()) p.reject(new Error('The what-if workers were closed'));
      await slot.worker.terminate();
    }));
  }

  private _slot(i: number): Slot {
    const existing = this._slots[i];
    if (existing) return existing;
    const workerData: WhatIfWorkerData = { pluginModules: this._options.pluginModules };
    const worker = new Worker(WORKER_URL, { workerData, resourceLimits: { maxOldGenerationSizeMb: this._options.memoryMb } });
    const pending = new Map<number, Pending>();
    let started: (councils: Set<string> | undefined) => void = () => undefined;
    const slot: Slot = { worker, pending, ready: new Promise((resolve) => { started = resolve; }) };
    this._slots[i] = slot;
    // A slot whose worker is gone is replaced on the next what-if; its jobs fail with `error`.
    const gone = (error: Error) => {
      if (this._slots[i] === slot) this._slots[i] = undefined;
      // Its replacement starts with nothing compiled.
      this.warmed.clear();
      started(undefined);
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    };
    worker.on('message', (reply: WhatIfWorkerReply) => {
      if ('ready' in reply) {
        worker.unref();
        if (reply.ready) started(new Set(reply.extensionsOf));
        else { gone(new Error(`A what-if worker could not start: ${reply.message}`)); void worker.terminate(); }
        return;
      }
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      if (pending.size === 0) worker.unref();
      if (reply.ok) job.resolve(reply.result);
      else job.reject(Object.assign(new Error(reply.message), { name: reply.name }));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      gone(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLarge(`within the memory budget of ${this._options.memoryMb} MB`) : new Error(`A what-if worker failed: ${error.message}`));
    });
    worker.on('exit', (code) => gone(new Error(`A what-if worker stopped (exit code ${code})`)));
    return slot;
  }

  private _run(slot: Slot, job: WhatIfJob | WhatIfWarm, seconds: number): Promise<WhatIfComparison | undefined> {
    return new Promise<WhatIfComparison | undefined>((resolve, reject) => {
      const deadline = setTimeout(() => {
        slot.pending.get(job.id)?.reject(tooLarge(`within ${seconds} s`));
        slot.pending.delete(job.id);
        void slot.worker.terminate();
      }, seconds * 1000);
      deadline.unref();
      slot.pending.set(job.id, {
        resolve: (result) => { clearTimeout(deadline); resolve(result); },
        reject: (error) => { clearTimeout(deadline); reject(error); },
      });
      slot.worker.ref();
      slot.worker.postMessage(job);
    });
  }
}

/** The shares' reports as one: counts added, headline counts in order of first appearance, changed providers by name, errors in row order. */
function joined(providers: number, parts: readonly WhatIfComparison[]): WhatIfComparison {
  const report: WhatIfComparison = { providers, before: {}, after: {}, changed: [], unchanged: 0, errors: [] };
  for (const part of parts) {
    for (const [key, n] of Object.entries(part.before)) report.before[key] = (report.before[key] ?? 0) + n;
    for (const [key, n] of Object.entries(part.after)) report.after[key] = (report.after[key] ?? 0) + n;
    for (const change of part.changed) report.changed.push(change);
    for (const error of part.errors) report.errors.push(error);
    report.unchanged += part.unchanged;
  }
  // Each share is sorted by name and the shares follow the rows: a stable sort keeps one thread's order.
  if (parts.length > 1) report.changed.sort(byName);
  return report;
}

function tooLarge(budget: string): HttpError {
  const message = `What-if over this council's providers did not finish ${budget}`;
  return new HttpError(422, 'too-large', message, { details: [{ pointer: '', message: `too large to compare ${budget}` }] });
}

let shared: WhatIfWorkers | undefined;

/** The process's pool of what-if workers (started on first use). */
export function sharedWhatIfWorkers(): WhatIfWorkers {
  shared ??= new WhatIfWorkers();
  return shared;
}
