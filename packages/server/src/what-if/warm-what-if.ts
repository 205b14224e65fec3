import { packHash } from '../engine/index.js';
import type { CouncilPlugin } from '../engine/index.js';
import { sharedPackJobs } from '../engine/pack-jobs.js';
import type { PackJobs } from '../engine/pack-jobs.js';
import { findDraft } from '../packs/drafts.js';
import { latestVersion } from '../packs/versions.js';
import type { Queryable } from '../store/index.js';
import { latestAssessments } from './latest-assessments.js';
import { WHAT_IF_WARM_SAMPLE } from './what-if-workers.js';
import type { WarmPack, WhatIfWorkers } from './what-if-workers.js';

/** Where `warmWhatIf` warms: the app's what-if workers (the pack jobs default to the process's shared pool). */
export interface WarmWhatIfOptions {
  workers: WhatIfWorkers;
  /** Validates each council's draft as the what-if route does (remembered: the route finds it validated). */
  packJobs?: Pick<PackJobs, 'validate'>;
  /**
   * The drafts are validated once this settles: the server's start-up analyses (`warmAnalyses`),
   * which validate them too, so the warm-up finds them remembered and queues no pack work of its own.
   */
  after?: Promise<unknown>;
}

/**
 * Starts the what-if workers as the server starts and, on each of them, compiles each council's
 * latest published pack and compares a few hundred of its stored assessments (nothing kept,
 * nothing written), then compiles its draft, so a council's first what-if is about as fast as
 * the next ones (see `WhatIfWorkers.warm`). All in the background, giving way to real what-ifs.
 * Publishing, rolling back and saving the draft compile the new pack (`rewarm`, `rewarmDraft`).
 * Resolves true when everything was warmed; a failure only means that work is done on first use.
 */
export async function warmWhatIf(db: Queryable, plugins: Iterable<CouncilPlugin>, options: WarmWhatIfOptions): Promise<boolean> {
  const workers = options.workers;
  const packJobs = options.packJobs ?? sharedPackJobs();
  const councils: (WarmPack & { plugin: CouncilPlugin })[] = [];
  let read = true;
  for (const plugin of plugins) {
    try {
      const published = await latestVersion(db, plugin.id);
      if (!published) continue;
      const sample = await latestAssessments(db, plugin.id, WHAT_IF_WARM_SAMPLE);
      councils.push({ plugin, councilId: plugin.id, published: { pack: published.content, hash: published.hash }, sample });
    } catch {
      // Done on first use instead (the server may also be closing).
      read = false;
    }
  }
  // The published packs and the samples first: they need no validation (the sample compared under the published pack alone).
  const published = workers.warm(councils.map(({ councilId, published, sample }) => ({ councilId, published, sample })));
  await options.after?.catch(() => undefined);
  const drafts: WarmPack[] = [];
  for (const { plugin, councilId, published } of councils) {
    try {
      const draft = await findDraft(db, councilId);
      const validation = draft && (await packJobs.validate(draft.content, councilId, plugin.extensions));
      if (validation && validation.valid && validation.pack) drafts.push({ councilId, published, draft: { pack: validation.pack, hash: packHash(validation.pack) } });
    } catch {
      read = false;
    }
  }
  const compiled = workers.warm(drafts);
  return (await published) && (await compiled) && read;
}
