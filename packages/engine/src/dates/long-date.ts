const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A date the one way reports and the UI write dates, the UK's "1 December 2026", from an ISO date
 * (`2026-12-01`) or date-time (read in UTC, as the server stores it). Text that is not a date is
 * returned as it stands. The admin UI and the server's PDF report both write dates with it.
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
 * The name of a month from 1 (January) to 12, or undefined outside that range.
 * @example monthName(12) // 'December'
 */
export function monthName(month: number): string | undefined {
  return MONTHS[month - 1];
}

/**
 * Text with every ISO date in it (`2026-12-01`) written the UK way, for texts that name dates (an
 * explanation's words in the provider report, server messages in the UI).
 * @example datesInText('Visit record of 2026-12-01 not submitted') // 'Visit record of 1 December 2026 not submitted'
 */
export function datesInText(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => longDate(iso));
}
