/**
 * The worker threads this process's pools start (pack jobs, what-if), counted from start to exit,
 * so that a test file can check it left none running (`what-if/no-threads-left.test-helpers.ts`).
 */
import { Worker } from 'node:worker_threads';
import type { WorkerOptions } from 'node:worker_threads';

const live = new Set<Worker>();
const stopping = new Set<Promise<unknown>>();

/** Starts a worker thread; it counts as live until its `exit` event. */
export function startWorkerThread(url: URL, options: WorkerOptions): Worker {
  const worker = new Worker(url, options);
  live.add(worker);
  worker.once('exit', () => live.delete(worker));
  return worker;
}

/**
 * Stops a worker thread; {@link workerThreadsStopped} waits for it even where the caller does not.
 * @returns the thread's exit code once it has exited.
 */
export function stopWorkerThread(worker: Worker): Promise<number> {
  const stopped = worker.terminate();
  stopping.add(stopped);
  void stopped.finally(() => stopping.delete(stopped));
  return stopped;
}

/** Resolves once every thread asked to stop has exited. */
export async function workerThreadsStopped(): Promise<void> {
  while (stopping.size > 0) await Promise.allSettled([...stopping]);
}

/** How many worker threads were started and have not exited. */
export function liveWorkerThreads(): number {
  return live.size;
}
