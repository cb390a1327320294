import { ISTAT_MUNICIPALITY } from './province';
import { firstViolation, violation, type Violation } from '@shared/errors';

/**
 * Regional registry code of a structure (seed 002 Allegato A §a point a:
 * "dati di individuazione/riconoscimento della struttura"): 3 to 20 upper
 * case letters, digits or dashes. Checked in the database too.
 */
export const STRUCTURE_CODE = /^[A-Z0-9-]{3,20}$/;
/**
 * seed 003 §3.9.6: 888888 (structure in another region) and 999999 (not in
 * the regional list) are conventional codes used in interventions, never the
 * code of a registered structure.
 */
export const RESERVED_STRUCTURE_CODES: readonly string[] = ['888888', '999999'];
/** Structures for minors host people up to 21 (administrative continuation of care after 18). */
export const MAX_HOSTED_AGE = 21;
/** A plausible e-mail address: something@domain.tld, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A registration after normalisation (strings trimmed, blanks as null); the type code is checked against its list by the service. */
export interface StructureRegistration {
  readonly code: string;
  readonly name: string;
  readonly municipality: string;
  readonly capacity: number;
  readonly emergencyCapacity: number;
  readonly minAge: number | null;
  readonly maxAge: number | null;
  readonly contactEmail: string | null;
}

/** seed 002 §a point a: a structure is identified by its regional code. */
export function structureCodeValid(code: string): Violation | null {
  if (code === '') return violation('BAD_USER_INPUT', 'The structure code is empty', 'code');
  if (!STRUCTURE_CODE.test(code)) return violation('BAD_USER_INPUT', 'The structure code must be 3 to 20 upper case letters, digits or dashes', 'code');
  if (RESERVED_STRUCTURE_CODES.includes(code)) return violation('BAD_USER_INPUT', 'The structure code is reserved for interventions outside the registry', 'code');
  return null;
}

/** seed 002 §a point a: the structure's name (denominazione) is required. */
export function structureNamePresent(name: string): Violation | null {
  return name === '' ? violation('BAD_USER_INPUT', 'The structure name is empty', 'name') : null;
}

/** docs/domain.md: the location is a 6-digit ISTAT municipality code (the province is its first 3 digits). */
export function structureMunicipalityValid(municipality: string): Violation | null {
  return ISTAT_MUNICIPALITY.test(municipality) ? null : violation('BAD_USER_INPUT', 'The municipality must be a 6-digit ISTAT code', 'municipality');
}

/** docs/domain.md §3: capacity (ordinary places, at least one) and emergency places (pronta accoglienza, none or more). */
export function structureCapacityValid(capacity: number, emergencyCapacity: number): Violation | null {
  if (!Number.isInteger(capacity) || capacity < 1) return violation('BAD_USER_INPUT', 'The capacity must be at least 1 place', 'capacity');
  if (!Number.isInteger(emergencyCapacity) || emergencyCapacity < 0) return violation('BAD_USER_INPUT', 'The emergency capacity cannot be negative', 'emergencyCapacity');
  return null;
}

/** docs/domain.md §3: the age range hosted, 0 <= minAge <= maxAge <= 21 (either bound may be absent). */
export function structureAgeRangeValid(minAge: number | null, maxAge: number | null): Violation | null {
  if (minAge !== null && (!Number.isInteger(minAge) || minAge < 0 || minAge > MAX_HOSTED_AGE)) {
    return violation('BAD_USER_INPUT', `The minimum age must be between 0 and ${MAX_HOSTED_AGE}`, 'minAge');
  }
  if (maxAge !== null && (!Number.isInteger(maxAge) || maxAge < 0 || maxAge > MAX_HOSTED_AGE)) {
    return violation('BAD_USER_INPUT', `The maximum age must be between 0 and ${MAX_HOSTED_AGE}`, 'maxAge');
  }
  if (minAge !== null && maxAge !== null && minAge > maxAge) return violation('BAD_USER_INPUT', 'The minimum age is above the maximum age', 'maxAge');
  return null;
}

/** Internal contact (REGISTRY): a plausible e-mail address when given. */
export function contactEmailPlausible(email: string | null): Violation | null {
  if (email === null || (email.length <= 254 && EMAIL.test(email))) return null;
  return violation('BAD_USER_INPUT', 'The contact e-mail is not a valid address', 'contactEmail');
}

/** Every rule of a registration, in input order; the first broken one. */
export function validateStructureRegistration(r: StructureRegistration): Violation | null {
  return firstViolation(
    structureCodeValid(r.code),
    structureNamePresent(r.name),
    structureMunicipalityValid(r.municipality),
    structureCapacityValid(r.capacity, r.emergencyCapacity),
    structureAgeRangeValid(r.minAge, r.maxAge),
    contactEmailPlausible(r.contactEmail),
  );
}
