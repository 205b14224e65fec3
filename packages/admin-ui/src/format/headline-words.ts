import { valueWords } from '@openqaf/engine/browser';

/**
 * A determination's headline value in words: the value itself, a list joined, and no value
 * ("not yet decided") while a person's decision that nothing reads meanwhile is awaited, such as
 * Bolton's PQR until the QA Team allocates it. Never "null". Any other value as the engine's `valueWords`.
 * @example headlineWords(null) // 'Not yet decided'
 */
export function headlineWords(value: unknown): string {
  return value === null || value === undefined ? 'Not yet decided' : valueWords(value);
}
