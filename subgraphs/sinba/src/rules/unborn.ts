import { addMonths } from '@shared/time';
import { violation, type Violation } from '@shared/errors';

/** seed 003 §3.2.1: the anagrafica convention for the unborn (nascituro). */
export const UNBORN_NAME = 'NASCITURO';
/** seed 003 §3.2.1: municipalities of residence, birth and domicile are sent as 999999 until birth. */
export const UNKNOWN_MUNICIPALITY = '999999';
/** seed 003 §3.2.1: "la presa in carico possa cominciare 10 mesi prima della data di nascita". */
export const MAX_MONTHS_BEFORE_BIRTH = 10;

/**
 * seed 003 §3.2.1: a case may start at most 10 months before the (expected)
 * birth date. Applied with the birth date once born, with the expected birth
 * date while unborn; INVALID_DATE_RANGE on startDate otherwise.
 */
export function caseStartNotTooEarly(startDate: string, birthOrExpectedDate: string | null): Violation | null {
  if (birthOrExpectedDate === null) return null;
  if (startDate >= addMonths(birthOrExpectedDate, -MAX_MONTHS_BEFORE_BIRTH)) return null;
  return violation('INVALID_DATE_RANGE', `A case may start at most ${MAX_MONTHS_BEFORE_BIRTH} months before the birth date`, 'startDate');
}

/** seed 003 §3.2.1: the birth is recorded only once, on a minor registered as unborn. */
export function stillUnborn(minor: { unborn: boolean }): Violation | null {
  if (minor.unborn) return null;
  return violation('BAD_USER_INPUT', 'The minor is not registered as unborn', 'minorId');
}
