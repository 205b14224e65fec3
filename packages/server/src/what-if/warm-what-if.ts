import type { CouncilPlugin } from '../engine/index.js';
import { latestVersion } from '../packs/versions.js';
import type { Queryable } from '../store/index.js';
import { sharedWhatIfWorkers } from './what-if-workers.js';
import type { WarmPack, WhatIfWorkers } from './what-if-workers.js';

/**
 * Starts the what-if workers as the server starts and compiles each council's latest published
 * pack on each of them (see `WhatIfWorkers.warm`), in the background, so a council's first
 * what-if is about as fast as the next ones. Publishing or rolling back compiles the new version
 * (`rewarm`). The stored assessments are not evaluated ahead: the workers keep determinations
 * only of the last what-if's providers. Resolves true when everything was warmed; a failure
 * only means that work is done on first use.
 */
export async function warmWhatIf(db: Queryable, plugins: Iterable<CouncilPlugin>, workers: WhatIfWorkers = sharedWhatIfWorkers()): Promise<boolean> {
  const packs: WarmPack[] = [];
  let read = true;
  for (const plugin of plugins) {
    try {
      const published = await latestVersion(db, plugin.id);
      if (published) packs.push({ councilId: plugin.id, published: { pack: published.content, hash: published.hash } });
    } catch {
      // Compiled on first use instead (the server may also be closing).
      read = false;
    }
  }
  return (await workers.warm(packs)) && read;
}
