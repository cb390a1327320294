import { isValidCode } from '@shared/codes';
import { violation, type Violation } from '@shared/errors';
import { addDays, ageOn } from '@shared/time';

/*
 * Rules of placement episodes (inserimento / accoglienza, dimissione): what
 * structures record in ASMI (seed 001, "Dati di attività sui Minori in
 * struttura"; seed 003 §3.9.6 placements in community), with the episode
 * rules of docs/domain.md §6. Pure functions, one rule each,
 * each with its named test in __tests__/placementRules.test.ts.
 */

/** A placement's period: [admissionDate, dischargeDate), open-ended while not discharged. */
export interface Period {
  readonly admissionDate: string;
  readonly dischargeDate: string | null;
}

/**
 * Active on a date: admitted on or before it and not yet discharged on it.
 * The discharge day is not counted, so a same-day transfer counts the minor
 * once, in the new structure (docs/domain.md §5, episodes).
 */
export function activeOn(p: Period, date: string): boolean {
  return p.admissionDate <= date && (p.dischargeDate === null || p.dischargeDate > date);
}

/**
 * A placement admitted and discharged on the same day D (decision): it is
 * stored as it happened, discharge_date = admission_date, so its period
 * [D, D) is empty. It is an entry and an exit in the flows of a period, but
 * it counts in no day's occupancy (on D the minor counts where they are at
 * the end of the day), and the exclusion constraint on [admission, discharge)
 * does not see it. Its own rule: on D the minor cannot also be in a placement
 * that spans the whole day (admitted before D and not discharged by D), while
 * transfers into and out of it on D, and several such stays on one day (a few
 * hours in pronta accoglienza, then a community), are allowed. The database
 * holds the same rule (placement_same_day_inside_other, migration
 * 1732600000001).
 */
export function isSameDay(p: Period): boolean {
  return p.dischargeDate !== null && p.dischargeDate === p.admissionDate;
}

/** Admitted before the date and still placed after it (the whole day is inside the placement). */
function spansDay(p: Period, date: string): boolean {
  return p.admissionDate < date && (p.dischargeDate === null || p.dischargeDate > date);
}

/**
 * Two placements of the same minor overlap when their half-open periods
 * [admission, discharge) intersect, so a transfer (discharge on D, admission
 * elsewhere on D) is no overlap (docs/domain.md §6: SSDA903
 * X1 + continuation episode); same-day placements follow `isSameDay`.
 */
export function periodsOverlap(a: Period, b: Period): boolean {
  if (isSameDay(a) && isSameDay(b)) return false;
  if (isSameDay(a)) return spansDay(b, a.admissionDate);
  if (isSameDay(b)) return spansDay(a, b.admissionDate);
  const aEndsBeforeB = a.dischargeDate !== null && a.dischargeDate <= b.admissionDate;
  const bEndsBeforeA = b.dischargeDate !== null && b.dischargeDate <= a.admissionDate;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** One placement at a time for a minor (docs/conventions.md: PLACEMENT_OVERLAP; a transfer discharges on D and admits on D). */
export function noOverlap(existing: readonly Period[], candidate: Period): Violation | null {
  if (!existing.some((p) => periodsOverlap(p, candidate))) return null;
  return violation('PLACEMENT_OVERLAP', 'The minor already has a placement in this period: discharge it first (a transfer discharges and admits on the same day)', 'admissionDate');
}

/**
 * The highest number of minors hosted on any day from `from` on, given the
 * structure's placements that are still there on or after `from` (the SQL of
 * `findPeriodsOfStructureFrom`: discharge_date IS NULL OR discharge_date > from).
 * Occupancy only rises on admission days, so it is enough to look at `from`
 * and at every later admission date; same-day placements count on no day.
 */
export function peakOccupancyFrom(placements: readonly Period[], from: string): number {
  const days = new Set([from, ...placements.map((p) => p.admissionDate).filter((d) => d > from)]);
  let peak = 0;
  for (const day of days) peak = Math.max(peak, placements.filter((p) => activeOn(p, day)).length);
  return peak;
}

/**
 * Capacity (STRUCTURE_FULL): ordinary plus emergency places (ASSO capacity +
 * emergencyCapacity; docs/domain.md §6 "active accoglienze ≤
 * authorised places (+ pronta accoglienza quota)") are never exceeded on any
 * day of the new placement. An admission opens a placement with no end, so
 * its period is [admissionDate, ∞): for a retroactive admission the peak over
 * every later day already recorded must leave a free place, not only the
 * admission day. One pool of places for every kind: seed 003 §3.9.6 lets an
 * emergency placement go to any type of structure, so the kind does not pick
 * the places. Concurrent admissions are serialised by the structure's
 * advisory lock (placementService.admit), so the count read is the count written.
 */
export function withinCapacity(placements: readonly Period[], admissionDate: string, places: number): Violation | null {
  if (peakOccupancyFrom(placements, admissionDate) + 1 <= places) return null;
  return violation('STRUCTURE_FULL', `The structure has no free place (${places} authorised places) from the admission date`, 'structureCode', { places });
}

/** A discharge cannot precede the admission (docs/conventions.md INVALID_DATE_RANGE; docs/domain.md §6 "dataDimissione ≥ dataIngresso"). */
export function dischargeNotBeforeAdmission(placement: Period, dischargeDate: string): Violation | null {
  if (dischargeDate >= placement.admissionDate) return null;
  return violation('INVALID_DATE_RANGE', 'The discharge date precedes the admission date', 'dischargeDate');
}

/** Facts can be recorded only up to today (docs/conventions.md INVALID_DATE_RANGE); the rule every module uses. */
export { notAfterToday as notInFuture } from '@shared/rules';

/**
 * The structure's authorised age range (ASSO minAge/maxAge) against the
 * minor's age on the admission date. Seed 003 §3.9.6 ties structures to ages
 * ("accoglie bambini e adolescenti da 6 a 17 anni"; "non possono essere
 * accolti minori di 14 anni"; autonomy communities "17 - 21 anni"), and the
 * authorisation fixes whom the structure may host. Decision: an admission
 * outside the range is REFUSED (BAD_USER_INPUT on minorId), not flagged; a
 * structure needing an exception asks the supervisor to amend its range.
 * A missing bound means none (0; 21, the end of prosieguo amministrativo).
 * The message names the structure's range, never the minor's age: the
 * operator has no relationship with the minor yet (docs/privacy.md §4 DEMOGRAPHIC).
 */
export function ageWithinRange(birthDate: string | null, admissionDate: string, range: { minAge: number | null; maxAge: number | null }): Violation | null {
  if (!birthDate) return null;
  const age = ageOn(birthDate, admissionDate);
  const min = range.minAge ?? 0;
  const max = range.maxAge ?? 21;
  if (age >= min && age <= max) return null;
  return violation('BAD_USER_INPUT', `On the admission date the minor is outside the structure's authorised age range (${min} to ${max} years)`, 'minorId', { minAge: min, maxAge: max });
}

/**
 * seed 003 §3.2.1: an unborn child (NASCITURO, no birth date until birth) is
 * taken in charge by SINBA but lives with its mother: it cannot be admitted
 * to a structure (the mother is hosted, e.g. in a casa/comunità gestanti e
 * madri con bambino, §3.9.6). Refused with BAD_USER_INPUT on minorId; the
 * child is admitted once its birth is recorded (completeBirth). Also covers
 * a minor with no birth date, whose age cannot be checked.
 */
export function bornBeforeAdmission(minor: { birthDate: string | null; unborn?: boolean | null }): Violation | null {
  if (minor.unborn !== true && minor.birthDate) return null;
  return violation('BAD_USER_INPUT', 'An unborn child cannot be admitted to a structure: record the birth first (seed 003 §3.2.1)', 'minorId');
}

/**
 * The admission's coded facts are on their lists on the date they refer to
 * (docs/conventions.md "Reference data"): the kind always, the legal basis
 * when given; INVALID_CODE naming the list. Shared by an admission, a
 * placement request and a correction.
 */
export function admissionCodesValid(kind: string, legalBasis: string | null | undefined, onDate: string): Violation | null {
  if (!isValidCode('PLACEMENT_KIND', kind, onDate)) return violation('INVALID_CODE', 'Unknown placement kind', 'kind', { list: 'PLACEMENT_KIND' });
  if (legalBasis && !isValidCode('LEGAL_BASIS', legalBasis, onDate)) return violation('INVALID_CODE', 'Unknown legal basis', 'legalBasis', { list: 'LEGAL_BASIS' });
  return null;
}

/** A court-ordered placement names its court order (L. 184/1983; needed for the prosecutor's six-monthly list). */
export function courtReferenceWhenOrdered(legalBasis: string | null | undefined, reference: string | null | undefined): Violation | null {
  if (legalBasis !== 'COURT_ORDER' || (reference && reference.trim().length > 0)) return null;
  return violation('BAD_USER_INPUT', 'A placement by court order needs the reference of the order', 'courtOrderReference');
}

/**
 * docs/privacy.md §3 HOSTING: the minor has a placement in the structure active
 * on the date or discharged at most 30 days before it.
 */
export const HOSTING_GRACE_DAYS = 30;

/**
 * Issue 18 item 5, corrections: a structure may cancel its own discharge
 * (recorded by mistake, or with a wrong date or outcome, then recorded again)
 * within CORRECTION_WINDOW_DAYS of the discharge date, the days it still
 * hosts the minor for the privacy rules (HOSTING_GRACE_DAYS, docs/privacy.md
 * §3). After that the structure no longer sees the minor: the correction is a
 * request to the supervisor (FORBIDDEN with `correction: ASK_SUPERVISOR`).
 */
export const CORRECTION_WINDOW_DAYS = HOSTING_GRACE_DAYS;

export function dischargeCancellable(placement: { dischargeDate: string | null }, today: string): Violation | null {
  if (placement.dischargeDate === null) return violation('BAD_USER_INPUT', 'The placement is not discharged: there is nothing to cancel', 'placementId');
  if (addDays(placement.dischargeDate, CORRECTION_WINDOW_DAYS) < today) {
    return violation('FORBIDDEN', `The discharge is more than ${CORRECTION_WINDOW_DAYS} days old: ask the supervisor to correct it`, 'placementId', { correction: 'ASK_SUPERVISOR', windowDays: CORRECTION_WINDOW_DAYS });
  }
  return null;
}
