import { parseFiscalCode } from './fiscalCode';

/**
 * The 11-digit codes of the Agenzia delle Entrate (DPR 605/1973): the partita
 * IVA and codice fiscale of a company, and the codice fiscale provvisorio
 * given to a person awaiting the 16-character one (for example a foreign
 * minor just arrived). The last digit is a Luhn-style check digit.
 */
export function elevenDigitCodeValid(code: string): boolean {
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

/** Personal codice fiscale: 16 characters (omocodia letters allowed), the last a check letter (shared/rules/fiscalCode.ts). */
export function personalFiscalCodeValid(code: string): boolean {
  return parseFiscalCode(code).ok;
}
