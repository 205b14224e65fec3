/**
 * A what-if worker: a `node:worker_threads` worker that compares a share of the providers under
 * the published pack and a draft (`compareUnderPacks`) off the request thread (see
 * `what-if-workers.ts`, which splits the providers between workers and joins their reports). It
 * loads the council plugin modules it is given, so it has their extensions (custom facts and
 * operators, which cannot be sent between threads). Compiled packs stay cached between jobs,
 * and a council's published pack can be compiled ahead of its first what-if (a `WhatIfWarm`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compile } from '../engine/index.js';
import type { CouncilPlugin, Extensions } from '../engine/index.js';
import { compareUnderPacks, PublishedMemo } from './compare.js';
import type { HashedPack, LatestRow, WhatIfComparison } from './compare.js';

/** One share of a what-if: its providers' latest assessments and the two packs. */
export interface WhatIfJob {
  id: number;
  councilId: string;
  /** True when the council's plugin has extensions: the worker must have them. */
  expectsExtensions: boolean;
  rows: readonly LatestRow[];
  published: HashedPack;
  draft: HashedPack;
  /** Keep determinations under the published pack for the next what-if, and use those kept (default). */
  remember: boolean;
}

/** Compile a council's published pack now, so the council's first what-if finds it compiled. */
export interface WhatIfWarm {
  id: number;
  warm: true;
  councilId: string;
  published: HashedPack;
}

/** What the worker sends back: once `ready` (with the councils it has extensions of), then one reply per job or warm-up. */
export type WhatIfWorkerReply =
  | { ready: true; extensionsOf: string[] }
  | { ready: false; message: string }
  | { id: number; ok: true; result?: WhatIfComparison }
  | { id: number; ok: false; name: string; message: string };

/** What the worker is started with: council plugin modules to import for their extensions. */
export interface WhatIfWorkerData {
  pluginModules: readonly string[];
}

if (parentPort) {
  const port = parentPort;
  const data = workerData as WhatIfWorkerData;
  try {
    const extensionsByCouncil = new Map<string, Extensions>();
    for (const name of data.pluginModules) {
      const plugin = ((await import(name)) as { default?: CouncilPlugin }).default;
      if (plugin?.extensions) extensionsByCouncil.set(plugin.id, plugin.extensions);
    }
    // Per council, the determinations under its published pack from the last what-if.
    const memos = new Map<string, PublishedMemo>();
    const memoOf = (job: WhatIfJob): PublishedMemo | undefined => {
      if (!job.remember) return undefined;
      const memo = memos.get(job.councilId);
      const same = memo && memo.pack.hash === job.published.hash && memo.pack.pack.metadata.version === job.published.pack.metadata.version;
      if (same) return memo;
      const fresh = new PublishedMemo(job.published);
      memos.set(job.councilId, fresh);
      return fresh;
    };
    port.on('message', (job: WhatIfJob | WhatIfWarm) => {
      let reply: WhatIfWorkerReply;
      try {
        const extensions = extensionsByCouncil.get(job.councilId);
        if ('warm' in job) {
          // Kept in the engine's compiled-pack cache (by hash), where the council's what-ifs find it.
          compile(job.published.pack, extensions, job.published.hash);
          port.postMessage({ id: job.id, ok: true } satisfies WhatIfWorkerReply);
          return;
        }
        if (job.expectsExtensions && !extensions) throw new Error(`The what-if worker has no extensions for council "${job.councilId}"`);
        reply = { id: job.id, ok: true, result: compareUnderPacks(job.rows, job.published, job.draft, extensions, memoOf(job)) };
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        reply = { id: job.id, ok: false, name: e.name, message: e.message };
      }
      port.postMessage(reply satisfies WhatIfWorkerReply);
    });
    port.postMessage({ ready: true, extensionsOf: [...extensionsByCouncil.keys()] } satisfies WhatIfWorkerReply);
  } catch (error) {
    port.postMessage({ ready: false, message: (error as Error).message } satisfies WhatIfWorkerReply);
  }
}
