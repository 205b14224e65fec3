import { findDraft } from '../packs/drafts.js';
import { latestVersion } from '../packs/versions.js';
import type { Db } from '../store/index.js';
import type { CouncilPlugin } from './index.js';
import type { PackJobs } from './pack-jobs.js';

/**
 * Analyses each council's latest published version once, as the server starts, so the first
 * review or publish of a draft (which compares against it) finds it remembered (see
 * analysis-memo.ts); then validates and analyses each council's draft, so the first opening of
 * the publish page or the checks finds the draft's validation and analysis remembered too
 * (validation-memo.ts). One job after another, in the background, published versions first; a
 * failure only means that work is done when first asked for.
 */
export async function warmAnalyses(db: Db, plugins: Iterable<CouncilPlugin>, jobs: Pick<PackJobs, 'analyse' | 'validate'>): Promise<void> {
  const councils = [...plugins];
  for (const plugin of councils) {
    try {
      const published = await latestVersion(db, plugin.id);
      if (published) await jobs.analyse(published.content, plugin.id, plugin.extensions);
    } catch {
      // Made on first use instead (the server may also be closing).
    }
  }
  for (const plugin of councils) {
    try {
      const draft = await findDraft(db, plugin.id);
      if (!draft) continue;
      const validation = await jobs.validate(draft.content, plugin.id, plugin.extensions);
      if (validation.valid && validation.pack) await jobs.analyse(validation.pack, plugin.id, plugin.extensions);
    } catch {
      // As above.
    }
  }
}
