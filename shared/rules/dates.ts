import { violation, type Violation } from '../errors/violation';

/**
 * Date rules every module applies (docs/conventions.md "Rules every client can count
 * on"). ISO YYYY-MM-DD strings compare as dates.
 */

/** A date that records something that has happened may not be in the future: INVALID_DATE_RANGE on `field`. */
export function notAfterToday(date: string, today: string, field: string): Violation | null {
  if (date <= today) return null;
  return violation('INVALID_DATE_RANGE', 'The date cannot be in the future', field);
}

/** An end date before its start date is INVALID_DATE_RANGE, reported on the end field. */
export function endNotBeforeStart(startDate: string, endDate: string | null | undefined, field = 'endDate'): Violation | null {
  if (endDate == null || endDate >= startDate) return null;
  return violation('INVALID_DATE_RANGE', 'The end date precedes the start date', field);
}
