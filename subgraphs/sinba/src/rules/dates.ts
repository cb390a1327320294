import { violation, type Violation } from './violation';

/** API.md "Rules every client can count on": an end date before its start date is INVALID_DATE_RANGE. ISO strings compare as dates. */
export function endNotBeforeStart(startDate: string, endDate: string | null | undefined, field = 'endDate'): Violation | null {
  if (endDate == null || endDate >= startDate) return null;
  return violation('INVALID_DATE_RANGE', 'The end date precedes the start date', field);
}

/** A date that records something that has happened may not be in the future (birth date, case start). */
export function notAfterToday(date: string, today: string, field: string): Violation | null {
  if (date <= today) return null;
  return violation('INVALID_DATE_RANGE', 'The date is in the future', field);
}
