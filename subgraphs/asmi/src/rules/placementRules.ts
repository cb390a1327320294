import { violation, type Violation } from '../../../../shared/errors/violation';
import { ageOn } from '../../../../shared/time';

/** A placement's period: [admissionDate, dischargeDate), open-ended while not discharged. */
export interface Period {
  readonly admissionDate: string;
  readonly dischargeDate: string | null;
}

/**
 * Active on a date: admitted on or before it and not yet discharged on it.
 * The discharge day is not counted, so a same-day transfer counts the minor
 * once, in the new structure (reference/domain-anchors.md §5, episodes).
 */
export function activeOn(p: Period, date: string): boolean {
  return p.admissionDate <= date && (p.dischargeDate === null || p.dischargeDate > date);
}

/** Two placements of the same minor overlap when their half-open periods intersect (an empty same-day period overlaps nothing). */
export function periodsOverlap(a: Period, b: Period): boolean {
  const aEmpty = a.dischargeDate !== null && a.dischargeDate === a.admissionDate;
  const bEmpty = b.dischargeDate !== null && b.dischargeDate === b.admissionDate;
  if (aEmpty || bEmpty) return false;
  const aEndsBeforeB = a.dischargeDate !== null && a.dischargeDate <= b.admissionDate;
  const bEndsBeforeA = b.dischargeDate !== null && b.dischargeDate <= a.admissionDate;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** One placement at a time for a minor (API.md: PLACEMENT_OVERLAP; a transfer discharges on D and admits on D). */
export function noOverlap(existing: readonly Period[], candidate: Period): Violation | null {
  if (!existing.some((p) => periodsOverlap(p, candidate))) return null;
  return violation('PLACEMENT_OVERLAP', 'The minor already has a placement in this period: discharge it first (a transfer discharges and admits on the same day)', 'admissionDate');
}

/**
 * The highest number of minors hosted on any day from `from` on, given the
 * placements of the structure. Occupancy only rises on admission days, so it
 * is enough to look at `from` and at every later admission date.
 */
export function peakOccupancyFrom(placements: readonly Period[], from: string): number {
  const days = new Set([from, ...placements.map((p) => p.admissionDate).filter((d) => d > from)]);
  let peak = 0;
  for (const day of days) peak = Math.max(peak, placements.filter((p) => activeOn(p, day)).length);
  return peak;
}

/**
 * Capacity (ordinary plus emergency places) is never exceeded, on the
 * admission date or on any later day already recorded (a retroactive
 * admission must fit the whole period it covers). API.md: STRUCTURE_FULL.
 */
export function withinCapacity(placements: readonly Period[], admissionDate: string, places: number): Violation | null {
  if (peakOccupancyFrom(placements, admissionDate) + 1 <= places) return null;
  return violation('STRUCTURE_FULL', `The structure has no free place (${places} authorised places) from the admission date`, 'structureCode', { places });
}

/** A discharge cannot precede the admission (API.md INVALID_DATE_RANGE). */
export function dischargeNotBeforeAdmission(placement: Period, dischargeDate: string): Violation | null {
  if (dischargeDate >= placement.admissionDate) return null;
  return violation('INVALID_DATE_RANGE', 'The discharge date precedes the admission date', 'dischargeDate');
}

/** Facts can be recorded only up to today (API.md INVALID_DATE_RANGE). */
export function notInFuture(date: string, today: string, field: string): Violation | null {
  if (date <= today) return null;
  return violation('INVALID_DATE_RANGE', 'The date cannot be in the future', field);
}

/**
 * The structure's authorised age range (ASSO minAge/maxAge) against the
 * minor's age on the admission date. Decision: an admission outside the
 * range is REFUSED (the authorisation fixes whom the structure may host);
 * a structure needing an exception asks the supervisor to amend its range.
 */
export function ageWithinRange(birthDate: string | null, admissionDate: string, range: { minAge: number | null; maxAge: number | null }): Violation | null {
  if (!birthDate) return null;
  const age = ageOn(birthDate, admissionDate);
  const min = range.minAge ?? 0;
  const max = range.maxAge ?? 21;
  if (age >= min && age <= max) return null;
  return violation('BAD_USER_INPUT', `On the admission date the minor is ${age} years old, outside the structure's authorised age range ${min}-${max}`, 'minorId', { minAge: min, maxAge: max });
}

/** A court-ordered placement names its court order (L. 184/1983; needed for the prosecutor's six-monthly list). */
export function courtReferenceWhenOrdered(legalBasis: string | null | undefined, reference: string | null | undefined): Violation | null {
  if (legalBasis !== 'COURT_ORDER' || (reference && reference.trim().length > 0)) return null;
  return violation('BAD_USER_INPUT', 'A placement by court order needs the reference of the order', 'courtOrderReference');
}

/**
 * PRIVACY.md §3 HOSTING: the minor has a placement in the structure active
 * on the date or discharged at most 30 days before it.
 */
export const HOSTING_GRACE_DAYS = 30;
