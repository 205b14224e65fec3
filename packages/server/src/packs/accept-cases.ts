import { contentHash } from '../audit/content-hash.js';
import { recordAudit } from '../audit/record.js';
import type { Services } from '../app-env.js';
import { acceptCaseResult } from '../engine/index.js';
import type { Pack, PackCase } from '../engine/index.js';
import { HttpError } from '../http-error.js';
import type { Queryable } from '../store/index.js';
import { draftConflict, findDraft, writeDraft } from './drafts.js';

/** What the lead sends to accept the new results of reviewed failing cases. */
export interface AcceptCasesBody {
  /** Ids of the failing cases whose new result was reviewed and is accepted. */
  cases: string[];
  /** Why (e.g. the change the cases follow); recorded on each case and in the audit log. */
  reason?: string;
}

/** What accepting answers: the draft revision written and each case accepted, as now recorded. */
export interface AcceptCasesReply {
  revision: number;
  accepted: PackCase[];
}

/**
 * Accepts, after review, the results the draft now gives for some of its failing cases: each
 * named case's expectation becomes what the draft gives, recorded as accepted by the user (by
 * name) today, as distinct from a value from the council's document. Only the cases named, and
 * only failing ones: a passing case, an unknown id or a case whose evaluation fails is refused
 * (422, naming it) and nothing is written. Written with the draft's revision (409 if it moved)
 * and audited, in one transaction.
 */
export async function acceptCases(
  services: Services,
  req: {
    councilId: string;
    user: { id: string; name: string };
    body: AcceptCasesBody;
    expectedRevision: number;
    pack: Pack;
    /** Called inside the transaction with the reply (e.g. to record the idempotent reply in the same commit). */
    inTransaction?: (tx: Queryable, reply: AcceptCasesReply) => Promise<void>;
  },
): Promise<AcceptCasesReply> {
  const { db } = services;
  const cases = req.pack.cases ?? [];
  const index = new Map(cases.map((c, i) => [c.id, i]));
  const problems = req.body.cases.flatMap((id, i) => (index.has(id) ? [] : [{ pointer: `/cases/${i}`, message: `no case "${id}" in the draft` }]));
  const repeated = req.body.cases.findIndex((id, i) => req.body.cases.indexOf(id) !== i);
  if (repeated >= 0) problems.push({ pointer: `/cases/${repeated}`, message: `case "${req.body.cases[repeated]}" is named twice` });
  if (problems.length) throw new HttpError(422, 'invalid-body', problems.map((p) => p.message).join('; '), { details: problems });

  const named = new Set(req.body.cases);
  const extensions = services.plugins.get(req.councilId)?.extensions;
  const run = await services.packJobs.cases(req.pack, req.councilId, extensions);
  const byId = new Map(run.results.map((r) => [r.id, r]));
  const refused = req.body.cases.flatMap((id, i) => {
    const r = byId.get(id);
    if (r?.ok) return [{ pointer: `/cases/${i}`, message: `case "${id}" passes: there is no new result to accept` }];
    if (!r?.determination) return [{ pointer: `/cases/${i}`, message: `case "${id}" was not evaluated (${r?.failures.join('; ') ?? 'no result'}): fix its assessment instead` }];
    return [];
  });
  if (refused.length) throw new HttpError(422, 'case-not-acceptable', refused.map((p) => p.message).join('; '), { details: refused });

  const on = services.now().toISOString().slice(0, 10);
  const acceptance = { by: req.user.name, on, ...(req.body.reason ? { reason: req.body.reason } : {}) };
  const accepted: PackCase[] = [];
  const nextCases = cases.map((c) => {
    if (!named.has(c.id)) return c;
    const a = acceptCaseResult(c, byId.get(c.id)!.determination!, acceptance);
    accepted.push(a);
    return a;
  });

  return db.transaction(async (tx) => {
    const draft = await findDraft(tx, req.councilId, true);
    if (!draft || draft.revision !== req.expectedRevision) throw draftConflict();
    const content = { ...draft.content, cases: nextCases };
    const revision = await writeDraft(tx, { councilId: req.councilId, content, expectedRevision: draft.revision, userId: req.user.id });
    await recordAudit(tx, {
      actor: req.user.id,
      councilId: req.councilId,
      action: 'case-accept',
      entity: 'draft',
      entityId: req.councilId,
      beforeHash: contentHash(draft.content),
      afterHash: contentHash(content),
      detail: { revision, cases: req.body.cases, ...(req.body.reason ? { reason: req.body.reason } : {}), accepted: accepted.map((c) => ({ id: c.id, want: c.want })) },
    });
    const reply = { revision, accepted };
    await req.inTransaction?.(tx, reply);
    return reply;
  });
}
