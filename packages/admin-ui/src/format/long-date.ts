const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A date the one way the UI writes dates, the UK's "1 December 2026", from an ISO date
 * (`2026-12-01`) or date-time (read in UTC, as the server stores it). Text that is not a
 * date is returned as it stands.
 * @example longDate('2026-12-01') // '1 December 2026'
 */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const d = iso.length > 10 ? new Date(iso) : new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

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
  const name = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && name ? `${name} ${m[1]}` : month;
}

/**
 * Text with every ISO date in it (`2026-12-01`) written the UK way, for server texts that name dates.
 * @example datesInText('Visit record of 2026-12-01 not submitted') // 'Visit record of 1 December 2026 not submitted'
 */
export function datesInText(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => longDate(iso));
}
