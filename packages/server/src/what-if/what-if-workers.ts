/**
 * What-if over many providers on worker threads: the providers are split into contiguous
 * shares, one per worker (`what-if-worker.ts`), each share compared there, and the shares'
 * reports joined into the report one thread would give (same counts, same order). The request
 * thread stays free meanwhile, and on a machine with two cores both work on one what-if. A few
 * providers are compared on the calling thread (starting work on a worker would cost more).
 * Workers start on first use, or when the server starts (`warm`, which also compiles each
 * council's published pack and draft on every worker and runs a few of its stored assessments
 * through them so the JIT is warm; again after a publish, a roll back or a draft save, and for a
 * worker that replaces one that died), stay for the next what-if (with their compiled packs)
 * and do not keep the process alive while idle. A warm-up gives way to a real what-if.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { packHash } from '../engine/index.js';
import type { Extensions, Pack } from '../engine/index.js';
import { HttpError } from '../http-error.js';
import { COUNCIL_PLUGIN_PACKAGES } from '../seed/council-plugins.js';
import { startWorkerThread, stopWorkerThread } from '../worker-threads.js';
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
/** Stored assessments a warm-up compares on each worker (nothing kept), so its first what-if runs JIT-compiled code. */
export const WHAT_IF_WARM_SAMPLE = 300;
/** Assessments per warm-up message: a real what-if waits at most for one such share to finish on a worker. */
export const WHAT_IF_WARM_SHARE = 25;
/** Milliseconds after a draft save before the draft is compiled on the workers (later saves meanwhile are compiled once). */
export const WHAT_IF_DRAFT_WARM_DELAY_MS = 500;

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
  /** Milliseconds from a draft save to compiling the draft on the workers (default `WHAT_IF_DRAFT_WARM_DELAY_MS`). */
  draftWarmDelayMs?: number;
}

/** A council's packs to compile on every worker ahead of its first what-if, and assessments to run through them. */
export interface WarmPack {
  councilId: string;
  published: HashedPack;
  /** The council's draft as validated (the what-if route compiles that, under its `packHash`). */
  draft?: HashedPack;
  /** A few stored assessments compared under both packs on each worker, nothing kept, to warm the JIT. */
  sample?: readonly LatestRow[];
}

interface Pending {
  resolve: (result: WhatIfComparison | undefined) => void;
  reject: (error: Error) => void;
}

/** When a warm-up was asked for: the pool's closes and what-ifs started until then. */
interface Asked {
  generation: number;
  started: number;
}

interface Slot {
  worker: Worker;
  /** Resolves with the councils the worker has extensions of, or undefined when it could not start. */
  ready: Promise<Set<string> | undefined>;
  pending: Map<number, Pending>;
  /** The worker stopped or failed: jobs sent to it fail at once. */
  gone?: Error;
  /** Stopped over a warm-up's deadline: not warmed again on its own (it would only be stopped again). */
  stoppedWarming?: boolean;
}

/**
 * A pool of what-if workers.
 * @example
 * const report = await new WhatIfWorkers().compare(rows, published, draft, 'birmingham', plugin.extensions, 10);
 */
export class WhatIfWorkers {
  private readonly _options: Required<WhatIfWorkersOptions>;
  private readonly _slots: (Slot | undefined)[];
  private _nextId = 1;
  /** How many what-ifs ran on the workers and how many on the calling thread. */
  readonly done = { onWorkers: 0, onThisThread: 0 };
  /** Per council, the hash of the published pack every running worker has compiled (see `warm`). */
  readonly warmed = new Map<string, string>();
  /** Per council, the hash of the draft every running worker has compiled (see `warm`). */
  readonly warmedDrafts = new Map<string, string>();
  /** Warm-up runs of stored assessments: finished on every worker, or given up for a real what-if. */
  readonly samples = { run: 0, gaveWay: 0 };
  private _warming: Promise<boolean> | undefined;
  /** Per council, what the last warm-up asked for: a worker that replaces one that died is warmed with it. */
  private readonly _wanted = new Map<string, WarmPack>();
  /** Drafts saved and not yet compiled on the workers (see `rewarmDraft`). */
  private readonly _savedDrafts = new Map<string, Pack>();
  private _draftsDue = false;
  /** What-ifs running on the workers, and how many ever started (a warm-up gives way to them). */
  private _running = 0;
  private _started = 0;
  private _idle: (() => void)[] = [];
  /** Counts closes: a warm-up begun before a close stops there and starts no worker. */
  private _generation = 0;

  constructor(options: WhatIfWorkersOptions = {}) {
    this._options = {
      workers: options.workers ?? WHAT_IF_WORKERS,
      rowsPerWorker: options.rowsPerWorker ?? WHAT_IF_ROWS_PER_WORKER,
      memoryMb: options.memoryMb ?? WHAT_IF_WORKER_MEMORY_MB,
      pluginModules: options.pluginModules ?? COUNCIL_PLUGIN_PACKAGES,
      draftWarmDelayMs: options.draftWarmDelayMs ?? WHAT_IF_DRAFT_WARM_DELAY_MS,
    };
    this._slots = new Array<Slot | undefined>(this._options.workers).fill(undefined);
  }

  /** The most workers one what-if uses. */
  get size(): number {
    return this._options.workers;
  }

  /** The worker threads started and not stopped (none once closed). */
  get running(): Worker[] {
    return this._slots.flatMap((slot) => (slot ? [slot.worker] : []));
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
    if (shares === 0) {
      this.done.onThisThread++;
      return compareUnderPacks(rows, published, draft, extensions);
    }
    this._running++;
    this._started++;
    try {
      const slots = this._slots.slice(0, shares).map((_, i) => this._slot(i));
      const readies = await Promise.all(slots.map((s) => s.ready));
      if (readies.some((councils) => !councils || (extensions !== undefined && !councils.has(councilId)))) {
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
    } finally {
      if (--this._running === 0) for (const wake of this._idle.splice(0)) wake();
    }
  }

  /** The last warm-up asked for (undefined when none was): resolves once it is over (see `warm`). */
  get warming(): Promise<boolean> | undefined {
    return this._warming;
  }

  /**
   * Starts every worker and, on each of them, compiles each council's published pack and draft
   * and compares its sample assessments (nothing kept), so the council's first what-if neither
   * waits for workers to start, nor compiles a pack, nor runs code the JIT has not compiled yet.
   * Warm-ups run one after another, in the background: each step waits while a real what-if
   * runs, and a sample run is given up once one starts. Resolves true when every worker compiled
   * every pack, false otherwise (a worker that cannot start, a pack that does not compile); never
   * rejects: what is not warmed is done on first use, as without warming.
   */
  warm(packs: readonly WarmPack[]): Promise<boolean> {
    for (const pack of packs) this._wanted.set(pack.councilId, { ...this._wanted.get(pack.councilId), ...pack });
    const asked = this._asked();
    return this._then(() => this._warmNow(packs, asked));
  }

  /**
   * After a publish or roll back: compiles the council's new published pack on every worker, in
   * the background, when the pool was warmed before (a pool never warmed starts on first use).
   * The draft is then the published pack (publishing and rolling back reset it).
   */
  rewarm(councilId: string, published: HashedPack): void {
    if (this._warming) void this.warm([{ councilId, published, draft: published }]);
  }

  /**
   * After a draft save: compiles the saved draft (as validated, hashed as the what-if route
   * hashes it) on every worker, in the background, `draftWarmDelayMs` later (of saves meanwhile
   * only each council's last is compiled), when the pool was warmed with the council's packs before.
   */
  rewarmDraft(councilId: string, draft: Pack): void {
    if (!this._warming || !this._wanted.has(councilId)) return;
    this._savedDrafts.set(councilId, draft);
    if (this._draftsDue) return;
    this._draftsDue = true;
    const asked = this._asked();
    this._then(async () => {
      await new Promise<void>((resolve) => setTimeout(resolve, this._options.draftWarmDelayMs).unref());
      this._draftsDue = false;
      const packs = [...this._savedDrafts].flatMap(([id, saved]) => {
        const wanted = this._wanted.get(id);
        return wanted ? [{ ...wanted, draft: { pack: saved, hash: packHash(saved) } }] : [];
      });
      this._savedDrafts.clear();
      for (const pack of packs) this._wanted.set(pack.councilId, pack);
      return this._warmNow(packs, asked);
    });
  }

  /** When a warm-up is asked for: it stops at a close after it, and its sample gives way to a what-if started after it. */
  private _asked(): Asked {
    return { generation: this._generation, started: this._started };
  }

  /** Runs `step` after the warm-ups asked for before it. */
  private _then(step: () => Promise<boolean>): Promise<boolean> {
    const next = (this._warming ?? Promise.resolve(true)).then(step);
    this._warming = next;
    return next;
  }

  /** Resolves once no what-if runs on the workers. */
  private _whenIdle(): Promise<void> {
    return this._running === 0 ? Promise.resolve() : new Promise((resolve) => this._idle.push(resolve));
  }

  /** Every worker, started if need be and ready; undefined when one cannot start or the pool was closed since `generation`. */
  private async _readySlots(generation: number): Promise<Slot[] | undefined> {
    await this._whenIdle();
    if (generation !== this._generation) return undefined;
    let slots: Slot[];
    try {
      slots = this._slots.map((_, i) => this._slot(i));
    } catch {
      return undefined;
    }
    const readies = await Promise.all(slots.map((s) => s.ready));
    return readies.every(Boolean) && generation === this._generation ? slots : undefined;
  }

  /** The same job on every worker (each its own id); true when every worker did it. */
  private async _onEvery(slots: readonly Slot[], job: (id: number) => WhatIfJob | WhatIfWarm): Promise<boolean> {
    const done = await Promise.allSettled(slots.map((slot) => this._run(slot, job(this._nextId++), WHAT_IF_WARM_SECONDS, true)));
    return done.every((d) => d.status === 'fulfilled');
  }

  private async _warmNow(packs: readonly WarmPack[], asked: Asked): Promise<boolean> {
    const { generation } = asked;
    let all = true;
    for (const { councilId, published, draft, sample } of packs) {
      let slots = await this._readySlots(generation);
      if (!slots) return false;
      if (await this._onEvery(slots, (id) => ({ id, warm: true, councilId, published }))) this.warmed.set(councilId, published.hash);
      else {
        this.warmed.delete(councilId);
        all = false;
        continue;
      }
      if (draft) {
        slots = await this._readySlots(generation);
        if (!slots) return false;
        if (await this._onEvery(slots, (id) => ({ id, warm: true, councilId, published: draft }))) this.warmedDrafts.set(councilId, draft.hash);
        else {
          this.warmedDrafts.delete(councilId);
          all = false;
          continue;
        }
      }
      if (sample && sample.length > 0 && !(await this._runSample(asked, councilId, published, draft ?? published, sample))) return false;
    }
    return all;
  }

  /**
   * Compares the sample on every worker, a few assessments per message, nothing kept; gives way
   * (false only when the pool was closed) to a real what-if started since the warm-up was asked
   * for: that what-if warmed the JIT itself.
   */
  private async _runSample({ generation, started }: Asked, councilId: string, published: HashedPack, draft: HashedPack, sample: readonly LatestRow[]): Promise<boolean> {
    const rows = sample.slice(0, WHAT_IF_WARM_SAMPLE);
    for (let from = 0; from < rows.length; from += WHAT_IF_WARM_SHARE) {
      if (generation !== this._generation) return false;
      const slots = this._running === 0 && this._started === started ? this._slots : [];
      if (slots.length === 0 || slots.some((s) => !s || s.gone)) {
        this.samples.gaveWay++;
        return true;
      }
      const share = rows.slice(from, from + WHAT_IF_WARM_SHARE);
      await this._onEvery(slots as Slot[], (id) => ({ id, councilId, expectsExtensions: false, rows: share, published, draft, remember: false }));
    }
    this.samples.run++;
    return true;
  }

  /** Stops every worker; jobs not finished fail. */
  async close(): Promise<void> {
    this._generation++;
    this._warming = undefined;
    this._wanted.clear();
    this._savedDrafts.clear();
    this._draftsDue = false;
    this.warmed.clear();
    this.warmedDrafts.clear();
    await Promise.all(this._slots.map(async (slot, i) => {
      if (!slot) return;
      this._slots[i] = undefined;
      for (const p of slot.pending.values()) p.reject(new Error('The what-if workers were closed'));
      await stopWorkerThread(slot.worker);
    }));
  }

  private _slot(i: number): Slot {
    const existing = this._slots[i];
    if (existing) return existing;
    const workerData: WhatIfWorkerData = { pluginModules: this._options.pluginModules };
    const worker = startWorkerThread(WORKER_URL, { workerData, resourceLimits: { maxOldGenerationSizeMb: this._options.memoryMb } });
    const pending = new Map<number, Pending>();
    let started: (councils: Set<string> | undefined) => void = () => undefined;
    const slot: Slot = { worker, pending, ready: new Promise((resolve) => { started = resolve; }) };
    this._slots[i] = slot;
    let wasReady = false;
    // A slot whose worker is gone is replaced at once (warmed again) when the pool was warmed, else on the next what-if; its jobs fail with `error`.
    const gone = (error: Error) => {
      slot.gone ??= error;
      started(undefined);
      for (const p of pending.values()) p.reject(error);
      pending.clear();
      if (this._slots[i] !== slot) return;
      this._slots[i] = undefined;
      // Its replacement starts with nothing compiled.
      this.warmed.clear();
      this.warmedDrafts.clear();
      // Not one that could not start (its replacement would not either) nor one stopped over a warm-up's deadline.
      if (wasReady && !slot.stoppedWarming && this._warming && this._wanted.size > 0) void this.warm([...this._wanted.values()]);
    };
    worker.on('message', (reply: WhatIfWorkerReply) => {
      if ('ready' in reply) {
        worker.unref();
        wasReady = reply.ready;
        if (reply.ready) started(new Set(reply.extensionsOf));
        else { gone(new Error(`A what-if worker could not start: ${reply.message}`)); void stopWorkerThread(worker); }
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

  private _run(slot: Slot, job: WhatIfJob | WhatIfWarm, seconds: number, warming = false): Promise<WhatIfComparison | undefined> {
    return new Promise<WhatIfComparison | undefined>((resolve, reject) => {
      if (slot.gone) {
        reject(slot.gone);
        return;
      }
      const deadline = setTimeout(() => {
        if (warming) slot.stoppedWarming = true;
        slot.pending.get(job.id)?.reject(tooLarge(`within ${seconds} s`));
        slot.pending.delete(job.id);
        void stopWorkerThread(slot.worker);
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
