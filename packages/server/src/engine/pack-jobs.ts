/**
 * Pack work (validation, compilation, analysis, cases, boundary coverage) off the request thread: a small pool of
 * `pack-worker.ts` workers with a bounded queue and a deadline. Past the deadline the worker is
 * terminated and replaced and the request gets 422 "too large to analyse within 10 s"; with
 * the queue full, 503. Requests that need no pack work (`/api/health`, evaluations) never wait
 * for it.
 */
import { existsSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import type { AnalysisReport, CaseRun, Extensions, PackValidation } from './index.js';
import type { BoundaryJob, PackJobKind, PackJobMessage, PackWorkerData, PackWorkerReply } from './pack-worker.js';
import type { BoundaryCoverageResult } from './boundary-coverage-job.js';
import { HttpError } from '../http-error.js';
import { AnalysisMemo } from './analysis-memo.js';
import { ValidationMemo } from './validation-memo.js';
import { COUNCIL_PLUGIN_PACKAGES } from '../seed/council-plugins.js';
import { startWorkerThread, stopWorkerThread } from '../worker-threads.js';

/** Workers doing pack work at once per server (the rest of the server keeps the other cores). */
export const PACK_WORKERS = 1;
/** Pack jobs that may wait for a worker; one more is refused with 503. */
export const PACK_JOB_QUEUE_LIMIT = 8;
/** Seconds a pack job may run (and, at most, wait) before it is stopped (`QAF_PACK_JOB_SECONDS`). */
export const DEFAULT_PACK_JOB_SECONDS = 10;
/** Heap a pack worker may use, in MB; past it the worker is stopped and the request gets 422. */
export const PACK_WORKER_MEMORY_MB = 512;
/** Niceness of a pack worker's thread on Linux (0-19): long pack work yields the cores to requests. */
export const PACK_WORKER_NICENESS = 10;

/** How a pool of pack workers is set up (every field has a default above). */
export interface PackJobsOptions {
  /** Deadline of one job, in seconds (fractions allowed). */
  seconds?: number;
  /** Longest a job may wait for a worker (including a worker starting), in seconds; default `seconds`. */
  waitSeconds?: number;
  niceness?: number;
  workers?: number;
  queueLimit?: number;
  memoryMb?: number;
  /** Council plugin modules the workers load for their extensions (default: the shipped council packages). */
  pluginModules?: readonly string[];
  /** The clock of deadlines and waits (default the process's timers); a test gives one it fires itself. */
  timers?: PackJobTimers;
}

/** Sets and clears the timers of deadlines and waits (`setTimeout` and `clearTimeout` by default). */
export interface PackJobTimers {
  setTimeout(fire: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

const PROCESS_TIMERS: PackJobTimers = {
  setTimeout: (fire, ms) => setTimeout(fire, ms),
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout | undefined),
};

const VERBS: Record<PackJobKind, string> = { validate: 'validate', analyse: 'analyse', cases: 'run the cases of', boundaries: 'measure the boundary coverage of' };

// Built JavaScript runs the worker beside this file; the TypeScript sources (under vitest) run
// the built one, which `pnpm test` builds first.
const WORKER_URL = existsSync(new URL('./pack-worker.js', import.meta.url))
  ? new URL('./pack-worker.js', import.meta.url)
  : new URL('../../dist/engine/pack-worker.js', import.meta.url);

interface Job {
  message: PackJobMessage;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  waiting?: unknown;
}

interface Slot {
  worker?: Worker;
  ready: boolean;
  job?: Job;
  deadline?: unknown;
}

/**
 * A pool of pack workers. Each job gets `seconds` to run once a worker takes it (and may wait
 * as long for one); a worker that runs over or out of memory is terminated and replaced.
 * Workers run at a lower priority than the request thread (Linux), so requests come first.
 * Workers start on first use and do not keep the process alive while idle.
 * @example
 * const jobs = new PackJobs({ seconds: 10 });
 * const report = await jobs.analyse(pack, 'birmingham', plugin.extensions);
 * @see ../../../../docs/deployment.md
 */
export class PackJobs {
  readonly seconds: number;
  private readonly _options: Required<Omit<PackJobsOptions, 'seconds'>>;
  private readonly _slots: Slot[];
  private readonly _queue: Job[] = [];
  private _nextId = 1;
  private _closed = false;
  /** Analyses by content hash: a content's analysis never changes (see analysis-memo.ts). */
  private readonly _analyses = new AnalysisMemo();
  /** Validations by content hash: a content's validation never changes (see validation-memo.ts). */
  private readonly _validations = new ValidationMemo();

  constructor(options: PackJobsOptions = {}) {
    this.seconds = options.seconds ?? DEFAULT_PACK_JOB_SECONDS;
    this._options = {
      workers: options.workers ?? PACK_WORKERS,
      queueLimit: options.queueLimit ?? PACK_JOB_QUEUE_LIMIT,
      memoryMb: options.memoryMb ?? PACK_WORKER_MEMORY_MB,
      waitSeconds: options.waitSeconds ?? this.seconds,
      niceness: options.niceness ?? PACK_WORKER_NICENESS,
      pluginModules: options.pluginModules ?? COUNCIL_PLUGIN_PACKAGES,
      timers: options.timers ?? PROCESS_TIMERS,
    };
    this._slots = Array.from({ length: this._options.workers }, () => ({ ready: false }));
  }

  /**
   * Validates pack content (schema and meaning checks) with the council's extensions; a content
   * validated before (the draft as saved) is answered from memory without a worker.
   */
  validate(content: unknown, councilId: string, extensions?: Extensions): Promise<PackValidation> {
    return this._validations.get(content, councilId, extensions !== undefined, () => this._run('validate', content, councilId, extensions) as Promise<PackValidation>);
  }

  /**
   * Compiles and analyses a valid pack; a content analysed before (a published version, an
   * unchanged draft) is answered from memory without a worker.
   */
  analyse(pack: unknown, councilId: string, extensions?: Extensions): Promise<AnalysisReport> {
    return this._analyses.get(pack, councilId, extensions !== undefined, () => this._run('analyse', pack, councilId, extensions) as Promise<AnalysisReport>);
  }

  /** Compiles a valid pack and runs its own cases. */
  cases(pack: unknown, councilId: string, extensions?: Extensions): Promise<CaseRun> {
    return this._run('cases', pack, councilId, extensions) as Promise<CaseRun>;
  }

  /**
   * Compiles a valid pack and measures which sides of its thresholds its own cases test, with
   * the reasons its council's package records for sides left untested (see boundary-coverage-job.ts).
   */
  boundaries(job: BoundaryJob, councilId: string, extensions?: Extensions): Promise<BoundaryCoverageResult> {
    return this._run('boundaries', job, councilId, extensions) as Promise<BoundaryCoverageResult>;
  }

  /** Starts the workers now rather than on the first job (a server does this as it starts). */
  warm(): void {
    if (this._closed) return;
    for (const slot of this._slots) if (!slot.worker) this._start(slot);
  }

  /** Stops every worker; jobs not finished are refused with 503. */
  async close(): Promise<void> {
    this._closed = true;
    for (const job of this._queue.splice(0)) { this._options.timers.clearTimeout(job.waiting); job.reject(busy('the server is shutting down')); }
    await Promise.all(this._slots.map(async (slot) => {
      const { worker, job } = slot;
      this._free(slot);
      slot.worker = undefined;
      job?.reject(busy('the server is shutting down'));
      if (worker) await stopWorkerThread(worker);
    }));
  }

  private _run(kind: PackJobKind, content: unknown, councilId: string, extensions: Extensions | undefined): Promise<unknown> {
    if (this._closed) return Promise.reject(busy('the server is shutting down'));
    if (this._queue.length >= this._options.queueLimit) {
      return Promise.reject(busy(`${this._queue.length} pack jobs are waiting already`));
    }
    return new Promise((resolve, reject) => {
      const message: PackJobMessage = { id: this._nextId++, kind, councilId, expectsExtensions: extensions !== undefined, content };
      const job: Job = { message, resolve, reject };
      job.waiting = this._options.timers.setTimeout(() => {
        const at = this._queue.indexOf(job);
        if (at >= 0) this._queue.splice(at, 1);
        reject(busy(`no pack worker was free within ${this._options.waitSeconds} s`));
      }, this._options.waitSeconds * 1000);
      this._queue.push(job);
      this._pump();
    });
  }

  /** Gives waiting jobs to idle workers, starting workers where there are none. */
  private _pump(): void {
    for (const slot of this._slots) {
      if (this._queue.length === 0) return;
      if (!slot.worker) this._start(slot);
      else if (slot.ready && !slot.job) this._dispatch(slot, this._queue.shift()!);
    }
  }

  private _start(slot: Slot): void {
    const workerData: PackWorkerData = { pluginModules: this._options.pluginModules, niceness: this._options.niceness };
    const worker = startWorkerThread(WORKER_URL, { workerData, resourceLimits: { maxOldGenerationSizeMb: this._options.memoryMb } });
    slot.worker = worker;
    slot.ready = false;
    // Events of a worker already replaced are ignored.
    worker.on('message', (reply: PackWorkerReply) => { if (slot.worker === worker) this._reply(slot, reply); });
    worker.on('error', (error: Error & { code?: string }) => {
      if (slot.worker !== worker) return;
      this._fail(slot, error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? (kind, councilId) => tooLarge(kind, councilId, `within the memory budget of ${this._options.memoryMb} MB`)
        : () => new Error(`The pack worker failed: ${error.message}`));
    });
    worker.on('exit', (code) => {
      if (slot.worker === worker) this._fail(slot, () => new Error(`The pack worker stopped (exit code ${code})`));
    });
  }

  private _dispatch(slot: Slot, job: Job): void {
    this._options.timers.clearTimeout(job.waiting);
    slot.job = job;
    slot.worker!.ref();
    slot.deadline = this._options.timers.setTimeout(() => {
      const worker = slot.worker;
      this._fail(slot, (kind, councilId) => tooLarge(kind, councilId, `within ${this.seconds} s`));
      if (worker) void stopWorkerThread(worker);
    }, this.seconds * 1000);
    slot.worker!.postMessage(job.message);
  }

  private _reply(slot: Slot, reply: PackWorkerReply): void {
    if ('ready' in reply) {
      if (reply.ready) { slot.ready = true; slot.worker!.unref(); this._pump(); return; }
      // A worker that cannot start (a plugin module failed to load) fails the jobs waiting for it.
      const worker = slot.worker;
      slot.worker = undefined;
      if (worker) void stopWorkerThread(worker);
      for (const job of this._queue.splice(0)) { this._options.timers.clearTimeout(job.waiting); job.reject(new Error(`The pack worker could not start: ${reply.message}`)); }
      return;
    }
    const job = slot.job;
    if (!job || job.message.id !== reply.id) return;
    this._free(slot);
    if (reply.ok) job.resolve(reply.result);
    else job.reject(Object.assign(new Error(reply.message), { name: reply.name }));
    this._pump();
  }

  /** The worker of `slot` is gone: its job fails with `error`, and waiting jobs get a new worker. */
  private _fail(slot: Slot, error: (kind: PackJobKind, councilId: string) => Error): void {
    const job = slot.job;
    this._free(slot);
    slot.worker = undefined;
    if (job) job.reject(error(job.message.kind, job.message.councilId));
    if (!this._closed) this._pump();
  }

  private _free(slot: Slot): void {
    this._options.timers.clearTimeout(slot.deadline);
    slot.deadline = undefined;
    slot.job = undefined;
    slot.worker?.unref();
  }
}

function tooLarge(kind: PackJobKind, councilId: string, budget: string): HttpError {
  const message = `The pack of council "${councilId}" is too large to ${VERBS[kind]} ${budget}`;
  return new HttpError(422, 'too-large', message, { details: [{ pointer: '', message: `too large to ${VERBS[kind]} ${budget}` }] });
}

function busy(why: string): HttpError {
  return new HttpError(503, 'busy', `The server is busy with pack work (${why}); try again shortly`, { headers: { 'Retry-After': '5' } });
}

let shared: PackJobs | undefined;

/**
 * The process's default pool (started on first use), for apps not given one. Its deadline is
 * `QAF_PACK_JOB_SECONDS` when set (as the server's configuration reads it), else the default:
 * the test suite sets it long, so a loaded machine makes pack work slower, never a 503.
 */
export function sharedPackJobs(): PackJobs {
  const seconds = Number(process.env.QAF_PACK_JOB_SECONDS);
  shared ??= new PackJobs(Number.isFinite(seconds) && seconds >= 1 ? { seconds } : {});
  return shared;
}

/** Closes the process's default pool, if started; the next `sharedPackJobs()` starts a new one. */
export async function closeSharedPackJobs(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
