/**
 * Vitest setup file: at the end of each test file, the process's shared pack workers are closed
 * and no worker thread may be left running (what-if workers of an app not closed, a pool of pack
 * workers a test started and did not close). Threads asked to stop are waited for first.
 */
import { afterAll, expect } from 'vitest';
import { closeSharedPackJobs } from '../engine/pack-jobs.js';
import { liveWorkerThreads, workerThreadsStopped } from '../worker-threads.js';

afterAll(async () => {
  await closeSharedPackJobs();
  await workerThreadsStopped();
  expect(liveWorkerThreads(), 'worker threads left running at the end of the file: close the apps (TestApp.dispose, App.close), servers and pools it started').toBe(0);
});
