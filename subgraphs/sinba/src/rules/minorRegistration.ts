import { fiscalCodeMismatches, parseFiscalCode } from '@shared/rules';
import { notAfterToday } from '@shared/rules';
import { violation, type Violation } from '@shared/errors';
import { elevenDigitCodeValid } from '@shared/rules';
import type { OtherIdentifierKind } from '../entities/Minor';

/** ISTAT country code of citizenship: 3 digits (100 = Italy). */
const ISTAT_COUNTRY = /^\d{3}$/;
/** ISTAT municipality code: 6 digits (999999 = not yet known for the unborn, seed 003 §3.2.1). */
const ISTAT_MUNICIPALITY = /^\d{6}$/;

export interface MinorRegistration {
  /** Already normalised (trimmed, upper case) or null when absent. */
  readonly fiscalCode: string | null;
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate: string;
  readonly sex: 'M' | 'F';
  readonly citizenship: string;
  readonly birthMunicipality: string | null;
  readonly residenceMunicipality: string | null;
  readonly otherIdentifier?: OtherIdentifier | null;
}

/**
 * Longest first or last name accepted. The seed gives no length; names are
 * indexed (lower(last_name), searchMinors) and PostgreSQL refuses an index
 * entry over ~2,700 bytes, so an unbounded name would fail as a 500 instead
 * of BAD_USER_INPUT. 100 characters hold any real name.
 */
export const MAX_NAME_LENGTH = 100;

/** seed 003 §3.2 anagrafica: first and last name are required (NASCITURO for the unborn, §3.2.1), at most MAX_NAME_LENGTH characters. */
export function namesPresent(input: Pick<MinorRegistration, 'firstName' | 'lastName'>): Violation | null {
  if (input.firstName.trim() === '') return violation('BAD_USER_INPUT', 'The first name is empty', 'firstName');
  if (input.lastName.trim() === '') return violation('BAD_USER_INPUT', 'The last name is empty', 'lastName');
  if (input.firstName.trim().length > MAX_NAME_LENGTH) return violation('BAD_USER_INPUT', `The first name is longer than ${MAX_NAME_LENGTH} characters`, 'firstName');
  if (input.lastName.trim().length > MAX_NAME_LENGTH) return violation('BAD_USER_INPUT', `The last name is longer than ${MAX_NAME_LENGTH} characters`, 'lastName');
  return null;
}

/** docs/conventions.md: a birth date in the future is INVALID_DATE_RANGE. */
export function birthDateNotInFuture(birthDate: string, today: string): Violation | null {
  return notAfterToday(birthDate, today, 'birthDate');
}

/** seed 003 §3.2 anagrafica: citizenship is an ISTAT country code (3 digits). */
export function citizenshipIsIstatCode(citizenship: string): Violation | null {
  if (ISTAT_COUNTRY.test(citizenship)) return null;
  return violation('BAD_USER_INPUT', 'The citizenship must be a 3-digit ISTAT country code', 'citizenship');
}

/** seed 003 §3.2 anagrafica: municipalities are 6-digit ISTAT codes. */
export function municipalityIsIstatCode(code: string | null, field: string): Violation | null {
  if (code == null || ISTAT_MUNICIPALITY.test(code)) return null;
  return violation('BAD_USER_INPUT', 'The municipality must be a 6-digit ISTAT code', field);
}

/**
 * docs/domain.md: the fiscal code is validated with its check character (omocodia
 * allowed), and must agree with the declared birth date and sex. Optional:
 * foreign minors may have none, the unborn have none until birth (seed 003 §3.2.1).
 */
export function fiscalCodeValid(input: Pick<MinorRegistration, 'fiscalCode' | 'birthDate' | 'sex'>): Violation | null {
  if (input.fiscalCode == null) return null;
  const parsed = parseFiscalCode(input.fiscalCode);
  if (!parsed.ok) {
    return parsed.problem === 'CHECK_CHARACTER'
      ? violation('BAD_USER_INPUT', 'The fiscal code has a wrong check character', 'fiscalCode')
      : violation('BAD_USER_INPUT', 'The fiscal code is not well formed', 'fiscalCode');
  }
  const mismatches = fiscalCodeMismatches(parsed.birth, input);
  if (mismatches.length === 0) return null;
  const what = mismatches.map((m) => (m === 'birthDate' ? 'birth date' : 'sex')).join(' and ');
  return violation('BAD_USER_INPUT', `The fiscal code does not match the ${what}`, 'fiscalCode', { mismatch: mismatches });
}

/** What the birth-place check needs to know of the municipality list (shared/codes/municipalities.ts), passed in to keep the rule pure. */
export interface BirthPlaces {
  /** Cadastral code of the municipality with this ISTAT code; undefined when not in the list (e.g. 999999 for the unborn). */
  cadastralCodeOf(istatCode: string): string | undefined;
  /** Whether a cadastral code is a municipality of the list. */
  isCadastralCode(code: string): boolean;
}

/**
 * Issue 18 item 6: the birth place written in the fiscal code (cadastral code,
 * positions 12-15) must be the declared birth municipality (seed 003 §3.2
 * anagrafica: codice fiscale and comune di nascita), so a Palermo code is no
 * longer accepted with Rome. A Z code (born abroad) contradicts any Italian
 * municipality. Not checked when either is absent, when the municipality is
 * not in the list, or when the code's place is no municipality of the list
 * (abolished or merged since the minor's birth: the list cannot tell).
 */
export function fiscalCodeMatchesBirthMunicipality(input: Pick<MinorRegistration, 'fiscalCode' | 'birthMunicipality'>, places: BirthPlaces): Violation | null {
  if (input.fiscalCode == null || input.birthMunicipality == null) return null;
  const parsed = parseFiscalCode(input.fiscalCode);
  if (!parsed.ok) return null;
  const written = parsed.birth.placeCode;
  const declared = places.cadastralCodeOf(input.birthMunicipality);
  if (declared === undefined || declared === written) return null;
  if (!written.startsWith('Z') && !places.isCadastralCode(written)) return null;
  const message = written.startsWith('Z') ? 'The fiscal code is of a person born abroad, but a birth municipality in Italy was given' : 'The fiscal code names another birth municipality';
  return violation('BAD_USER_INPUT', message, 'birthMunicipality', { mismatch: ['birthMunicipality'] });
}

/** Another identifier of a foreign minor without a codice fiscale (already trimmed and upper-cased, spaces removed). */
export interface OtherIdentifier {
  readonly kind: OtherIdentifierKind;
  readonly value: string;
  readonly issuingCountry: string | null;
}

/** Documents issued abroad name their state; an Italian temporary code or residence permit does not need one. */
const NEEDS_COUNTRY: ReadonlySet<OtherIdentifierKind> = new Set(['PASSPORT', 'FOREIGN_ID_DOCUMENT']);

/**
 * Issue 5 / seed 003 §3.2 anagrafica: a foreign minor may have no codice
 * fiscale yet. The codice fiscale provvisorio (11 digits, DPR 605/1973) is
 * checked with its check digit; a passport or foreign identity document
 * names its issuing state (ISTAT country code); other documents are 4–30
 * letters and digits.
 */
export function otherIdentifierValid(id: OtherIdentifier | null): Violation | null {
  if (id === null) return null;
  if (id.kind === 'TEMPORARY_FISCAL_CODE') {
    if (!elevenDigitCodeValid(id.value)) return violation('BAD_USER_INPUT', 'A temporary fiscal code is 11 digits with a correct check digit', 'otherIdentifier.value');
    if (id.issuingCountry !== null) return violation('BAD_USER_INPUT', 'A temporary fiscal code is Italian: give no issuing country', 'otherIdentifier.issuingCountry');
    return null;
  }
  if (!/^[A-Z0-9]{4,30}$/.test(id.value)) return violation('BAD_USER_INPUT', 'The identifier must be 4 to 30 letters and digits', 'otherIdentifier.value');
  if (id.issuingCountry !== null && !ISTAT_COUNTRY.test(id.issuingCountry)) return violation('BAD_USER_INPUT', 'The issuing country must be a 3-digit ISTAT country code', 'otherIdentifier.issuingCountry');
  if (id.issuingCountry === null && NEEDS_COUNTRY.has(id.kind)) return violation('BAD_USER_INPUT', 'A passport or foreign identity document needs its issuing country', 'otherIdentifier.issuingCountry');
  return null;
}

/** All registration rules, first violation wins (in input order). */
export function validateMinorRegistration(input: MinorRegistration, today: string, places?: BirthPlaces): Violation | null {
  return (
    namesPresent(input) ??
    birthDateNotInFuture(input.birthDate, today) ??
    citizenshipIsIstatCode(input.citizenship) ??
    municipalityIsIstatCode(input.birthMunicipality, 'birthMunicipality') ??
    municipalityIsIstatCode(input.residenceMunicipality, 'residenceMunicipality') ??
    fiscalCodeValid(input) ??
    (places ? fiscalCodeMatchesBirthMunicipality(input, places) : null) ??
    otherIdentifierValid(input.otherIdentifier ?? null)
  );
}
