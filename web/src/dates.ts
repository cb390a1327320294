/**
 * Dates as the hub sends them: ISO `YYYY-MM-DD`, "today" in Europe/Rome. The
 * calendar arithmetic is the hub's own (shared/time.ts, no Node dependency),
 * imported rather than copied so the page and the hub count days alike.
 */
export { addDays, addMonths, todayInRome } from '@shared/time';

function toUtc(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** Whole days from `from` to `to` (0 on the same day). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

/** `dd/mm/yyyy` in both languages (the form Italian offices use). */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** Whether `value` is a real ISO calendar date (YYYY-MM-DD: no 30 February). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/**
 * An Italian date as typed (issue 18 item 9): `gg/mm/aaaa`, also with `-` or
 * `.` between the parts, one-digit day or month, or eight digits in a row
 * (`21092013`); an ISO date pasted from elsewhere is accepted too. Returns the
 * ISO date, or null when the text is not a real date.
 */
export function parseItalianDate(text: string): string | null {
  const s = text.trim();
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(s) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
