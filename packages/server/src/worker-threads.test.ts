import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { liveWorkerThreads, startWorkerThread, stopWorkerThread, workerThreadsStopped } from './worker-threads.js';

/** A thread that runs until stopped. */
const IDLE = new URL(`data:text/javascript,${encodeURIComponent('setInterval(() => undefined, 1000);')}`);
/** A thread that ends by itself at once. */
const DONE = new URL(`data:text/javascript,${encodeURIComponent('')}`);

describe('worker threads', () => {
  it('counts a thread from its start to its exit, and waits for one asked to stop without waiting', async () => {
    const before = liveWorkerThreads();
    const worker = startWorkerThread(IDLE, {});
    await once(worker, 'online');
    expect(liveWorkerThreads()).toBe(before + 1);
    void stopWorkerThread(worker);
    await workerThreadsStopped();
    expect(liveWorkerThreads()).toBe(before);
  });

  it('stops counting a thread that ends by itself', async () => {
    const before = liveWorkerThreads();
    const worker = startWorkerThread(DONE, {});
    expect(liveWorkerThreads()).toBe(before + 1);
    await once(worker, 'exit');
    expect(liveWorkerThreads()).toBe(before);
  });
});
