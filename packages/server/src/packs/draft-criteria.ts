import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { contentHash } from '../audit/content-hash.js';
import { recordAudit } from '../audit/record.js';
import { importCriteriaCsv } from '../engine/index.js';
import type { CountParameterChange, CriteriaCsvDomainCount } from '../engine/index.js';
import { HttpError, notFound } from '../http-error.js';
import { recordIdempotentReply } from '../idempotency/index.js';
import { readText } from '../request-body.js';
import { refuseOverLimits } from './draft-limits.js';
import { draftEtag, findDraft, refuseMissingPluginParts, revisionFromIfMatch, writeDraft } from './drafts.js';
import { refuseParametersOutOfBounds } from './parameter-bounds.js';
import type { DraftValidation } from './replies.js';

/**
 * `PUT .../draft/criteria`: the saved revision, its validation, how many criteria each domain now has,
 * and the counting parameters (declared with `counts`) the import set to the new counts.
 */
export interface CriteriaImportReply extends DraftValidation {
  criteria: number;
  domains: CriteriaCsvDomainCount[];
  parameters: CountParameterChange[];
}

/**
 * Loads a criteria list (text/csv: id, wording, domain, standard, mandatory, advanced) into the
 * council's draft, in one transaction: If-Match must name the draft's revision (428 without it,
 * 409 when it moved on); any bad row is a 422 whose details give each row's line, column and what
 * is wrong, and nothing is saved. Counting parameters (e.g. each domain's Mandatory criteria) are set to
 * the new counts. The saved draft is validated like a draft save, and audited.
 */
export async function loadCriteriaIntoDraft(c: Context<AppEnv>, councilId: string): Promise<CriteriaImportReply> {
  const { db, packJobs } = c.var.services;
  const user = c.var.user;
  if (!/^text\/csv\b/i.test(c.req.header('content-type') ?? '')) {
    throw new HttpError(415, 'unsupported-media-type', 'Send the criteria list as text/csv (header row: id, wording, domain, standard, mandatory, advanced)');
  }
  const expected = revisionFromIfMatch(c.req.header('if-match'));
  if (expected === undefined) throw new HttpError(428, 'precondition-required', 'Send If-Match with the ETag of the draft you load the criteria into');
  const draft = await findDraft(db, councilId);
  if (!draft) throw notFound(`The draft of council "${councilId}"`);
  const read = importCriteriaCsv(draft.content, await readText(c));
  if (!read.ok) {
    const n = new Set(read.problems.map((p) => p.line)).size;
    throw new HttpError(422, 'invalid-criteria', `The criteria list was not loaded: ${n} line(s) are wrong; the draft is unchanged`, {
      details: read.problems.map((p) => ({ line: p.line, ...(p.column ? { csvColumn: p.column } : {}), message: p.message })),
    });
  }
  const validation = await packJobs.validate(read.pack, councilId, c.var.services.plugins.get(councilId)?.extensions);
  refuseMissingPluginParts(validation);
  refuseOverLimits(validation, read.pack);
  refuseParametersOutOfBounds(validation);
  const reply = (revision: number): CriteriaImportReply =>
    ({ revision, valid: validation.valid, errors: validation.errors, criteria: read.criteria, domains: read.domains, parameters: read.parameters });
  const revision = await db.transaction(async (tx) => {
    const r = await writeDraft(tx, { councilId, content: read.pack, expectedRevision: expected, userId: user.id });
    await recordAudit(tx, {
      actor: user.id,
      councilId,
      action: 'draft-criteria-import',
      entity: 'draft',
      entityId: councilId,
      beforeHash: contentHash(draft.content),
      afterHash: contentHash(read.pack),
      detail: { revision: r, criteria: read.criteria, domains: read.domains, parameters: read.parameters },
    });
    await recordIdempotentReply(c, tx, 200, reply(r), { etag: draftEtag(r) });
    return r;
  });
  if (validation.valid && validation.pack) c.var.services.whatIfWorkers.rewarmDraft(councilId, validation.pack);
  c.header('ETag', draftEtag(revision));
  return reply(revision);
}
