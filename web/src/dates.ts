/**
 * Dates as the hub sends them: ISO `YYYY-MM-DD`, "today" in Europe/Rome. The
 * calendar arithmetic is the hub's own (shared/time.ts, no Node dependency),
 * imported rather than copied so the page and the hub count days alike.
 */
export { addDays, addMonths, todayInRome } from '../../shared/time';

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
