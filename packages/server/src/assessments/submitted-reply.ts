/**
 * The 201 reply of `POST /api/councils/{council}/assessments` (a {@link SubmittedAssessment}),
 * built from its parts rather than serialised as one object: the stored determination is already
 * JSON text (`StoredAssessment.determinationJson`, and its UTF-8 bytes, encoded once for its audit
 * hash), so it is spliced in as it is, never parsed or serialised again, and the explanation, when
 * the reply carries it, follows it as its own JSON text. The text is exactly what
 * `JSON.stringify({ id, providerId, date, packVersion, packHash, determination: { ...determination, explanation } })`
 * gives.
 */
import type { SubmittedAssessment } from './replies.js';

/** The parts of a submitted assessment's reply. */
export interface SubmittedReplyParts extends Omit<SubmittedAssessment, 'determination'> {
  /** The stored determination's JSON text (an object, without its explanation). */
  determinationJson: string;
  /** Its UTF-8 bytes, when already encoded (see `StoredAssessment.determinationBytes`). */
  determinationBytes?: Uint8Array;
  /** The explanation's JSON text, when the reply carries it. */
  explanationJson?: string;
}

const EXPLANATION_MEMBER = ',"explanation":';

/** `{"id":...,"packHash":...,"determination":` */
function head(parts: SubmittedReplyParts): string {
  const { id, providerId, date, packVersion, packHash } = parts;
  return `${JSON.stringify({ id, providerId, date, packVersion, packHash }).slice(0, -1)},"determination":`;
}

/** The reply as text (what an `Idempotency-Key` records, to be replayed). */
export function submittedReplyText(parts: SubmittedReplyParts): string {
  const { determinationJson, explanationJson } = parts;
  const determination = explanationJson === undefined ? determinationJson : `${determinationJson.slice(0, -1)}${EXPLANATION_MEMBER}${explanationJson}}`;
  return `${head(parts)}${determination}}`;
}

/**
 * The reply as UTF-8 bytes, written part by part into one buffer of its exact size: the
 * determination's bytes are copied, not encoded again, and no string of the whole reply (about
 * 22 kB for Birmingham with the explanation) is built and flattened first.
 */
export function submittedReplyBytes(parts: SubmittedReplyParts): Buffer<ArrayBuffer> {
  const start = head(parts);
  const determination = parts.determinationBytes ?? Buffer.from(parts.determinationJson, 'utf8');
  const { explanationJson } = parts;
  const startLength = Buffer.byteLength(start, 'utf8');
  const explanationLength = explanationJson === undefined ? 0 : Buffer.byteLength(explanationJson, 'utf8');
  const size = startLength + determination.length + 1 + (explanationJson === undefined ? 0 : EXPLANATION_MEMBER.length + explanationLength);
  const bytes = Buffer.allocUnsafe(size);
  let offset = bytes.write(start, 0, 'utf8');
  if (explanationJson === undefined) {
    bytes.set(determination, offset);
    offset += determination.length;
  } else {
    // The determination without its closing brace, then the explanation as its last member.
    bytes.set(determination.subarray(0, determination.length - 1), offset);
    offset += determination.length - 1;
    offset += bytes.write(EXPLANATION_MEMBER, offset, 'latin1');
    offset += bytes.write(explanationJson, offset, explanationLength, 'utf8');
    bytes[offset++] = 0x7d; // }
  }
  bytes[offset++] = 0x7d; // }
  return bytes;
}
