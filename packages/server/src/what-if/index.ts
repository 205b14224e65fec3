import { packHash } from '../engine/index.js';
import type { WhatIfReport } from './compare.js';
import { latestAssessments } from './latest-assessments.js';
import { HttpError, notFound } from '../http-error.js';
import { findDraft } from '../packs/drafts.js';
import { latestVersion } from '../packs/versions.js';
import { apiRouter } from '../routes/api-router.js';
import { defineRoute, typed } from '../routes/define-route.js';
import { councilParams } from '../routes/query.js';

export { compareUnderPacks } from './compare.js';
export type { LatestRow, WhatIfChange, WhatIfComparison, WhatIfError, WhatIfReport } from './compare.js';
export { WhatIfWorkers } from './what-if-workers.js';
export type { WarmPack } from './what-if-workers.js';
export { warmWhatIf } from './warm-what-if.js';
export { latestAssessments } from './latest-assessments.js';

const whatIfRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/what-if',
  tags: ['drafts'],
  summary: "Every provider's latest assessment under the draft and the published pack: who changes",
  access: 'viewer', packWork: true,
  request: { params: councilParams },
  reply: typed<WhatIfReport>(),
});

/** `POST /api/councils/{council}/what-if`: who would change band if the draft were published. */
export function whatIfRoutes() {
  return apiRouter()
    .openapi(whatIfRoute, async (c) => {
      const council = c.var.council;
      const { db, plugins } = c.var.services;
      const draft = await findDraft(db, council.id);
      if (!draft) throw notFound(`The draft of council "${council.id}"`);
      const published = await latestVersion(db, council.id);
      if (!published) throw notFound(`A published pack of council "${council.id}"`);
      const extensions = plugins.get(council.id)?.extensions;
      const validation = await c.var.services.packJobs.validate(draft.content, council.id, extensions);
      if (!validation.valid || !validation.pack) {
        throw new HttpError(422, 'invalid-pack', 'The draft is invalid', { details: validation.errors.map((e) => ({ ...e })) });
      }
      const draftHash = packHash(validation.pack);
      const rows = await latestAssessments(db, council.id);
      const report = await c.var.services.whatIfWorkers.compare(
        rows,
        { pack: published.content, hash: published.hash },
        { pack: validation.pack, hash: draftHash },
        council.id,
        extensions,
        c.var.services.packJobs.seconds,
      );
      return c.json({
        published: { version: published.version, hash: published.hash },
        draft: { revision: draft.revision, hash: draftHash },
        ...report,
      } satisfies WhatIfReport);
    });
}
