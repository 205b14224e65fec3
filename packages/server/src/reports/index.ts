import { randomUUID } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { requireCouncil } from '../councils/council-lookup.js';
import { HttpError, notFound } from '../http-error.js';
import { recordAudit } from '../audit/record.js';
import type { AuditEntry } from '../audit/record.js';
import type { Queryable } from '../store/index.js';
import { findVersionById } from '../packs/versions.js';
import { requireProvider } from '../providers/index.js';
import type { JsonSchema } from '../request-body.js';
import { apiRouter } from '../routes/api-router.js';
import { defineRoute } from '../routes/define-route.js';
import { validBody } from '../routes/json-body.js';
import { councilParams } from '../routes/query.js';
import { appendProgress } from './action-plan.js';
import type { ProgressRequest } from './action-plan.js';
import { challengeWindow } from './challenge-window.js';
import { reportPdf } from './report-pdf.js';
import { reportReader, requireOwnProvider } from './report-access.js';
import type { ReportReader } from './report-access.js';
import { councilWindowDays, loadReport, today } from './report-subject.js';
import type { ReportState } from './report-subject.js';
import type { ReportVisit } from './report-visit.js';
import { moveVisitStatus } from '../visits/visit-status.js';

const reportParams = councilParams.extend({ id: z.string().openapi({ description: 'Assessment id (the report\'s subject)' }) });
const planActionParams = reportParams.extend({ action: z.string().openapi({ description: "The action's number in the plan, from 1" }) });
const commentParams = reportParams.extend({ comment: z.string().openapi({ description: 'Comment id' }) });
const grantParams = councilParams.extend({ id: z.string().openapi({ description: 'Provider id' }), user: z.string().openapi({ description: 'User id' }) });

const commentBody: JsonSchema = {
  type: 'object', additionalProperties: false, required: ['finding', 'comment'],
  properties: {
    finding: { type: 'string', minLength: 1, maxLength: 200, description: "A band (`overallRating`, `domainRating.care`), a criterion id, or `actions`, `next-visit`, `evidence`" },
    comment: { type: 'string', minLength: 1, maxLength: 5000 },
  },
};
const answerBody: JsonSchema = {
  type: 'object', additionalProperties: false, required: ['decision', 'reason'],
  properties: { decision: { enum: ['accepted', 'rejected'] }, reason: { type: 'string', minLength: 1, maxLength: 5000 } },
};
const planBody: JsonSchema = {
  type: 'object', additionalProperties: false, required: ['actions'],
  properties: {
    actions: {
      type: 'array', minItems: 1, maxItems: 200,
      items: {
        type: 'object', additionalProperties: false, required: ['action', 'owner', 'due'],
        properties: { action: { type: 'string', minLength: 1, maxLength: 2000 }, owner: { type: 'string', minLength: 1, maxLength: 200 }, due: { type: 'string', format: 'date' } },
      },
    },
  },
};
const progressBody: JsonSchema = {
  type: 'object', additionalProperties: false, required: ['status', 'owner', 'on'],
  properties: {
    status: { enum: ['in-progress', 'done'], description: '`done` records the action as completed on `on`' },
    owner: { type: 'string', minLength: 1, maxLength: 200, description: 'Who owns the action now' },
    on: { type: 'string', format: 'date', description: 'The date of the progress or completion; not in the future' },
    note: { type: 'string', maxLength: 2000 },
  },
};
const settingsBody: JsonSchema = {
  type: 'object', additionalProperties: false, required: ['challengeWindowDays'],
  properties: { challengeWindowDays: { type: 'integer', minimum: 1, maximum: 365, description: 'Days from sharing the draft during which the provider may comment' } },
};

/** A report route; generic in method and path, so the app's type (`hc<AppType>`) keeps each route's own path. */
const route = <M extends 'get' | 'post' | 'put' | 'delete', P extends string>(method: M, path: P, summary: string, access: 'signed-in' | 'officer' | 'council-admin', params: z.ZodObject, extra: Record<string, unknown> = {}) =>
  defineRoute({ method, path, tags: ['reports'], summary, access, request: { params }, ...extra });

const listRoute = route('get', '/api/councils/{council}/reports', "Shared and final reports: a provider user sees only its own providers'; council staff see all", 'signed-in', councilParams);
const oneRoute = route('get', '/api/councils/{council}/assessments/{id}/report', 'The provider report of an assessment (staff: also the draft; a provider user: its own once shared)', 'signed-in', reportParams);
const pdfRoute = route('get', '/api/councils/{council}/assessments/{id}/report.pdf', 'The provider report as a PDF, with page numbers', 'signed-in', reportParams, { reply: 'pdf' });
const shareRoute = route('post', '/api/councils/{council}/assessments/{id}/report/share', 'Share the draft report with the provider: opens the factual-accuracy challenge window', 'officer', reportParams);
const commentRoute = route('post', '/api/councils/{council}/assessments/{id}/report/comments', "A provider user's factual-accuracy comment on one finding, within the challenge window", 'signed-in', reportParams, { body: commentBody, status: 201 });
const answerRoute = route('post', '/api/councils/{council}/assessments/{id}/report/comments/{comment}/answer', 'The officer accepts or rejects a comment, with a reason', 'officer', commentParams, { body: answerBody });
const finaliseRoute = route('post', '/api/councils/{council}/assessments/{id}/report/finalise', 'Make the report final once every comment is answered: the final report records them', 'officer', reportParams);
const planRoute = route('put', '/api/councils/{council}/assessments/{id}/report/action-plan', "The provider's improvement action plan: an owner and a due date per action", 'signed-in', reportParams, { body: planBody });
const progressRoute = route('post', '/api/councils/{council}/assessments/{id}/report/action-plan/{action}/progress', 'Record progress or completion of one action of the plan (owner, date), the only change to the plan once the report is final', 'signed-in', planActionParams, { body: progressBody, status: 201 });
const settingsRoute = route('get', '/api/councils/{council}/report-settings', "The council's report settings: the challenge window when the pack declares none", 'officer', councilParams);
const putSettingsRoute = route('put', '/api/councils/{council}/report-settings', "Set the council's challenge window (used when the pack declares no `challengeWindowDays`)", 'council-admin', councilParams, { body: settingsBody });
const grantRoute = route('put', '/api/councils/{council}/providers/{id}/report-users/{user}', "Make a user a provider user of this provider: it sees this provider's shared and final reports, comments and plans, nothing else", 'council-admin', grantParams, { status: 204, reply: 'none' });
const revokeRoute = route('delete', '/api/councils/{council}/providers/{id}/report-users/{user}', 'Stop a user being a provider user of this provider', 'council-admin', grantParams, { status: 204, reply: 'none' });

/** Runs a write and its audit entry in one transaction (docs/roles.md: every write is audited). */
async function audited(c: Context<AppEnv>, entry: AuditEntry, write: (tx: Queryable) => Promise<unknown>): Promise<void> {
  await c.var.services.db.transaction(async (tx) => {
    await write(tx);
    await recordAudit(tx, entry);
  });
}

/** A path parameter (every route here declares the ones it reads). */
function param(c: Context<AppEnv>, name: string): string {
  return c.req.param(name) ?? '';
}

/** The report as the caller may see it: 403 for another provider's, 404 for an unshared draft (provider users). */
async function visibleReport(c: Context<AppEnv>, reader: ReportReader): Promise<ReportState> {
  const state = await loadReport(c, param(c, 'council'), param(c, 'id'));
  requireOwnProvider(reader, state.providerId);
  if (reader.kind === 'provider' && state.status === 'draft') throw notFound(`Shared report of assessment "${state.assessmentId}"`);
  return state;
}

function reply(s: ReportState) {
  return {
    assessmentId: s.assessmentId,
    providerId: s.providerId,
    status: s.status,
    ...(s.visit ? { visit: { id: s.visit.id, status: s.visit.status } } : {}),
    ...(s.sharedOn ? { sharedOn: s.sharedOn } : {}),
    report: s.report,
    comments: s.comments,
    actionPlan: s.actionPlan,
  };
}

/** The report's visit record, signed off and not yet shared; else 409 `not-signed-off` saying what is missing. */
function requireSignedOff(s: ReportState): ReportVisit {
  if (!s.visit) {
    throw new HttpError(409, 'not-signed-off', `Assessment "${s.assessmentId}" has no visit record: only a visit record that a reviewer signed off is shared with the provider`);
  }
  if (s.visit.status !== 'signed-off') {
    throw new HttpError(409, 'not-signed-off', `The visit record "${s.visit.id}" is ${s.visit.status}: a reviewer signs it off before its report is shared with the provider`);
  }
  return s.visit;
}

/** Findings a comment may name: the report's bands, the pack's criteria, and the report's other parts. */
function findings(s: ReportState, criteria: string[]): Set<string> {
  return new Set([...s.report.bands.map((b) => b.instance), ...criteria, 'actions', 'next-visit', 'evidence']);
}

/**
 * The provider report and its factual-accuracy challenge: read (JSON or PDF), share the draft,
 * the provider's comments per finding within the window, the officer's answers, final; the
 * provider's improvement action plan; provider users; the council's challenge window setting.
 */
export function reportRoutes() {
  return apiRouter()
    .openapi(listRoute, async (c) => {
      const councilId = (await requireCouncil(c, param(c, 'council'))).id;
      const reader = await reportReader(c, councilId, 'read');
      const params: unknown[] = [councilId];
      let where = 's.council_id = $1';
      if (reader.kind === 'provider') {
        params.push([...reader.providerIds]);
        where += ' AND s.provider_id = ANY($2)';
      }
      const rows = await c.var.services.db.query<{ assessment_id: string; provider_id: string; provider_name: string; visit_date: string; status: string; shared_on: string; challenge_until: string }>(
        `SELECT s.assessment_id, s.provider_id, p.name AS provider_name, a.assessment_date::text AS visit_date, v.status,
            s.shared_on::text AS shared_on, s.challenge_until::text AS challenge_until
          FROM report_shares s JOIN visit_records v ON v.assessment_id = s.assessment_id
          JOIN providers p ON p.id = s.provider_id JOIN assessments a ON a.id = s.assessment_id
          WHERE ${where} ORDER BY s.shared_on DESC, s.assessment_id LIMIT 500`,
        params,
      );
      return c.json({
        reports: rows.map((r) => ({
          assessmentId: r.assessment_id, providerId: r.provider_id, providerName: r.provider_name, visitDate: r.visit_date,
          status: r.status, sharedOn: r.shared_on, challengeUntil: r.challenge_until,
        })),
      });
    })
    .openapi(oneRoute, async (c) => {
      await requireCouncil(c, param(c, 'council'));
      const reader = await reportReader(c, param(c, 'council'), 'read');
      return c.json(reply(await visibleReport(c, reader)));
    })
    .openapi(pdfRoute, async (c) => {
      await requireCouncil(c, param(c, 'council'));
      const reader = await reportReader(c, param(c, 'council'), 'read');
      const s = await visibleReport(c, reader);
      const pdf = await reportPdf(s.report, { status: s.status, ...(s.sharedOn ? { sharedOn: s.sharedOn } : {}), comments: s.comments });
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `inline; filename="report-${s.assessmentId}.pdf"`);
      return c.body(new Uint8Array(pdf));
    })
    .openapi(shareRoute, async (c) => {
      const council = c.var.council;
      const user = c.var.user!;
      const s = await loadReport(c, council.id, param(c, 'id'));
      if (s.status !== 'draft') throw new HttpError(409, 'already-shared', `The report of assessment "${s.assessmentId}" was shared on ${s.sharedOn}`);
      const visit = requireSignedOff(s);
      const on = today();
      const [row] = await c.var.services.db.query<{ pack_version_id: string }>(
        `SELECT d.pack_version_id FROM determinations d WHERE d.assessment_id = $1 ORDER BY d.created_at DESC LIMIT 1`, [s.assessmentId]);
      const version = await findVersionById(c.var.services.db, row!.pack_version_id);
      const w = challengeWindow(version!.content, await councilWindowDays(c, council.id), on);
      await audited(c, { actor: user.id, councilId: council.id, action: 'report-share', entity: 'report', entityId: s.assessmentId, detail: { challengeUntil: w.until, visit: visit.id } }, async (tx) => {
        // The visit record moves on under its lock: a second share at the same moment is refused (409).
        await moveVisitStatus(tx, visit.id, 'shared', user.id, { assessmentId: s.assessmentId });
        await tx.query(
          `INSERT INTO report_shares (assessment_id, council_id, provider_id, shared_by, shared_on, challenge_days, challenge_until, challenge_basis, challenge_why)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [s.assessmentId, council.id, s.providerId, user.id, on, w.days, w.until, w.basis, w.why],
        );
      });
      return c.json(reply(await loadReport(c, council.id, s.assessmentId)));
    })
    .openapi(commentRoute, async (c) => {
      await requireCouncil(c, param(c, 'council'));
      const reader = await reportReader(c, param(c, 'council'), 'write');
      if (reader.kind !== 'provider') throw new HttpError(403, 'forbidden', 'Only a provider user comments on its report');
      const body = validBody<{ finding: string; comment: string }>(c);
      const s = await visibleReport(c, reader);
      if (s.status === 'final') throw new HttpError(409, 'report-final', 'The report is final: comments are closed');
      if (today() > s.report.challenge.until) throw new HttpError(409, 'challenge-window-closed', `Comments were accepted until ${s.report.challenge.until}`);
      const [row] = await c.var.services.db.query<{ pack_version_id: string }>(
        'SELECT d.pack_version_id FROM determinations d WHERE d.assessment_id = $1 ORDER BY d.created_at DESC LIMIT 1', [s.assessmentId]);
      const version = row && await findVersionById(c.var.services.db, row.pack_version_id);
      const criteria = (version?.content.framework?.domains ?? []).flatMap((d) => d.standards.flatMap((st) => st.criteria.map((x) => x.id)));
      if (!findings(s, criteria).has(body.finding)) {
        throw new HttpError(422, 'unknown-finding', `"${body.finding}" is no finding of this report`, { details: [{ pointer: '/finding', message: 'must be a band of the report, a criterion id, actions, next-visit or evidence' }] });
      }
      const id = randomUUID();
      await audited(c, { actor: reader.user.id, councilId: param(c, 'council'), action: 'report-comment', entity: 'report', entityId: s.assessmentId, detail: { comment: id, finding: body.finding } }, (tx) =>
        tx.query('INSERT INTO report_comments (id, assessment_id, finding, comment, by_user) VALUES ($1, $2, $3, $4, $5)', [id, s.assessmentId, body.finding, body.comment, reader.user.id]));
      return c.json({ id, finding: body.finding, comment: body.comment }, 201);
    })
    .openapi(answerRoute, async (c) => {
      const council = c.var.council;
      const user = c.var.user!;
      const body = validBody<{ decision: 'accepted' | 'rejected'; reason: string }>(c);
      const s = await loadReport(c, council.id, param(c, 'id'));
      if (s.status === 'final') throw new HttpError(409, 'report-final', 'The report is final: its answers are recorded');
      const comment = s.comments.find((k) => k.id === param(c, 'comment'));
      if (!comment) throw notFound(`Comment "${param(c, 'comment')}" on the report of assessment "${s.assessmentId}"`);
      await audited(c, { actor: user.id, councilId: council.id, action: 'report-comment-answer', entity: 'report', entityId: s.assessmentId, detail: { comment: comment.id, decision: body.decision } }, (tx) => tx.query(
        'UPDATE report_comments SET decision = $1, reason = $2, answered_by = $3, answered_at = now() WHERE id = $4 AND assessment_id = $5',
        [body.decision, body.reason, user.id, comment.id, s.assessmentId],
      ));
      return c.json(reply(await loadReport(c, council.id, s.assessmentId)));
    })
    .openapi(finaliseRoute, async (c) => {
      const council = c.var.council;
      const user = c.var.user!;
      const s = await loadReport(c, council.id, param(c, 'id'));
      if (s.status !== 'shared') throw new HttpError(409, s.status === 'final' ? 'report-final' : 'not-shared', s.status === 'final' ? 'The report is already final' : 'Share the draft report before making it final');
      const open = s.comments.filter((k) => !k.answer);
      if (open.length > 0) {
        throw new HttpError(409, 'comments-unanswered', `${open.length} comment(s) await an answer`, { details: open.map((k) => ({ pointer: `/comments/${k.id}`, message: `comment on ${k.finding} is not answered` })) });
      }
      // Finalising the report makes its visit record final (who and when: visit_events).
      await audited(c, { actor: user.id, councilId: council.id, action: 'report-finalise', entity: 'report', entityId: s.assessmentId }, (tx) =>
        moveVisitStatus(tx, s.visit!.id, 'final', user.id, { assessmentId: s.assessmentId }));
      return c.json(reply(await loadReport(c, council.id, s.assessmentId)));
    })
    .openapi(planRoute, async (c) => {
      await requireCouncil(c, param(c, 'council'));
      const reader = await reportReader(c, param(c, 'council'), 'write');
      if (reader.kind !== 'provider') throw new HttpError(403, 'forbidden', 'Only a provider user submits its improvement action plan');
      const body = validBody<{ actions: { action: string; owner: string; due: string }[] }>(c);
      const s = await visibleReport(c, reader);
      if (s.status === 'final' && s.actionPlan.length > 0) {
        throw new HttpError(409, 'report-final', 'The report is final: its action plan can no longer be replaced. Record progress or completion of each action instead (POST .../report/action-plan/{action}/progress)');
      }
      await audited(c, { actor: reader.user.id, councilId: param(c, 'council'), action: 'report-action-plan', entity: 'report', entityId: s.assessmentId, detail: { actions: body.actions.length } }, async (tx) => {
        await tx.query('DELETE FROM report_action_plans WHERE assessment_id = $1', [s.assessmentId]);
        for (const [i, a] of body.actions.entries()) {
          await tx.query('INSERT INTO report_action_plans (assessment_id, position, action, owner, due, by_user) VALUES ($1, $2, $3, $4, $5, $6)', [s.assessmentId, i, a.action, a.owner, a.due, reader.user.id]);
        }
      });
      return c.json({ actionPlan: (await loadReport(c, param(c, 'council'), s.assessmentId)).actionPlan });
    })
    .openapi(progressRoute, async (c) => {
      await requireCouncil(c, param(c, 'council'));
      const reader = await reportReader(c, param(c, 'council'), 'write');
      const body = validBody<ProgressRequest>(c);
      const s = await visibleReport(c, reader);
      const number = Number(param(c, 'action'));
      const action = Number.isInteger(number) && number >= 1 ? s.actionPlan[number - 1] : undefined;
      if (!action) throw notFound(`Action ${param(c, 'action')} of the action plan of assessment "${s.assessmentId}" (it has ${s.actionPlan.length})`);
      if (s.status !== 'final') {
        throw new HttpError(409, 'report-not-final', 'Progress is recorded once the report is final; until then the provider changes the action plan itself');
      }
      if (body.on > today()) {
        throw new HttpError(422, 'invalid-body', 'The request body does not match its schema', { details: [{ pointer: '/on', message: `must not be in the future (today is ${today()})` }] });
      }
      if (action.status === 'done') {
        throw new HttpError(409, 'action-done', `Action ${number} was recorded as done on ${action.progress.at(-1)!.on}: nothing more can be recorded for it`);
      }
      await audited(c, { actor: reader.user.id, councilId: param(c, 'council'), action: 'report-action-progress', entity: 'report', entityId: s.assessmentId, detail: { action: number, before: action.status, after: body.status, owner: body.owner, on: body.on } }, (tx) =>
        appendProgress(tx, s.assessmentId, number - 1, body, reader.user.id));
      return c.json({ actionPlan: (await loadReport(c, param(c, 'council'), s.assessmentId)).actionPlan }, 201);
    })
    .openapi(settingsRoute, async (c) => {
      const days = await councilWindowDays(c, c.var.council.id);
      return c.json({ challengeWindowDays: days, default: days === null });
    })
    .openapi(putSettingsRoute, async (c) => {
      const body = validBody<{ challengeWindowDays: number }>(c);
      await audited(c, { actor: c.var.user!.id, councilId: c.var.council.id, action: 'report-settings-update', entity: 'council', entityId: c.var.council.id, detail: { challengeWindowDays: body.challengeWindowDays } }, (tx) => tx.query(
        `INSERT INTO report_settings (council_id, challenge_window_days, updated_by) VALUES ($1, $2, $3)
          ON CONFLICT (council_id) DO UPDATE SET challenge_window_days = EXCLUDED.challenge_window_days, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [c.var.council.id, body.challengeWindowDays, c.var.user!.id],
      ));
      return c.json({ challengeWindowDays: body.challengeWindowDays, default: false });
    })
    .openapi(grantRoute, async (c) => {
      const council = c.var.council;
      const provider = await requireProvider(c, council.id, param(c, 'id'));
      const [user] = await c.var.services.db.query<{ id: string }>('SELECT id FROM users WHERE id = $1', [param(c, 'user')]);
      if (!user) throw notFound(`User "${param(c, 'user')}"`);
      await audited(c, { actor: c.var.user!.id, councilId: council.id, action: 'provider-user-grant', entity: 'provider', entityId: provider.id, detail: { user: user.id } }, (tx) => tx.query(
        'INSERT INTO report_provider_users (user_id, council_id, provider_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [user.id, council.id, provider.id],
      ));
      return c.body(null, 204);
    })
    .openapi(revokeRoute, async (c) => {
      const council = c.var.council;
      const provider = await requireProvider(c, council.id, param(c, 'id'));
      const user = param(c, 'user');
      // Nothing to revoke is a 404, and writes nothing (not even its audit entry).
      await c.var.services.db.transaction(async (tx) => {
        const gone = await tx.query('DELETE FROM report_provider_users WHERE user_id = $1 AND council_id = $2 AND provider_id = $3 RETURNING user_id', [user, council.id, provider.id]);
        if (gone.length === 0) throw notFound(`Provider user "${user}" of provider "${provider.id}"`);
        await recordAudit(tx, { actor: c.var.user!.id, councilId: council.id, action: 'provider-user-revoke', entity: 'provider', entityId: provider.id, detail: { user } });
      });
      return c.body(null, 204);
    });
}
