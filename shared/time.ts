/**
 * Dates of the hub are calendar dates in Italy: "today" is the date in
 * Europe/Rome, written YYYY-MM-DD, so relationships (docs/privacy.md §3) and rules
 * change at Italian midnight, not at UTC midnight.
 */
const romeDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });

export type Clock = () => string;

/**
 * The last date computed, for the UTC second it was computed in: every
 * request asks for today, and formatting through ICU's time zones costs
 * tens of microseconds. Exact: Rome's offsets are whole hours, so its
 * midnight falls on a second boundary and all of one UTC second is one date.
 */
let lastSecond = Number.NaN;
let lastDate = '';

export function todayInRome(now: Date = new Date()): string {
  const second = Math.floor(now.getTime() / 1000);
  if (second !== lastSecond) {
    lastDate = romeDate.format(now);
    lastSecond = second;
  }
  return lastDate;
}

export const systemClock: Clock = () => todayInRome();

/**
 * The instant a date begins in Europe/Rome (00:00 there, 23:00 or 22:00 UTC
 * the day before, winter or summer time). Midnight is never skipped nor
 * repeated in Italy (the clocks change at 02:00 and 03:00).
 */
export function startOfDayInRome(isoDate: string): Date {
  const utcMidnight = Date.parse(`${isoDate}T00:00:00Z`);
  for (const offsetHours of [1, 2]) {
    const t = utcMidnight - offsetHours * 3_600_000;
    if (todayInRome(new Date(t)) === isoDate && todayInRome(new Date(t - 1)) !== isoDate) return new Date(t);
  }
  throw new Error(`No midnight in Europe/Rome on ${isoDate}`);
}

/** Milliseconds from `now` to the next midnight in Europe/Rome (23, 24 or 25 hours apart across a clock change: compute it again each day). */
export function msUntilNextRomeMidnight(now: Date): number {
  return startOfDayInRome(addDays(todayInRome(now), 1)).getTime() - now.getTime();
}

/** Add days to an ISO date (calendar arithmetic in UTC, no DST effects). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Add calendar months to an ISO date; the day is clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whole years between a birth date and a date (age on that date). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}
