import type { Services } from '../app-env.js';
import { compile, findingChanges } from '../engine/index.js';
import type { AnalysisReport, Pack } from '../engine/index.js';
import { HttpError } from '../http-error.js';
import type { Queryable } from '../store/index.js';
import { draftConflict, findDraft } from './drafts.js';
import { assessmentsFrom, effectsUnder } from './in-force-effects.js';
import { compareSemver, nextPatch, parseSemver } from './semver.js';
import { findVersion, latestVersion, listVersions } from './versions.js';
import type { PackVersion, PackVersionWithContent } from './versions.js';
import { versionWritten, writeVersion } from './write-version.js';

/** One analysis finding, flattened for acknowledgement records. */
export interface FindingSummary {
  decision: string;
  kind: string;
  rule?: string;
  message: string;
  count: number;
}

/**
 * Every finding of an analysis report, one line each: the decisions' findings, then the outcomes'
 * (an action or schedule entry that never fires, two schedule entries for one activity firing
 * together). An outcome's note (it fires whatever the inputs) is worth reading, not a finding.
 * A report stored before outcomes were analysed has none.
 */
export function findingsOf(report: AnalysisReport): FindingSummary[] {
  const ofDecisions = report.decisions.flatMap((d) =>
    d.findings.map((f) => ({
      decision: d.decision,
      kind: f.kind,
      ...(f.rule ? { rule: f.rule } : {}),
      message: f.message,
      count: f.count,
    })),
  );
  const ofOutcomes = (report.outcomes?.findings ?? [])
    .filter((f) => !f.note)
    .map((f) => ({ decision: f.of === 'schedule' ? 'schedule' : 'actions', kind: f.kind, rule: f.outcome, message: f.message, count: f.count }));
  return [...ofDecisions, ...ofOutcomes];
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
  published?: Pack,
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
  // Only what the draft introduces or changes against the published version needs acknowledging.
  const before = published ? await services.packJobs.analyse(published, councilId, extensions) : undefined;
  const changed = findingChanges(before, report, valid);
  if (changed.length > 0 && !acknowledgeFindings) {
    throw new HttpError(
      422,
      'findings-not-acknowledged',
      `The draft introduces or changes ${changed.length} analysis finding${changed.length === 1 ? '' : 's'}; review them and publish again with "acknowledgeFindings": true`,
      { details: changed.map((f) => ({ pointer: f.pointer, message: f.words, change: f.change, kind: f.kind, decision: f.decision, examples: f.examples })) },
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
  /** The date the version is in force from: required, never taken from the draft or an earlier version. */
  effectiveFrom: string;
  /** Confirms an in-force date in the past, after seeing which stored assessments fall in that period. */
  confirmPastDate?: boolean;
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
  const content = { ...draft.content, metadata: { ...metadata, version, effectiveFrom: req.effectiveFrom } };
  const { pack, findings } = await checkPublishable(content, services, req.councilId, req.acknowledgeFindings ?? false, latest?.content);
  const pastAssessments = await checkPastDate(services, req, pack);

  const published = await db.transaction(async (tx) => {
    await lockCouncil(tx, req.councilId);
    // The draft row stays locked until commit: a draft save waits, then finds the revision moved (409).
    const current = await findDraft(tx, req.councilId, true);
    const head = await latestVersion(tx, req.councilId);
    if (!current || current.revision !== draft.revision) throw draftConflict();
    if ((head?.id ?? null) !== draft.baseVersionId) throw staleBase(head);
    const published = await writeVersion(tx, {
      councilId: req.councilId,
      pack,
      userId: req.userId,
      note: req.note,
      head,
      acknowledged: findings,
      draftRevision: draft.revision,
      action: 'pack-publish',
      detail: {
        note: req.note,
        effectiveFrom: req.effectiveFrom,
        acknowledgedFindings: findings,
        ...(pastAssessments ? { pastDateConfirmed: true, assessmentsInPeriod: pastAssessments } : {}),
      },
    });
    await req.inTransaction?.(tx, published);
    return published;
  });
  versionWritten(services, published);
  return published;
}

/**
 * An in-force date in the past changes which version stored assessments of that period fall
 * under: refused (422 `past-in-force-date`, listing each of them and what would change) unless
 * the publisher confirms. Returns how many assessments fall in the period, when the date is past.
 */
async function checkPastDate(services: Services, req: PublishRequest, pack: Pack): Promise<number | undefined> {
  const today = services.now().toISOString().slice(0, 10);
  if (req.effectiveFrom >= today) return undefined;
  const inPeriod = await assessmentsFrom(services.db, req.councilId, req.effectiveFrom);
  const awaiting = inPeriod.filter((a) => a.awaitingSignOff).length;
  if (req.confirmPastDate) return inPeriod.length - awaiting;
  const effects = effectsUnder(inPeriod, compile(pack, services.plugins.get(req.councilId)?.extensions), pack);
  throw new HttpError(
    422,
    'past-in-force-date',
    `The in-force date ${req.effectiveFrom} is in the past: ${effects.length - awaiting} stored assessment(s) fall in the period from then` +
      (awaiting ? ` and ${awaiting} more await sign-off (signing off will decide them under the version in force then)` : '') +
      '; review them and publish again with "confirmPastDate": true',
    {
      details: [
        { pointer: '/effectiveFrom', message: `is before today (${today})` },
        ...effects.map((e) => ({
          pointer: `/assessments/${e.assessmentId}`,
          message: `${e.providerName}, ${e.date}${e.awaitingSignOff ? ' (awaiting sign-off)' : ''}: ${e.before} -> ${e.after ?? e.error}${e.differences.length ? ` (${e.differences.map((d) => d.explanation).join('; ')})` : ''}`,
          ...e,
        })),
      ],
    },
  );
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

/** What a roll back did: the version it published, the versions it withdrew. */
export interface RollBackResult {
  published: PackVersionWithContent;
  withdrew: PackVersion[];
}

/**
 * Rolls back to an earlier version: every version published after it (and not already withdrawn)
 * is withdrawn for its whole period, so no assessment is decided under it again whatever its date;
 * the earlier version's content is published as a new version (a roll back never rewrites history)
 * in force from the start of the first withdrawn version's period (or `effectiveFrom`), and the
 * draft is reset to it. Assessments already decided under a withdrawn version are listed by
 * `GET .../redeterminations` until they are determined again.
 */
export async function rollBack(
  services: Services,
  req: {
    councilId: string;
    userId: string;
    target: PackVersionWithContent;
    note?: string;
    effectiveFrom?: string;
    /** Called inside the rollback's transaction with what it made (e.g. to record the idempotent reply in the same commit). */
    inTransaction?: (tx: Queryable, result: RollBackResult) => Promise<void>;
  },
): Promise<RollBackResult> {
  const { db } = services;
  if (req.target.withdrawn) {
    throw new HttpError(422, 'version-withdrawn', `Version ${req.target.version} was withdrawn: roll back to a version that was not`, {
      details: [{ pointer: '/version', message: `${req.target.version} was withdrawn: ${req.target.withdrawn.reason}` }],
    });
  }
  const result = await db.transaction(async (tx) => {
    await lockCouncil(tx, req.councilId);
    const head = await latestVersion(tx, req.councilId);
    if (!head) throw new HttpError(404, 'not-found', 'Nothing has been published to roll back');
    const later = (await listVersions(tx, req.councilId)).filter((v) => v.seq > req.target.seq && !v.withdrawn);
    if (later.length === 0) {
      throw new HttpError(422, 'nothing-to-roll-back', `No version in force was published after ${req.target.version}`, {
        details: [{ pointer: '/version', message: `is already the latest version not withdrawn` }],
      });
    }
    const version = nextPatch(head.version);
    const periodStart = later.map((v) => v.effectiveFrom).sort()[0]!;
    const effectiveFrom = req.effectiveFrom ?? periodStart;
    const note = req.note ?? `Roll back to ${req.target.version}`;
    const content = { ...req.target.content, metadata: { ...req.target.content.metadata, version, effectiveFrom } };
    const { pack } = await checkPublishable(content, services, req.councilId, true);
    const published = await writeVersion(tx, {
      councilId: req.councilId,
      pack,
      userId: req.userId,
      note,
      head,
      acknowledged: req.target.acknowledged,
      action: 'pack-rollback',
      detail: { rolledBackTo: req.target.version, note, effectiveFrom, withdrew: later.map((v) => v.version) },
    });
    for (const v of later) {
      await tx.query(
        `INSERT INTO pack_version_withdrawals (version_id, council_id, reason, withdrawn_by, replaced_by) VALUES ($1, $2, $3, $4, $5)`,
        [v.id, req.councilId, note, req.userId, published.id],
      );
    }
    const withdrew = await Promise.all(later.map(async (v) => (await findVersion(tx, req.councilId, v.version)) ?? v));
    const made = { published, withdrew: withdrew.map(({ content: _c, ...v }: PackVersion & { content?: unknown }) => v) };
    await req.inTransaction?.(tx, made);
    return made;
  });
  versionWritten(services, result.published);
  return result;
}
