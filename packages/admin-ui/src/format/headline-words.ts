/**
 * A determination's headline value in words: the value itself, a list joined, and no value
 * ("not yet decided") while a person's decision that nothing reads meanwhile is awaited, such as
 * Bolton's PQR until the QA Team allocates it. Never "null".
 * @example headlineWords(null) // 'Not yet decided'
 */
export function headlineWords(value: unknown): string {
  if (value === null || value === undefined) return 'Not yet decided';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return Array.isArray(value) ? value.join(', ') : JSON.stringify(value);
}
