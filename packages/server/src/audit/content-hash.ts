import { hash } from 'node:crypto';
import { jsonString } from '../engine/index.js';

/**
 * The canonical JSON text of a value: object keys sorted (by UTF-16 code units, as
 * `Array.prototype.sort` does), `undefined` members left out, no whitespace. Written with plain
 * loops and string building because it runs on every audited write, including each stored
 * evaluation's input.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return jsonString(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let text = '{';
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    text += (first ? '' : ',') + jsonString(key) + ':' + canonicalJson(member);
    first = false;
  }
  return `${text}}`;
}

/**
 * `sha256:<hex>` of a text, the form every hash in the audit log takes (one call, no hash object: it
 * runs on every write). Given the text's UTF-8 bytes, already encoded, it hashes them as they are:
 * the same hash as of the text.
 */
export function sha256Text(text: string | Uint8Array): string {
  return `sha256:${hash('sha256', text, 'hex')}`;
}

/** `sha256:<hex>` of a value's canonical JSON (keys sorted), used for audit before/after hashes. */
export function contentHash(value: unknown): string {
  return sha256Text(canonicalJson(value));
}
