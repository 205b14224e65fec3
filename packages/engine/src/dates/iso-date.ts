/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in UTC so results never depend on the
 * machine's time zone.
 */
const DAY = 86_400_000;

/** True for a real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(v: unknown): v is string {
  // Hand-rolled rather than Date.parse: this runs several times in every evaluation.
  if (typeof v !== 'string' || v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return false;
  for (const i of DIGITS) { const c = v.charCodeAt(i); if (c < 48 || c > 57) return false; }
  const y = (v.charCodeAt(0) - 48) * 1000 + (v.charCodeAt(1) - 48) * 100 + (v.charCodeAt(2) - 48) * 10 + (v.charCodeAt(3) - 48);
  const m = (v.charCodeAt(5) - 48) * 10 + (v.charCodeAt(6) - 48);
  const d = (v.charCodeAt(8) - 48) * 10 + (v.charCodeAt(9) - 48);
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 ? (leap ? 29 : 28) : MONTH_DAYS[m - 1]!);
}

const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function toTime(d: string): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
}

function fromTime(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** `date` plus `n` calendar days. */
export function addDays(date: string, n: number): string {
  return fromTime(toTime(date) + n * DAY);
}

/**
 * `date` plus `n` calendar months; a day past the end of the target month clamps to its last
 * day (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  const d = Number(date.slice(8, 10));
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return fromTime(Date.UTC(ty, tm, Math.min(d, last)));
}

/**
 * The first date after `date` that falls on day `day` of its month (a shorter month's last
 * day when it has fewer days): the 8th after 2025-03-08 is 2025-04-08.
 */
export function nextDayOfMonth(date: string, day: number): string {
  const inMonth = (y: number, m: number): string => {
    const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    return fromTime(Date.UTC(y, m, Math.min(day, last)));
  };
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1;
  const same = inMonth(y, m);
  return same > date ? same : inMonth(m === 11 ? y + 1 : y, (m + 1) % 12);
}

/** `date` plus `n` working days (Monday to Friday; bank holidays are not known). */
export function addWorkingDays(date: string, n: number): string {
  let t = toTime(date);
  let left = n;
  while (left > 0) {
    t += DAY;
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return fromTime(t);
}
