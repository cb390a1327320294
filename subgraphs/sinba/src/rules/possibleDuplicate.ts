import { violation, type Violation } from '@shared/errors';

/**
 * seed 001 (S.I.R.MI slides) "Anagrafica dei Minori (unica)": one registry
 * of minors for the whole region, so a minor registered twice splits its
 * history. With a fiscal code the unique index finds the duplicate
 * (DUPLICATE_MINOR); without one, the hub compares the person.
 */

/**
 * A name as the duplicate check compares it: accents removed (Unicode NFD,
 * combining marks dropped: "Niccolò" = "Niccolo"), lower case, and every
 * character that is not a letter or digit dropped (spaces, apostrophes,
 * hyphens: "De Luca" = "DELUCA", "D'Angelo" = "Dangelo").
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export interface PersonKey {
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate: string;
  readonly sex: string;
}

/** Same person for the check: normalised first and last name, birth date and sex all equal. */
export function samePerson(a: PersonKey, b: PersonKey): boolean {
  return a.birthDate === b.birthDate && a.sex === b.sex && normaliseName(a.firstName) === normaliseName(b.firstName) && normaliseName(a.lastName) === normaliseName(b.lastName);
}

/**
 * registerMinor without a fiscal code: POSSIBLE_DUPLICATE when a registered
 * minor is the same person by `samePerson`, unless the caller confirms a new
 * person (`confirmNewPerson: true`, e.g. two children with the same name born
 * the same day). The error reveals no id and no name: the caller looks the
 * minor up through searchMinors, which applies the privacy rules.
 */
export function possibleDuplicate(candidate: PersonKey, registered: readonly PersonKey[], confirmNewPerson: boolean): Violation | null {
  if (confirmNewPerson || !registered.some((r) => samePerson(candidate, r))) return null;
  return violation(
    'POSSIBLE_DUPLICATE',
    'A minor with the same first name, last name, birth date and sex is already registered: look for it before registering, or set confirmNewPerson to register a different person',
    'confirmNewPerson',
  );
}
