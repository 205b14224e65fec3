import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { Pack } from '../engine/index.js';
import type { BoundaryCoverageResult } from '../engine/boundary-coverage-job.js';
import { HttpError, notFound } from '../http-error.js';
import { apiRouter } from '../routes/api-router.js';
import { defineRoute, typed } from '../routes/define-route.js';
import { councilParams } from '../routes/query.js';
import { findDraft } from './drafts.js';
import { shippedLeftUncovered } from './shipped-left-uncovered.js';
import { findVersion } from './versions.js';

export type { BoundaryCoverageResult, ReasonSetAside } from '../engine/boundary-coverage-job.js';

/**
 * `POST .../draft/boundary-coverage` and `GET .../versions/{version}/boundary-coverage`: which
 * sides of each threshold the pack's own cases test, the reasons recorded for sides left
 * untested, and which pack was measured (the draft's revision, or the version).
 */
export type BoundaryCoverageReply = BoundaryCoverageResult & { revision: number | null; version: string | null };

const SUMMARY =
  "Which sides of each threshold the pack's own cases test (boundary coverage, as `qaf coverage --boundaries`), with the reasons the council's package records for sides left untested (applied only where the threshold is as the package ships it)";

const draftBoundaryCoverageRoute = defineRoute({
  method: 'post',
  path: '/api/councils/{council}/draft/boundary-coverage',
  tags: ['drafts'],
  summary: `${SUMMARY}: of the saved draft (422 while it is invalid)`,
  access: 'viewer', packWork: true,
  request: { params: councilParams },
  reply: typed<BoundaryCoverageReply>(),
});

const versionBoundaryCoverageRoute = defineRoute({
  method: 'get',
  path: '/api/councils/{council}/versions/{version}/boundary-coverage',
  tags: ['packs'],
  summary: `${SUMMARY}: of a published version`,
  access: 'viewer', packWork: true,
  request: { params: councilParams.extend({ version: z.string().openapi({ description: 'A published version, e.g. "1.2.0"' }) }) },
  reply: typed<BoundaryCoverageReply>(),
});

async function measure(c: Context<AppEnv>, councilId: string, pack: Pack): Promise<BoundaryCoverageResult> {
  const plugin = c.var.services.plugins.get(councilId);
  const shipped = await shippedLeftUncovered(plugin);
  return c.var.services.packJobs.boundaries(shipped ? { pack, shipped } : { pack }, councilId, plugin?.extensions);
}

/** The boundary coverage routes of a council's draft and published versions (viewer). */
export function boundaryCoverageRoutes() {
  return apiRouter()
    .openapi(draftBoundaryCoverageRoute, async (c) => {
      const council = c.var.council;
      const draft = await findDraft(c.var.services.db, council.id);
      if (!draft) throw notFound(`The draft of council "${council.id}"`);
      const plugin = c.var.services.plugins.get(council.id);
      const checked = await c.var.services.packJobs.validate(draft.content, council.id, plugin?.extensions);
      if (!checked.valid || !checked.pack) {
        throw new HttpError(422, 'invalid-pack', 'The draft is invalid: fix it before measuring which thresholds its cases test', { details: checked.errors.map((e) => ({ ...e })) });
      }
      const result = await measure(c, council.id, checked.pack);
      return c.json({ revision: draft.revision, version: null, ...result });
    })
    .openapi(versionBoundaryCoverageRoute, async (c) => {
      const council = c.var.council;
      const version = c.req.valid('param').version;
      const v = await findVersion(c.var.services.db, council.id, version);
      if (!v) throw notFound(`Version ${version} of council "${council.id}"`);
      const result = await measure(c, council.id, v.content);
      return c.json({ revision: null, version: v.version, ...result });
    });
}
