import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/record.js';
import { HttpError } from '../http-error.js';
import type { Queryable } from '../store/index.js';

/** Largest evidence file, in bytes (the request body limit is larger, for the base64 text). */
export const EVIDENCE_FILE_MAX_BYTES = 4 * 1024 * 1024;

/** Largest evidence text, in characters. */
export const EVIDENCE_TEXT_MAX_CHARS = 20_000;

/** The file types evidence may be: PDF, images, office documents (and plain text). */
export const EVIDENCE_MEDIA_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/gif': 'GIF image',
  'image/webp': 'WebP image',
  'application/msword': 'Word document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.ms-excel': 'Excel workbook',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument spreadsheet',
  'text/plain': 'text file',
};

/** Body of `POST .../visits/{id}/evidence`: a text, or a file as base64. */
export interface EvidenceBody {
  /** The criterion, indicator or measure id the evidence is for. */
  target: string;
  text?: string;
  file?: { name: string; mediaType: string; base64: string };
}

/** One piece of evidence, without a file's content. */
export interface Evidence {
  id: string;
  target: string;
  kind: 'text' | 'file';
  text?: string;
  file?: { name: string; mediaType: string; size: number };
  createdBy: string;
  createdAt: string;
}

/** JSON Schema of {@link EvidenceBody}. */
export const evidenceBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['target'],
  properties: {
    target: { type: 'string', minLength: 1, maxLength: 200, description: 'Criterion, indicator or measure id' },
    text: { type: 'string', minLength: 1, maxLength: EVIDENCE_TEXT_MAX_CHARS },
    file: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'mediaType', 'base64'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 255 },
        mediaType: { type: 'string', minLength: 1, maxLength: 200 },
        base64: { type: 'string', minLength: 1 },
      },
    },
  },
} as const;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The decoded size of a file, or a 413/415/422 naming what is wrong (nothing is stored). */
function checkedFile(file: NonNullable<EvidenceBody['file']>): number {
  if (!Object.hasOwn(EVIDENCE_MEDIA_TYPES, file.mediaType)) {
    throw new HttpError(415, 'unsupported-evidence-type', `Evidence files may be PDF, images or office documents, not "${file.mediaType}"`, {
      details: [{ pointer: '/file/mediaType', message: `must be one of ${Object.keys(EVIDENCE_MEDIA_TYPES).join(', ')}` }],
    });
  }
  if (file.base64.length % 4 !== 0 || !BASE64.test(file.base64)) {
    throw new HttpError(422, 'invalid-body', 'The file is not valid base64', { details: [{ pointer: '/file/base64', message: 'is not base64' }] });
  }
  const size = (file.base64.length / 4) * 3 - (file.base64.endsWith('==') ? 2 : file.base64.endsWith('=') ? 1 : 0);
  if (size > EVIDENCE_FILE_MAX_BYTES) {
    throw new HttpError(413, 'evidence-too-large', `"${file.name}" is ${size} bytes; an evidence file may be at most ${EVIDENCE_FILE_MAX_BYTES} bytes (4 MB)`, {
      details: [{ pointer: '/file/base64', message: `is ${size} bytes, over ${EVIDENCE_FILE_MAX_BYTES}` }],
    });
  }
  return size;
}

/**
 * Stores one piece of evidence in the caller's transaction (with its audit entry): exactly one
 * of a text or a file, a file within the type and size limits. A refusal stores nothing.
 */
export async function addEvidence(tx: Queryable, visit: { id: string; councilId: string }, body: EvidenceBody, by: string): Promise<Evidence> {
  if ((body.text === undefined) === (body.file === undefined)) {
    throw new HttpError(422, 'invalid-body', 'Send either a text or a file as evidence', {
      details: [{ pointer: '', message: 'needs exactly one of "text" and "file"' }],
    });
  }
  const id = randomUUID();
  const size = body.file ? checkedFile(body.file) : null;
  const [row] = body.file
    ? await tx.query<{ created_at: Date }>(
        `INSERT INTO visit_evidence (id, visit_id, target, kind, file_name, media_type, size, content, created_by)
         VALUES ($1, $2, $3, 'file', $4, $5, $6, decode($7, 'base64'), $8) RETURNING created_at`,
        [id, visit.id, body.target, body.file.name, body.file.mediaType, size, body.file.base64, by],
      )
    : await tx.query<{ created_at: Date }>(
        `INSERT INTO visit_evidence (id, visit_id, target, kind, body, created_by) VALUES ($1, $2, $3, 'text', $4, $5) RETURNING created_at`,
        [id, visit.id, body.target, body.text, by],
      );
  const evidence = toEvidence({
    id, target: body.target, kind: body.file ? 'file' : 'text', body: body.text ?? null,
    file_name: body.file?.name ?? null, media_type: body.file?.mediaType ?? null,
    size, created_by: by, created_at: row!.created_at,
  });
  await recordAudit(tx, {
    actor: by,
    councilId: visit.councilId,
    action: 'visit-evidence-add',
    entity: 'visit',
    entityId: visit.id,
    detail: { evidenceId: id, target: body.target, kind: evidence.kind, ...(evidence.file ? { file: evidence.file } : {}) },
  });
  return evidence;
}

interface EvidenceRow {
  id: string;
  target: string;
  kind: 'text' | 'file';
  body: string | null;
  file_name: string | null;
  media_type: string | null;
  size: number | null;
  created_by: string;
  created_at: Date;
}

function toEvidence(r: EvidenceRow): Evidence {
  return {
    id: r.id,
    target: r.target,
    kind: r.kind,
    ...(r.kind === 'text' ? { text: r.body ?? '' } : { file: { name: r.file_name ?? '', mediaType: r.media_type ?? '', size: r.size ?? 0 } }),
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
  };
}

/** A visit record's evidence, oldest first, without file contents. */
export async function listEvidence(db: Queryable, visitId: string): Promise<Evidence[]> {
  const rows = await db.query<EvidenceRow>(
    `SELECT id, target, kind, body, file_name, media_type, size, created_by, created_at
       FROM visit_evidence WHERE visit_id = $1 ORDER BY created_at, id`,
    [visitId],
  );
  return rows.map(toEvidence);
}

/** One evidence file's name, type and bytes, or undefined. */
export async function evidenceFile(db: Queryable, visitId: string, id: string): Promise<{ name: string; mediaType: string; bytes: Buffer } | undefined> {
  const [row] = await db.query<{ file_name: string; media_type: string; content: string }>(
    `SELECT file_name, media_type, encode(content, 'base64') AS content FROM visit_evidence WHERE visit_id = $1 AND id = $2 AND kind = 'file'`,
    [visitId, id],
  );
  return row && { name: row.file_name, mediaType: row.media_type, bytes: Buffer.from(row.content.replace(/\s/g, ''), 'base64') };
}
