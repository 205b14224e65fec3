import { api, init } from './api-client.js';
import type { AssessmentBody } from './api-types.js';

/** A visit record's status: draft, submitted, signed-off, shared, final. */
export type VisitStatus = 'draft' | 'submitted' | 'signed-off' | 'shared' | 'final';

/** What the officer has entered so far: an assessment without its provider (judgements may be incomplete). */
export type VisitDraft = Omit<AssessmentBody, 'providerId'>;

/** One piece of evidence of a visit (a file without its content). */
export interface VisitEvidence {
  id: string;
  target: string;
  kind: 'text' | 'file';
  text?: string;
  file?: { name: string; mediaType: string; size: number };
  createdBy: string;
  createdAt: string;
}

/** A visit record as `GET .../visits/{id}` gives it, with the ETag of its revision. */
export interface Visit {
  id: string;
  providerId: string;
  status: VisitStatus;
  draft: VisitDraft;
  /** Facts filled from the provider record (to confirm or correct). */
  prefilled: Record<string, unknown>;
  /** The officer's confirmation that the facts from the provider record are right: who, when, the values confirmed. */
  factsConfirmed: { by: string; at: string; facts: Record<string, unknown> } | null;
  revision: number;
  assessmentId: string | null;
  determinationFinal: boolean;
  createdBy: string;
  updatedAt: string;
  events: { from: VisitStatus | null; to: VisitStatus; by: string; at: string; reason?: string }[];
  evidence: VisitEvidence[];
  /** Decisions a person recorded on its determination after sign-off: each with who decided what, when and why. */
  decisionsRecorded: VisitDecisionRecord[];
  /**
   * While it awaits sign-off: its determination was made under a version no longer in force on its
   * date (withdrawn, or published over), and what signing off will determine it as.
   */
  notUnderVersionInForce?: {
    decidedUnder: { version: string; withdrawn: string | null };
    inForce: { version: string } | null;
    before: string;
    after?: string;
    error?: string;
    differences: { explanation: string }[];
  };
  etag: string;
}

/** A person's decision recorded on a determination of a visit record: the determination it answered and the one it made. */
export interface VisitDecisionRecord {
  id: string;
  answers: { assessmentId: string; determinationId: string };
  assessmentId: string;
  decisions: Record<string, { value: unknown; by: string; at: string; reason?: string }>;
  recordedBy: string;
  recordedAt: string;
}

/** A visit in a list (no lifecycle steps, no evidence). */
export type VisitSummary = Omit<Visit, 'events' | 'evidence' | 'etag' | 'decisionsRecorded' | 'notUnderVersionInForce'>;

function withEtag<T extends { revision: number }>(data: T, etag: string | null): T & { etag: string } {
  return { ...data, etag: etag ?? `"${data.revision}"` };
}

/** Starts a visit record (a draft) for a provider; facts the provider record knows are filled in. */
export async function startVisit(council: string, providerId: string, date?: string): Promise<Visit> {
  const reply = await api.reply((rpc) => rpc.api.councils[':council'].visits.$post({ param: { council }, json: { providerId, ...(date ? { date } : {}) } }));
  return withEtag(reply.data as unknown as Visit, reply.etag);
}

/** One visit record with its evidence and lifecycle steps. */
export async function loadVisit(council: string, id: string, signal?: AbortSignal): Promise<Visit> {
  const reply = await api.reply((rpc) => rpc.api.councils[':council'].visits[':id'].$get({ param: { council, id } }, init(signal)));
  return withEtag(reply.data as unknown as Visit, reply.etag);
}

/** The council's visit records (of one provider, or one status), most recently changed first. */
export async function listVisits(council: string, filter: { providerId?: string; status?: VisitStatus }, signal?: AbortSignal): Promise<VisitSummary[]> {
  const reply = await api.call((rpc) => rpc.api.councils[':council'].visits.$get({ param: { council }, query: filter }, init(signal)));
  return reply.visits as unknown as VisitSummary[];
}

/** Saves the draft (and whether the facts from the provider record are confirmed) with If-Match: 409 when it was saved elsewhere since `etag`. */
export async function saveVisitDraft(council: string, id: string, draft: VisitDraft & { factsConfirmed?: boolean }, etag: string): Promise<Visit> {
  const reply = await api.reply((rpc) => rpc.api.councils[':council'].visits[':id'].draft.$put({ param: { council, id }, header: { 'if-match': etag }, json: draft }));
  return withEtag(reply.data as unknown as Visit, reply.etag);
}

/** Submits the draft saved at `etag`: evaluated and stored; not final until signed off. */
export async function submitVisit(council: string, id: string, etag: string): Promise<Visit> {
  const reply = await api.reply((rpc) => rpc.api.councils[':council'].visits[':id'].submit.$post({ param: { council, id }, header: { 'if-match': etag } }));
  return withEtag(reply.data as unknown as Visit, reply.etag);
}

/**
 * Signs off a submitted visit (a person other than the one who submitted it). `redetermineUnder`:
 * the version in force the reviewer was shown it will be determined again under (required when
 * the visit has `notUnderVersionInForce`).
 */
export async function signOffVisit(council: string, id: string, redetermineUnder?: string): Promise<Visit> {
  const reply = await api.reply((rpc) => rpc.api.councils[':council'].visits[':id']['sign-off'].$post({ param: { council, id }, query: redetermineUnder ? { redetermineUnder } : {} }));
  return withEtag(reply.data as unknown as Visit, reply.etag);
}

/** Returns a submitted visit to the officer as a draft, with the reason (a person other than the one who submitted it). */
export async function returnVisit(council: string, id: string, reason: string): Promise<Visit> {
  const reply = await api.reply((rpc) => rpc.api.councils[':council'].visits[':id'].return.$post({ param: { council, id }, json: { reason } }));
  return withEtag(reply.data as unknown as Visit, reply.etag);
}

/** Adds evidence for a criterion, indicator or measure: a text, or a file (sent as base64). */
export async function addVisitEvidence(council: string, id: string, body: { target: string; text?: string; file?: { name: string; mediaType: string; base64: string } }): Promise<VisitEvidence> {
  return (await api.call((rpc) => rpc.api.councils[':council'].visits[':id'].evidence.$post({ param: { council, id }, json: body }))) as unknown as VisitEvidence;
}

/** Where an evidence file is downloaded from. */
export function evidenceFileUrl(council: string, id: string, evidenceId: string): string {
  return `/api/councils/${encodeURIComponent(council)}/visits/${encodeURIComponent(id)}/evidence/${encodeURIComponent(evidenceId)}`;
}

/** A file's content as base64 (for the evidence body). */
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
