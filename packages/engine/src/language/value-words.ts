/**
 * A value as an officer reads it, the one way the product writes a recorded or proposed value, a
 * case's expected value and a last run's: text and numbers as they are, `null` (or nothing) as "no
 * value", booleans as "yes"/"no", a list as its values joined ("Annual, Focussed", or "nothing"
 * when empty), anything else as JSON.
 * @example valueWords('Silver') // 'Silver'
 * @example valueWords(null) // 'no value'
 * @example valueWords(['Annual', 'Focussed']) // 'Annual, Focussed'
 */
export function valueWords(v: unknown): string {
  if (v === undefined || v === null) return 'no value';
  if (v === true) return 'yes';
  if (v === false) return 'no';
  if (Array.isArray(v)) return v.length ? v.map(valueWords).join(', ') : 'nothing';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
