import { findCode, type CodeListName } from '@shared/codes';
import { findMunicipality } from '@shared/codes';
import { firstViolation, violation, type Violation } from '@shared/errors';
import { ISTAT_MUNICIPALITY, provinceOf } from './province';

/** A plausible e-mail address: something@domain.tld, no spaces (as the internal contact). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A phone number as written: optional +, digits with spaces, dots, dashes or slashes between them. */
const PHONE = /^\+?[0-9](?:[0-9 ./-]*[0-9])?$/;
/** Digits of a phone number: at least 6, at most 15 (E.164). */
export const PHONE_DIGITS = { min: 6, max: 15 } as const;

/** The location, health authority, hosted people and public contacts of a structure (issue 6), normalised (blank = null). */
export interface StructureProfile {
  readonly municipality: string;
  readonly healthAuthority: string | null;
  readonly gender: string | null;
  readonly target: string | null;
  readonly phone: string | null;
  readonly publicEmail: string | null;
}

/**
 * docs/domain.md §1 (comune, codice ISTAT): a well-formed municipality code
 * must also be in the shipped ISTAT list (shared/codes/municipalities.ts),
 * else INVALID_CODE like every coded input (docs/conventions.md). The format itself is
 * structureMunicipalityValid's (BAD_USER_INPUT).
 */
export function structureMunicipalityKnown(municipality: string): Violation | null {
  if (!ISTAT_MUNICIPALITY.test(municipality) || findMunicipality(municipality)) return null;
  return violation('INVALID_CODE', 'The municipality is not in the list of ISTAT municipality codes', 'municipality', { list: 'MUNICIPALITY' });
}

/** A coded value, when given, must be in its list on `onDate` (docs/conventions.md: INVALID_CODE with the list's name). */
export function codeInList(list: CodeListName, field: string, code: string | null, onDate: string): Violation | null {
  if (code === null || findCode(list, code, onDate)) return null;
  return violation('INVALID_CODE', `The ${field} is not in the ${list} list`, field, { list });
}

/**
 * seed 002 Allegato A, a) ASSA, punto c) ("ASL di riferimento"): the health
 * authority, when given, is a HEALTH_AUTHORITY code valid on `onDate` and
 * one of the ASLs of the structure's province (each ASL covers one province:
 * a Roma ASL for a structure in Latina is refused). The ASLs inside the
 * province of Rome are not matched to municipalities: the list carries no
 * such split.
 */
export function healthAuthorityValid(code: string | null, province: string, onDate: string): Violation | null {
  const unknown = codeInList('HEALTH_AUTHORITY', 'healthAuthority', code, onDate);
  if (unknown || code === null) return unknown;
  const covered = findCode('HEALTH_AUTHORITY', code)?.attributes?.province;
  if (covered === province) return null;
  return violation('BAD_USER_INPUT', `The health authority does not cover the structure's province (${province})`, 'healthAuthority');
}

/** Public phone number, when given: digits (6 to 15) with an optional leading + and separators. */
export function phonePlausible(phone: string | null): Violation | null {
  if (phone === null) return null;
  const digits = phone.replace(/[^0-9]/g, '').length;
  if (PHONE.test(phone) && digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max) return null;
  return violation('BAD_USER_INPUT', 'The phone number is not valid', 'phone');
}

/** Public e-mail (PUBLIC, unlike the internal contactEmail), when given: a plausible address. */
export function publicEmailPlausible(email: string | null): Violation | null {
  if (email === null || (email.length <= 254 && EMAIL.test(email))) return null;
  return violation('BAD_USER_INPUT', 'The public e-mail is not a valid address', 'publicEmail');
}

/** Every rule of the profile, in input order; codes checked against the lists valid on `onDate` (registration). */
export function validateStructureProfile(p: StructureProfile, onDate: string): Violation | null {
  return firstViolation(structureMunicipalityKnown(p.municipality), validateStructureDetails(p, onDate));
}

/**
 * The profile rules but the municipality's (an update cannot change the
 * municipality, so a row registered before the list check must stay
 * updatable): health authority against the municipality's province,
 * gender, target, contacts.
 */
export function validateStructureDetails(p: StructureProfile, onDate: string): Violation | null {
  return firstViolation(
    healthAuthorityValid(p.healthAuthority, provinceOf(p.municipality), onDate),
    codeInList('STRUCTURE_GENDER', 'gender', p.gender, onDate),
    codeInList('STRUCTURE_TARGET', 'target', p.target, onDate),
    phonePlausible(p.phone),
    publicEmailPlausible(p.publicEmail),
  );
}
