import { violation, type Violation } from '@shared/errors';

/*
 * The six-monthly list a structure owes the juvenile prosecutor (L. 184/1983
 * art. 9 c. 2: "ogni sei mesi" the structures send the list of the minors
 * they host, with each minor's situation; issue 7). Pure functions, each with
 * its named test in __tests__/prosecutorListRules.test.ts.
 */

/** A half-year: days [start, end], both inclusive. Half 1 = Jan 1–Jun 30, half 2 = Jul 1–Dec 31. */
export interface HalfYear {
  readonly year: number;
  readonly half: 1 | 2;
  readonly start: string;
  readonly end: string;
}

/** The first year a list can be asked for: L. 184/1983 came into force in 1983. */
export const FIRST_LIST_YEAR = 1984;

/**
 * The half-year of (year, half), or BAD_USER_INPUT on the offending field:
 * half must be 1 or 2; year a whole number from 1984 to the current year, and
 * the half-year must have started by today (a list of the current half-year
 * is allowed: it is the list so far).
 */
export function halfYear(year: number, half: number, today: string): HalfYear | Violation {
  if (!Number.isInteger(year) || year < FIRST_LIST_YEAR || year > 9999) return violation('BAD_USER_INPUT', `year must be a year from ${FIRST_LIST_YEAR}`, 'year');
  if (half !== 1 && half !== 2) return violation('BAD_USER_INPUT', 'half must be 1 (January to June) or 2 (July to December)', 'half');
  const y = String(year).padStart(4, '0');
  const period: HalfYear = half === 1 ? { year, half, start: `${y}-01-01`, end: `${y}-06-30` } : { year, half, start: `${y}-07-01`, end: `${y}-12-31` };
  if (period.start > today) return violation('BAD_USER_INPUT', 'The half-year has not started yet', half === 2 && `${y}-01-01` <= today ? 'half' : 'year');
  return period;
}

export function isViolation(v: HalfYear | Violation): v is Violation {
  return 'code' in v;
}

/** A placement's real dates (its period is [admissionDate, dischargeDate), rules/placementRules.ts). */
export interface ListedPeriod {
  readonly admissionDate: string;
  readonly dischargeDate: string | null;
}

/**
 * The placement belongs to the half-year's list when the minor was hosted on
 * at least one of its days: admitted by its last day, and not discharged by
 * its first day (the discharge day is not a hosted day, so a minor transferred
 * away on July 1 is on the first half's list only). A placement admitted and
 * discharged on the same day inside the half-year (a stay of a few hours) is
 * listed too: the minor was in the structure.
 */
export function onList(p: ListedPeriod, period: Pick<HalfYear, 'start' | 'end'>): boolean {
  if (p.admissionDate > period.end) return false;
  if (p.dischargeDate === null || p.dischargeDate > period.start) return true;
  return p.dischargeDate === p.admissionDate && p.admissionDate >= period.start;
}

/** The list shows the real dates; these flags say which of them lie outside the half-year. */
export function boundaryFlags(p: ListedPeriod, period: Pick<HalfYear, 'start' | 'end'>): { admittedBeforePeriod: boolean; dischargedAfterPeriod: boolean } {
  return { admittedBeforePeriod: p.admissionDate < period.start, dischargedAfterPeriod: p.dischargeDate === null || p.dischargeDate > period.end };
}
