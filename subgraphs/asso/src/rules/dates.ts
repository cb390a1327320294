import { violation, type Violation } from './violation';

/** API.md: a date in the future where only past facts can be recorded is INVALID_DATE_RANGE. */
export function notAfterToday(date: string, today: string, field: string): Violation | null {
  if (date <= today) return null;
  return violation('INVALID_DATE_RANGE', 'The date cannot be in the future', field);
}

/** API.md: an end date before its start date is INVALID_DATE_RANGE (reported on the end field). */
export function endNotBeforeStart(start: string, end: string | null, endField: string): Violation | null {
  if (end === null || end >= start) return null;
  return violation('INVALID_DATE_RANGE', 'The end date precedes the start date', endField);
}
