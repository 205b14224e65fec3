import type { CustomFact } from '@openqaf/engine';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Kept for stored versions: pack 1.0.0 (released at 3610226, the first version a server seeded)
 * uses this fact; from 1.1.0 (cf0f94a) the pack writes the same date arithmetic as data
 * (`{ "addMonths": 3, "to": { "fact": ... } }`) and uses no plugin fact. A server keeps 1.0.0
 * stored, and possibly in force, so the plugin supplies the fact exactly as it behaved then
 * (restored from cf0f94a^ unchanged). New pack versions must not use it: write `addMonths`.
 * src/released-versions.test.ts compiles 1.0.0 with this plugin and runs its cases.
 *
 * The date a number of calendar months after another fact's date, for comparing with
 * `assessmentDate`: Herefordshire's "Advisory notice or placement suspension has been in place
 * for >3 months" (Appendix 2, Level 3) holds when the assessment date is after
 * `{ "fact": "monthsAfter", "params": { "date": "advisoryNoticeOrPlacementSuspensionIssuedOn", "months": 3 } }`.
 *
 * Params: `date`, the name of an input fact holding an ISO date; `months`, a whole number. A
 * day past the end of the target month clamps to its last day (30 November + 3 months = 28
 * February), as the engine's `addMonths` does. Returns `undefined` when the date is not recorded
 * or is not a calendar date, so every comparison with it is false.
 *
 * @example monthsAfter({ date: 'issuedOn', months: 3 }, { issuedOn: '2025-01-15' }) // '2025-04-15'
 * @see ../README.md
 */
export const monthsAfter: CustomFact = (params, facts) => {
  const name = params.date;
  const months = params.months;
  if (typeof name !== 'string' || typeof months !== 'number' || !Number.isInteger(months)) return undefined;
  const value = facts[name];
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const issued = new Date(Date.UTC(year, month, day));
  if (issued.getUTCFullYear() !== year || issued.getUTCMonth() !== month || issued.getUTCDate() !== day) return undefined;
  const target = month + months;
  const lastDay = new Date(Date.UTC(year, target + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, target, Math.min(day, lastDay))).toISOString().slice(0, 10);
};
