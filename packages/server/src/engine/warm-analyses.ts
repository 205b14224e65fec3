import { latestVersion } from '../packs/versions.js';
import type { Db } from '../store/index.js';
import type { CouncilPlugin } from './index.js';
import type { PackJobs } from './pack-jobs.js';

/**
 * Analyses each council's latest published version once, as the server starts, so the first
 * review or publish of a draft (which compares against it) finds it remembered (see
 * analysis-memo.ts). One council after another, in the background; a failure only means that
 * analysis is made when first asked for.
 */
export async function warmAnalyses(db: Db, plugins: Iterable<CouncilPlugin>, jobs: Pick<PackJobs, 'analyse'>): Promise<void> {
  for (const plugin of plugins) {
    try {
      const published = await latestVersion(db, plugin.id);
      if (published) await jobs.analyse(published.content, plugin.id, plugin.extensions);
    } catch {
      // Made on first use instead (the server may also be closing).
    }
  }
}
