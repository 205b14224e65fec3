/**
 * The pack worker: a `node:worker_threads` worker that validates, analyses, runs the cases
 * and measures the boundary coverage of packs off the request thread (see `pack-jobs.ts`, which starts it, gives it a deadline and
 * replaces it when it runs over). It loads the council plugin modules it is given, so it has
 * their extensions (custom facts and operators, which cannot be sent between threads).
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import * as engine from '@openqaf/engine';
import type { CouncilPlugin, Extensions } from '@openqaf/engine';
import { validatePack } from './index.js';
import { boundaryCoverageWithShippedReasons } from './boundary-coverage-job.js';
import type { ShippedReasons } from './boundary-coverage-job.js';

/** The content of a `boundaries` job: a valid pack, and the reasons its council's package records for sides left untested. */
export interface BoundaryJob {
  pack: engine.Pack;
  shipped?: ShippedReasons;
}

/** The work a pack job does. */
export type PackJobKind = 'validate' | 'analyse' | 'cases' | 'boundaries';

/** What the request thread sends the worker. */
export interface PackJobMessage {
  id: number;
  kind: PackJobKind;
  councilId: string;
  /** True when the council's plugin has extensions: the worker refuses to work without them. */
  expectsExtensions: boolean;
  /** Pack content (`validate`), a pack already valid (`analyse`, `cases`), or one with its council's shipped reasons (`boundaries`, a {@link BoundaryJob}). */
  content: unknown;
}

/** What the worker sends back: once `ready` (or why it could not start), then one reply per job. */
export type PackWorkerReply =
  | { ready: true }
  | { ready: false; message: string }
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; name: string; message: string };

/** What the worker is started with. */
export interface PackWorkerData {
  /** Council plugin modules to import for their extensions (package names or file URLs). */
  pluginModules: readonly string[];
  /** Niceness of the worker's thread (Linux), so pack work yields the cores to requests. */
  niceness: number;
}

async function loadExtensions(modules: readonly string[]): Promise<Map<string, Extensions>> {
  const byCouncil = new Map<string, Extensions>();
  for (const name of modules) {
    const plugin = ((await import(name)) as { default?: CouncilPlugin }).default;
    if (plugin?.extensions) byCouncil.set(plugin.id, plugin.extensions);
  }
  return byCouncil;
}

function run(job: PackJobMessage, extensionsByCouncil: Map<string, Extensions>): unknown {
  const extensions = extensionsByCouncil.get(job.councilId);
  if (job.expectsExtensions && !extensions) {
    throw new Error(`The pack worker has no extensions for council "${job.councilId}": give its plugin module to PackJobs (pluginModules)`);
  }
  // The server's validation: the engine's, plus plugin facts and operators the council lacks.
  if (job.kind === 'validate') return validatePack(job.content, extensions);
  if (job.kind === 'boundaries') {
    const { pack, shipped } = job.content as BoundaryJob;
    return boundaryCoverageWithShippedReasons(pack, shipped, extensions);
  }
  const compiled = engine.compilePack(job.content as engine.Pack, { extensions });
  return job.kind === 'analyse' ? engine.analyse(compiled) : engine.runCases(compiled);
}

if (parentPort) {
  const port = parentPort;
  const data = workerData as PackWorkerData;
  // On Linux a thread has its own niceness, so this lowers the worker alone (elsewhere it
  // would lower the whole process, so it is left as it is).
  if (process.platform === 'linux' && data.niceness) setPriority(data.niceness);
  try {
    const extensionsByCouncil = await loadExtensions(data.pluginModules);
    // The pack schema is compiled on first use: done here, so no job's deadline pays for it.
    engine.validatePack({});
    port.on('message', (job: PackJobMessage) => {
      let reply: PackWorkerReply;
      try {
        reply = { id: job.id, ok: true, result: run(job, extensionsByCouncil) };
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        reply = { id: job.id, ok: false, name: e.name, message: e.message };
      }
      port.postMessage(reply satisfies PackWorkerReply);
    });
    port.postMessage({ ready: true } satisfies PackWorkerReply);
  } catch (error) {
    port.postMessage({ ready: false, message: (error as Error).message } satisfies PackWorkerReply);
  }
}
