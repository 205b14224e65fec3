import { recordAudit } from '../audit/record.js';
import type { Services } from '../app-env.js';
import { countFindings, packHash } from '../engine/index.js';
import type { AnalysisReport, Pack } from '../engine/index.js';
import { HttpError } from '../http-error.js';
import type { Queryable } from '../store/index.js';
import { draftConflict, findDraft, writeDraft } from './drafts.js';
import { compareSemver, nextPatch, parseSemver } from './semver.js';
import { insertVersion, latestVersion } from './versions.js';
import type { PackVersionWithContent } from './versions.js';

/** One analysis finding, flattened for acknowledgement records. */
export interface FindingSummary {
  decision: string;
  kind: string;
  rule?: string;
  message: string;
  count: number;
}

/** Every finding of an analysis report, one line each. */
export function findingsOf(report: AnalysisReport): FindingSummary[] {
  return report.decisions.flatMap((d) =>
    d.findings.map((f) => ({
      decision: d.decision,
      kind: f.kind,
      ...(f.rule ? { rule: f.rule } : {}),
      message: f.message,
      count: f.count,
    })),
  );
}

/**
 * Checks that a pack may be published: valid, every case passing, and analysis findings
 * either absent or acknowledged. Returns the findings to record; throws 422 otherwise.
 */
export async function checkPublishable(
  pack: unknown,
  services: Services,
  councilId: string,
  acknowledgeFindings: boolean,
): Promise<{ pack: Pack; findings: FindingSummary[] }> {
  const extensions = services.plugins.get(councilId)?.extensions;
  const validation = await services.packJobs.validate(pack, councilId, extensions);
  if (!validation.valid || !validation.pack) {
    throw new HttpError(422, 'invalid-pack', 'The pack is invalid, so it cannot be published', {
      details: validation.errors.map((e) => ({ ...e, pointer: e.pointer })),
    });
  }
  const valid = validation.pack;
  if (valid.metadata.id !== councilId) {
    throw new HttpError(422, 'invalid-pack', `metadata.id must be "${councilId}"`, {
      details: [{ pointer: '/metadata/id', message: `must be "${councilId}"` }],
    });
  }
  const cases = await services.packJobs.cases(valid, councilId, extensions);
  if (cases.failed > 0) {
    throw new HttpError(422, 'cases-failed', `${cases.failed} of ${cases.passed + cases.failed} pack cases fail`, {
      details: cases.results
        .filter((r) => !r.ok)
        .map((r) => ({ pointer: `/cases/${r.id}`, message: r.failures.join('; '), case: r.id })),
    });
  }
  const report = await services.packJobs.analyse(valid, councilId, extensions);
  const findings = findingsOf(report);
  if (countFindings(report) > 0 && !acknowledgeFindings) {
    throw new HttpError(
      422,
      'findings-not-acknowledged',
      `The analysis reports ${findings.length} finding(s); publish again with "acknowledgeFindings": true to accept them`,
      { details: findings.map((f) => ({ pointer: `/decisions/${f.decision}`, ...f, message: `${f.kind}: ${f.message}` })) },
    );
  }
  return { pack: valid, findings };
}

/** What a publish request says. */
export interface PublishRequest {
  councilId: string;
  userId: string;
  note: string;
  /** Semver to publish as; default the draft's version when it is new, else the next patch. */
  version?: string;
  effectiveFrom?: string;
  acknowledgeFindings?: boolean;
  /** Draft revision the publisher saw (If-Match); a newer draft is a 409. */
  expectedRevision?: number;
  /** Runs last in the publishing transaction (the route records its idempotency key there). */
  inTransaction?: (tx: Queryable, published: PackVersionWithContent) => Promise<void>;
}

function chooseVersion(requested: string | undefined, draftVersion: unknown, latest?: PackVersionWithContent): string {
  if (requested) {
    if (!parseSemver(requested)) {
      throw new HttpError(422, 'invalid-body', 'version must be a semantic version', {
        details: [{ pointer: '/version', message: 'must be a semantic version like 1.2.0' }],
      });
    }
    if (latest && compareSemver(requested, latest.version) <= 0) {
      throw new HttpError(422, 'version-not-newer', `Version ${requested} is not newer than ${latest.version}`, {
        details: [{ pointer: '/version', message: `must be newer than ${latest.version}` }],
      });
    }
    return requested;
  }
  if (typeof draftVersion === 'string' && parseSemver(draftVersion)) {
    if (!latest || compareSemver(draftVersion, latest.version) > 0) return draftVersion;
  }
  return latest ? nextPatch(latest.version) : '1.0.0';
}

/**
 * Publishes a council's draft as a new immutable version, in one transaction. The publish
 * is refused with 409 when the draft changed since it was read, or when another version was
 * published after the one the draft is based on (two racing publishes: one wins).
 */
export async function publishDraft(services: Services, req: PublishRequest): Promise<PackVersionWithContent> {
  const { db } = services;
  const draft = await findDraft(db, req.councilId);
  if (!draft) throw new HttpError(404, 'not-found', `Council "${req.councilId}" has no draft`);
  if (req.expectedRevision !== undefined && req.expectedRevision !== draft.revision) throw draftConflict();
  const latest = await latestVersion(db, req.councilId);
  if ((latest?.id ?? null) !== draft.baseVersionId) throw staleBase(latest);

  const metadata = (draft.content.metadata ?? {}) as Record<string, unknown>;
  const version = chooseVersion(req.version, metadata.version, latest);
  const content = {
    ...draft.content,
    metadata: { ...metadata, version, ...(req.effectiveFrom ? { effectiveFrom: req.effectiveFrom } : {}) },
  };
  const { pack, findings } = await checkPublishable(content, services, req.councilId, req.acknowledgeFindings ?? false);

  const published = await db.transaction(async (tx) => {
    await lockCouncil(tx, req.councilId);
    // The draft row stays locked until commit: a draft save waits, then finds the revision moved (409).
    const current = await findDraft(tx, req.councilId, true);
    const head = await latestVersion(tx, req.councilId);
    if (!current || current.revision !== draft.revision) throw draftConflict();
    if ((head?.id ?? null) !== draft.baseVersionId) throw staleBase(head);
    const hash = packHash(pack);
    const published = await insertVersion(tx, {
      councilId: req.councilId,
      content: pack,
      hash,
      author: req.userId,
      note: req.note,
      basedOn: head?.id ?? null,
      acknowledged: findings,
    });
    await writeDraft(tx, {
      councilId: req.councilId,
      content: pack,
      expectedRevision: draft.revision,
      baseVersionId: published.id,
      userId: req.userId,
    });
    await recordAudit(tx, {
      actor: req.userId,
      councilId: req.councilId,
      action: 'pack-publish',
      entity: 'pack-version',
      entityId: published.version,
      beforeHash: head?.hash ?? null,
      afterHash: hash,
      detail: { note: req.note, acknowledgedFindings: findings },
    });
    await req.inTransaction?.(tx, published);
    return published;
  });
  // Servers sharing the store find out from their next write; this one knows now.
  services.versions.forget(req.councilId);
  return published;
}

/** Takes the council's row lock so publishes of one council run one at a time on PostgreSQL. */
export async function lockCouncil(tx: Queryable, councilId: string): Promise<void> {
  await tx.query('SELECT id FROM councils WHERE id = $1 FOR UPDATE', [councilId]);
}

function staleBase(latest: PackVersionWithContent | undefined): HttpError {
  return new HttpError(
    409,
    'conflict',
    `Version ${latest?.version ?? '(none)'} was published after this draft's base version: reload the draft and review before publishing`,
  );
}

/**
 * Publishes an earlier version's content as a new version (a roll back never rewrites history).
 * It takes effect from `effectiveFrom` (default today) and resets the draft to it.
 */
export async function rollBack(
  services: Services,
  req: { councilId: string; userId: string; target: PackVersionWithContent; note?: string; effectiveFrom?: string },
): Promise<PackVersionWithContent> {
  const { db } = services;
  const published = await db.transaction(async (tx) => {
    await lockCouncil(tx, req.councilId);
    const head = await latestVersion(tx, req.councilId);
    if (!head) throw new HttpError(404, 'not-found', 'Nothing has been published to roll back');
    const version = nextPatch(head.version);
    const effectiveFrom = req.effectiveFrom ?? services.now().toISOString().slice(0, 10);
    const content = { ...req.target.content, metadata: { ...req.target.content.metadata, version, effectiveFrom } };
    const { pack } = await checkPublishable(content, services, req.councilId, true);
    const hash = packHash(pack);
    const published = await insertVersion(tx, {
      councilId: req.councilId,
      content: pack,
      hash,
      author: req.userId,
      note: req.note ?? `Roll back to ${req.target.version}`,
      basedOn: head.id,
      acknowledged: req.target.acknowledged,
    });
    await tx.query(
      `UPDATE drafts SET content = $2, base_version_id = $3, revision = revision + 1, updated_by = $4, updated_at = now()
        WHERE council_id = $1`,
      [req.councilId, JSON.stringify(pack), published.id, req.userId],
    );
    await recordAudit(tx, {
      actor: req.userId,
      councilId: req.councilId,
      action: 'pack-rollback',
      entity: 'pack-version',
      entityId: published.version,
      beforeHash: head.hash,
      afterHash: hash,
      detail: { rolledBackTo: req.target.version, note: published.note },
    });
    return published;
  });
  services.versions.forget(req.councilId);
  return published;
}
