/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in UTC so results never depend on the
 * machine's time zone.
 */
const DAY = 86_400_000;

/** True for a real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(v: unknown): v is string {
  // Hand-rolled rather than Date.parse: this runs several times in every evaluation.
  if (typeof v !== 'string' || v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return false;
  // Each digit read once, in place (0-9, else not a date).
  const y1 = v.charCodeAt(0) - 48; const y2 = v.charCodeAt(1) - 48; const y3 = v.charCodeAt(2) - 48; const y4 = v.charCodeAt(3) - 48;
  const m1 = v.charCodeAt(5) - 48; const m2 = v.charCodeAt(6) - 48; const d1 = v.charCodeAt(8) - 48; const d2 = v.charCodeAt(9) - 48;
  if (!(isDigit(y1) && isDigit(y2) && isDigit(y3) && isDigit(y4) && isDigit(m1) && isDigit(m2) && isDigit(d1) && isDigit(d2))) return false;
  const y = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 ? (leap ? 29 : 28) : MONTH_DAYS[m - 1]!);
}

/** A character code less 48 that is a decimal digit's. */
const isDigit = (n: number): boolean => n >= 0 && n <= 9;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The day number (days since 1970-01-01) of a date written `YYYY-MM-DD` with a year from 0100
 * and a month 01-12, by arithmetic alone (Howard Hinnant's `days_from_civil`); NaN for any other
 * text, which `Date` then reads as it always did. A day past the month's end counts on into the
 * next month, as `Date.UTC` counts it.
 */
export function dayNumber(d: string): number {
  if (d.length !== 10 || d.charCodeAt(4) !== 45 || d.charCodeAt(7) !== 45) return NaN;
  let y = 0;
  for (let i = 0; i < 4; i++) { const c = d.charCodeAt(i) - 48; if (c < 0 || c > 9) return NaN; y = y * 10 + c; }
  const m1 = d.charCodeAt(5) - 48; const m2 = d.charCodeAt(6) - 48; const d1 = d.charCodeAt(8) - 48; const d2 = d.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return NaN;
  const m = m1 * 10 + m2;
  // `Date.UTC` reads years 0-99 as 1900-1999 and rolls months over: left to it.
  if (y < 100 || m < 1 || m > 12) return NaN;
  return civilDays(y, m, d1 * 10 + d2);
}

/** Days since 1970-01-01 of year `y`, month `m` (1-12), day `d` (a day past the month's end counts on). */
export function civilDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

/**
 * The date (`YYYY-MM-DD`) of a day number (Hinnant's `civil_from_days`); undefined outside the
 * years 0000-9999, which `Date` writes in its own way.
 */
export function dateOfDay(n: number): string | undefined {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (!(y >= 0 && y <= 9999)) return undefined;
  return `${y >= 1000 ? y : String(y).padStart(4, '0')}-${TWO_DIGITS[m]!}-${TWO_DIGITS[d]!}`;
}

/** The weekday of a day number, Sunday 0 (as `Date.getUTCDay` numbers them). */
export function weekdayOfDay(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** Days in month `m` (1-12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : MONTH_DAYS[m - 1]!;
}

/** A date's time (ms since 1970-01-01), as `Date.UTC` gives it. */
export function toTime(d: string): number {
  const n = dayNumber(d);
  return n === n ? n * DAY : Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
}

/** A time's date, as `Date.toISOString` gives it (and its errors, for a time it cannot write). */
export function fromTime(t: number): string {
  return (Number.isFinite(t) ? dateOfDay(Math.floor(Math.trunc(t) / DAY)) : undefined) ?? new Date(t).toISOString().slice(0, 10);
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
  // By day numbers alone for a date of a year 0100-9999 landing in such a year; else as `Date` counts.
  if (Number.isInteger(n) && date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y = digits(date, 0, 4);
    const m0 = digits(date, 5, 7);
    const d = digits(date, 8, 10);
    if (y >= 100 && m0 >= 0 && d >= 0) {
      const m = m0 - 1 + n;
      const ty = y + Math.floor(m / 12);
      const tm = ((m % 12) + 12) % 12;
      if (ty >= 100 && ty <= 9999) {
        const out = dateOfDay(civilDays(ty, tm + 1, Math.min(d, daysInMonth(ty, tm + 1))));
        if (out !== undefined) return out;
      }
    }
  }
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  const d = Number(date.slice(8, 10));
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  return fromTime(Date.UTC(ty, tm, Math.min(d, lastDayOf(ty, tm))));
}

/** The number written in decimal digits at `from` to `to` of `v`; -1 when a character there is not a digit. */
function digits(v: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The last day of month `m` (0-11) of year `y`, as `Date` counts it (years 0-99 are 1900-1999 there). */
function lastDayOf(y: number, m: number): number {
  return Number.isInteger(y) && y >= 100 && Number.isInteger(m) && m >= 0 && m <= 11 ? daysInMonth(y, m + 1) : new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
}

/**
 * The first date after `date` that falls on day `day` of its month (a shorter month's last
 * day when it has fewer days): the 8th after 2025-03-08 is 2025-04-08.
 */
export function nextDayOfMonth(date: string, day: number): string {
  const inMonth = (y: number, m: number): string => fromTime(Date.UTC(y, m, Math.min(day, lastDayOf(y, m))));
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
    const wd = weekdayOfDay(Math.floor(Math.trunc(t) / DAY));
    if (wd !== 0 && wd !== 6) left--;
  }
  return fromTime(t);
}
