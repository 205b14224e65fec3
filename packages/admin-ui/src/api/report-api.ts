import type { ActionProgress, ProviderReport, ReportComment } from '@openqaf/server';
import { api, init } from './api-client.js';

// A progress record is the server's shape (reports/action-plan.ts), not declared again here.
export type { ActionProgress, ProviderReport, ReportComment };

/** Where a report stands: `draft` until its visit record is shared, then `shared`, then `final`. */
export type ReportStatus = 'draft' | 'shared' | 'final';

/** One action of the provider's improvement action plan: an owner and a date per action. */
export interface PlannedAction {
  action: string;
  owner: string;
  due: string;
}

/** An action of the plan as the server gives it: with its state and progress records. */
export interface TrackedPlannedAction extends PlannedAction {
  status: 'open' | 'in-progress' | 'done';
  progress: ActionProgress[];
}

/** `GET .../assessments/{id}/report`: the report, where it stands, its comments with answers and the action plan. */
export interface ReportReply {
  assessmentId: string;
  providerId: string;
  status: ReportStatus;
  /** The visit record the report belongs to (absent for an assessment posted without one). */
  visit?: { id: string; status: 'draft' | 'submitted' | 'signed-off' | 'shared' | 'final' };
  sharedOn?: string;
  report: ProviderReport;
  comments: ReportComment[];
  actionPlan: TrackedPlannedAction[];
}

/** One row of `GET .../reports`: shared and final reports (a provider user: only its own). */
export interface ReportListItem {
  assessmentId: string;
  providerId: string;
  providerName: string;
  visitDate: string;
  status: 'shared' | 'final';
  sharedOn: string;
  challengeUntil: string;
}

const reports = (council: string, id: string) => ({ param: { council, id } });

/** The report of an assessment. */
export async function loadReport(council: string, id: string, signal?: AbortSignal): Promise<ReportReply> {
  return (await api.call((rpc) => rpc.api.councils[':council'].assessments[':id'].report.$get(reports(council, id), init(signal)))) as unknown as ReportReply;
}

/** The council's shared and final reports the caller may see. */
export async function listReports(council: string, signal?: AbortSignal): Promise<ReportListItem[]> {
  const reply = await api.call((rpc) => rpc.api.councils[':council'].reports.$get({ param: { council } }, init(signal)));
  return (reply as unknown as { reports: ReportListItem[] }).reports;
}

/** Shares the draft report with the provider (the visit record must be signed off). */
export async function shareReport(council: string, id: string): Promise<ReportReply> {
  return (await api.call((rpc) => rpc.api.councils[':council'].assessments[':id'].report.share.$post(reports(council, id)))) as unknown as ReportReply;
}

/** A provider user's factual-accuracy comment on one finding. */
export async function commentOnReport(council: string, id: string, finding: string, comment: string): Promise<void> {
  await api.call((rpc) => rpc.api.councils[':council'].assessments[':id'].report.comments.$post(reports(council, id), init(undefined, { finding, comment })));
}

/** The officer accepts or rejects a comment, with a reason. */
export async function answerComment(council: string, id: string, comment: string, decision: 'accepted' | 'rejected', reason: string): Promise<ReportReply> {
  return (await api.call((rpc) => rpc.api.councils[':council'].assessments[':id'].report.comments[':comment'].answer.$post(
    { param: { council, id, comment } }, init(undefined, { decision, reason })))) as unknown as ReportReply;
}

/** Makes the report final (every comment answered). */
export async function finaliseReport(council: string, id: string): Promise<ReportReply> {
  return (await api.call((rpc) => rpc.api.councils[':council'].assessments[':id'].report.finalise.$post(reports(council, id)))) as unknown as ReportReply;
}

/** The provider's improvement action plan (replaces the previous one). */
export async function submitActionPlan(council: string, id: string, actions: PlannedAction[]): Promise<void> {
  await api.call((rpc) => rpc.api.councils[':council'].assessments[':id'].report['action-plan'].$put(reports(council, id), init(undefined, { actions })));
}

/** Records progress or completion of action `number` (from 1) of a final report's plan. */
export async function recordActionProgress(council: string, id: string, number: number, body: { status: 'in-progress' | 'done'; owner: string; on: string; note?: string }): Promise<TrackedPlannedAction[]> {
  const reply = await api.call((rpc) => rpc.api.councils[':council'].assessments[':id'].report['action-plan'][':action'].progress.$post(
    { param: { council, id, action: String(number) } }, init(undefined, body)));
  return (reply as unknown as { actionPlan: TrackedPlannedAction[] }).actionPlan;
}

/** Where the server's PDF of the report is. */
export function reportPdfHref(council: string, id: string): string {
  return `/api/councils/${encodeURIComponent(council)}/assessments/${encodeURIComponent(id)}/report.pdf`;
}
