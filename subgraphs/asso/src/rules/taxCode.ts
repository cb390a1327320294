import { violation, type Violation } from '@shared/errors';
import { elevenDigitCodeValid, personalFiscalCodeValid } from '@shared/rules';

/**
 * Tax code of the managing entity (ente gestore, seed 002 §a point a): the
 * codice fiscale of a company (11-digit partita IVA) or of a person (16
 * characters), with its check character. Upper-cased before the check.
 */
export function managingEntityTaxCodeValid(code: string | null): Violation | null {
  if (code === null) return null;
  if (elevenDigitCodeValid(code) || personalFiscalCodeValid(code)) return null;
  return violation('BAD_USER_INPUT', 'The tax code is not a valid partita IVA or fiscal code', 'managingEntityTaxCode');
}
