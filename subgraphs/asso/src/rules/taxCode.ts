import { violation, type Violation } from '../../../../shared/errors/violation';

/** Italian partita IVA: 11 digits, the last a Luhn-style check digit. */
export function partitaIvaValid(code: string): boolean {
  if (!/^[0-9]{11}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = code.charCodeAt(i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === code.charCodeAt(10) - 48;
}

// DM 23/12/1976: values of the characters in odd (1st, 3rd, ...) positions; digits map like letters A–J
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const PERSONAL = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/** Personal codice fiscale: 16 characters (omocodia letters allowed), the last a check letter. */
export function personalFiscalCodeValid(code: string): boolean {
  if (!PERSONAL.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = code[i];
    const index = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 65;
    sum += i % 2 === 0 ? ODD[index] : index;
  }
  return String.fromCharCode(65 + (sum % 26)) === code[15];
}

/**
 * Tax code of the managing entity (ente gestore, seed 002 §a point a): the
 * codice fiscale of a company (11-digit partita IVA) or of a person (16
 * characters), with its check character. Upper-cased before the check.
 */
export function managingEntityTaxCodeValid(code: string | null): Violation | null {
  if (code === null) return null;
  if (partitaIvaValid(code) || personalFiscalCodeValid(code)) return null;
  return violation('BAD_USER_INPUT', 'The tax code is not a valid partita IVA or fiscal code', 'managingEntityTaxCode');
}
