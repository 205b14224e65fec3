import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { determine } from '../assessments/index.js';
import { recordedEarlier } from '../engine/index.js';
import { CURRENT_DETERMINATION_SQL } from '../assessments/current-determination.js';
import type { AssessmentInput } from '../assessments/store-assessment.js';
import { determinedAsOf } from '../assessments/determined-as-of.js';
import { determinationResultSql } from '../assessments/stored-result.js';
import type { Determination } from '../engine/index.js';
import { notFound } from '../http-error.js';
import { inPackOrder } from '../packs/member-order.js';
import { findVersionById } from '../packs/versions.js';
import { loadActionPlan } from './action-plan.js';
import type { PlannedAction } from './action-plan.js';
import { challengeWindow } from './challenge-window.js';
import { providerReport } from './provider-report.js';
import type { ChallengeWindow, ProviderReport } from './provider-report.js';
import type { ReportComment, ReportStatus } from './report-comment.js';
import { listEvidence } from '../visits/evidence.js';
import type { Evidence } from '../visits/evidence.js';
import { reportStatusOf, reportVisit } from './report-visit.js';
import type { ReportVisit } from './report-visit.js';

/** A report as served: its content, where it stands, and the challenge comments with their answers. */
export interface ReportState {
  assessmentId: string;
  providerId: string;
  status: ReportStatus | 'draft';
  /** The visit record the report belongs to (its status is the report's), absent for an assessment posted without one. */
  visit?: ReportVisit;
  sharedOn?: string;
  report: ProviderReport;
  comments: ReportComment[];
  actionPlan: PlannedAction[];
}

interface SubjectRow {
  id: string;
  provider_id: string;
  provider_name: string;
  council_name: string;
  assessment_date: string;
  input: AssessmentInput;
  pack_version_id: string;
  determination_id: string;
  result: Determination;
  officer: string | null;
}

/**
 * The explanations a request has reproduced, by determination id (a determination is never
 * changed, and its explanation is a pure function of its assessment and pack): a report written
 * to (shared, answered, finalised) is read before its write and again for the reply, and the pack
 * is evaluated for it once, before the write's transaction, never inside it (request-in-commit).
 */
const explainedInRequest = new WeakMap<object, Map<string, Determination['explanation']>>();

interface ShareRow {
  shared_on: string;
  challenge_days: number;
  challenge_until: string;
  challenge_basis: 'pack' | 'council';
  challenge_why: string;
}

/** The council's challenge window setting, or null (the default applies). */
export async function councilWindowDays(c: Context<AppEnv>, councilId: string): Promise<number | null> {
  const [row] = await c.var.services.db.query<{ challenge_window_days: number }>('SELECT challenge_window_days FROM report_settings WHERE council_id = $1', [councilId]);
  return row?.challenge_window_days ?? null;
}

/** Today, as the server's clock has it (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The report of an assessment of the council, made from its current determination (with the
 * explanation reproduced under the stored pack hash, once per request) and its share record, or 404.
 */
export async function loadReport(c: Context<AppEnv>, councilId: string, assessmentId: string): Promise<ReportState> {
  const { db } = c.var.services;
  const [row] = await db.query<SubjectRow>(
    `SELECT a.id, a.provider_id, p.name AS provider_name, co.name AS council_name, a.assessment_date, a.input,
        d.pack_version_id, d.id AS determination_id, ${determinationResultSql('d')} AS result, NULLIF(u.name, '') AS officer
      FROM assessments a JOIN determinations d ON d.assessment_id = a.id AND ${CURRENT_DETERMINATION_SQL}
      JOIN providers p ON p.id = a.provider_id JOIN councils co ON co.id = a.council_id
      LEFT JOIN users u ON u.id = a.created_by
      WHERE a.council_id = $1 AND a.id = $2`,
    [councilId, assessmentId],
  );
  if (!row) throw notFound(`Assessment "${assessmentId}" of council "${councilId}"`);
  const stored = await findVersionById(db, row.pack_version_id);
  if (!stored) throw notFound(`Pack version of assessment "${assessmentId}"`);
  const version = inPackOrder(c, stored);
  const explained = explainedInRequest.get(c) ?? new Map<string, Determination['explanation']>();
  explainedInRequest.set(c, explained);
  if (!explained.has(row.determination_id)) explained.set(row.determination_id, (await determine(c, version, row.input, true, recordedEarlier(row.input), determinedAsOf(row.result, row.assessment_date))).explanation);
  const explanation = explained.get(row.determination_id);
  const determination: Determination = { ...row.result, ...(explanation ? { explanation } : {}) };
  const [share] = await db.query<ShareRow>(
    `SELECT shared_on::text AS shared_on, challenge_days, challenge_until::text AS challenge_until, challenge_basis, challenge_why
      FROM report_shares WHERE assessment_id = $1`,
    [row.id],
  );
  const challenge: ChallengeWindow = share
    ? { days: share.challenge_days, until: share.challenge_until, basis: share.challenge_basis, why: share.challenge_why }
    : challengeWindow(version.content, await councilWindowDays(c, councilId), today());
  const comments = share ? await commentsOf(c, row.id) : [];
  const plan = share ? await loadActionPlan(db, row.id) : [];
  const visit = await reportVisit(db, row.id);
  return {
    assessmentId: row.id,
    providerId: row.provider_id,
    status: reportStatusOf(visit),
    ...(visit ? { visit } : {}),
    ...(share ? { sharedOn: share.shared_on } : {}),
    report: providerReport({
      pack: version.content,
      determination,
      council: row.council_name,
      provider: { id: row.provider_id, name: row.provider_name },
      assessment: { id: row.id, date: row.assessment_date, ...(row.input.note ? { note: row.input.note } : {}) },
      officer: row.officer,
      evidence: visit ? evidenceByCriterion(await listEvidence(db, visit.id)) : {},
      reviewer: visit?.reviewer?.name ?? null,
      ...(visit?.reviewer ? { reviewedOn: visit.reviewer.on } : {}),
      challenge,
    }),
    comments,
    actionPlan: plan,
  };
}

/** The visit's evidence per target (criterion id): each text, and each file by its name. */
export function evidenceByCriterion(evidence: Evidence[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of evidence) (out[e.target] ??= []).push(e.kind === 'text' ? e.text ?? '' : `File: ${e.file?.name ?? 'unnamed'}`);
  return out;
}

interface CommentRow {
  id: string;
  finding: string;
  comment: string;
  by_user: string;
  at: Date;
  decision: 'accepted' | 'rejected' | null;
  reason: string | null;
  answered_by: string | null;
  answered_at: Date | null;
}

/** The comments on a shared report, oldest first, with the officer's answers. */
export async function commentsOf(c: Context<AppEnv>, assessmentId: string): Promise<ReportComment[]> {
  const rows = await c.var.services.db.query<CommentRow>(
    'SELECT id, finding, comment, by_user, at, decision, reason, answered_by, answered_at FROM report_comments WHERE assessment_id = $1 ORDER BY at, id',
    [assessmentId],
  );
  return rows.map((r) => ({
    id: r.id,
    finding: r.finding,
    comment: r.comment,
    by: r.by_user,
    at: r.at.toISOString(),
    ...(r.decision ? { answer: { decision: r.decision, reason: r.reason ?? '', by: r.answered_by ?? '', at: r.answered_at!.toISOString() } } : {}),
  }));
}
