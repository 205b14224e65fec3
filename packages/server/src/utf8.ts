import { HttpError } from './http-error.js';

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Byte offset where `bytes` stop being UTF-8: the start of the first malformed sequence.
 * Found by bisecting with the standard decoder (whether a prefix decodes, holding back an
 * incomplete last character, only turns from yes to no once), so the rules are WHATWG's exactly.
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (decodes(bytes.subarray(0, mid))) good = mid;
    else bad = mid;
  }
  // bytes[0, good) decode, holding back at most three bytes of a character that was never finished.
  let start = bad - 1;
  for (let back = 1; back <= 3 && start - back >= 0; back++) {
    const b = bytes[start - back]!;
    if ((b & 0xc0) === 0x80) continue;
    // A lead byte whose character would need more bytes than it got starts the bad sequence.
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (length > back) start -= back;
    break;
  }
  return start;
}

function decodes(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a request body as UTF-8, refusing (400, naming the byte offset) bytes that are not
 * UTF-8 instead of replacing them with U+FFFD, so what is stored is exactly what was sent.
 */
export function decodeUtf8Body(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  try {
    return strict.decode(view);
  } catch {
    const offset = invalidUtf8Offset(view);
    const message = `The body is not valid UTF-8 (byte offset ${offset})`;
    throw new HttpError(400, 'invalid-utf8', message, { details: [{ message: 'invalid UTF-8 sequence', offset }] });
  }
}
