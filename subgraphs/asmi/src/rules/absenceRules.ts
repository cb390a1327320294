import { violation, type Violation } from '@shared/errors';
import type { Period } from './placementRules';

/*
 * Rules of absences and unauthorised departures during a placement (seed 001:
 * structures report what happens to the minors they host; docs/domain.md §4;
 * docs/domain.md §5 "missing"/"away"). An absence covers the
 * days [startDate, endDate] inclusive, endDate null while the minor is away.
 */

export interface DayRange {
  readonly startDate: string;
  readonly endDate: string | null;
}

/**
 * An absence lies within its placement: not before the admission and, once the
 * placement is discharged, not after the discharge day and closed (a minor
 * cannot stay away from a placement that has ended). INVALID_DATE_RANGE.
 */
export function withinPlacement(placement: Period, range: DayRange, startField = 'startDate', endField = 'endDate'): Violation | null {
  if (range.startDate < placement.admissionDate) return violation('INVALID_DATE_RANGE', 'The date precedes the admission', startField);
  if (placement.dischargeDate !== null) {
    if (range.startDate > placement.dischargeDate) return violation('INVALID_DATE_RANGE', 'The date follows the discharge', startField);
    if (range.endDate === null) return violation('INVALID_DATE_RANGE', 'The placement is discharged: an end date is needed', endField);
    if (range.endDate > placement.dischargeDate) return violation('INVALID_DATE_RANGE', 'The end date follows the discharge', endField);
  }
  return null;
}

/** Two inclusive day ranges (open end = still going) share a day. */
export function rangesOverlap(a: DayRange, b: DayRange): boolean {
  return (a.endDate === null || a.endDate >= b.startDate) && (b.endDate === null || b.endDate >= a.startDate);
}

/** Absences of one placement never overlap (a minor is away once at a time): BAD_USER_INPUT on startDate. */
export function noOverlappingAbsence(existing: readonly DayRange[], candidate: DayRange, field = 'startDate'): Violation | null {
  if (!existing.some((e) => rangesOverlap(e, candidate))) return null;
  return violation('BAD_USER_INPUT', 'Another absence of this placement covers some of these days', field);
}
