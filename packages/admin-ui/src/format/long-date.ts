import { datesInText, longDate, monthName } from '@openqaf/engine/browser';

export { datesInText, longDate };

/**
 * A date-time as "1 December 2026, 14:05" (UTC), for audit entries and tokens.
 * @example longDateTime('2026-12-01T14:05:09Z') // '1 December 2026, 14:05 UTC'
 */
export function longDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${longDate(d.toISOString())}, ${d.toISOString().slice(11, 16)} UTC`;
}

/**
 * A month (`YYYY-MM`) as the UI writes it: "December 2026". Text that is not a month is returned as it stands.
 * @example longMonth('2026-12') // 'December 2026'
 */
export function longMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const name = m ? monthName(Number(m[2])) : undefined;
  return m && name ? `${name} ${m[1]}` : month;
}
