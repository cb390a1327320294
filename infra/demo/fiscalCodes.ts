import { fiscalCodeCheckCharacter } from '@shared/rules';

const MONTHS = 'ABCDEHLMPRST';

/**
 * Build a syntactically valid fiscal code (with its check character) for
 * synthetic people: demo data and tests. `letters` are the six surname/name
 * letters, `place` the four-character cadastral code (e.g. H501 Rome).
 */
export function makeFiscalCode(letters: string, birthDate: string, sex: 'M' | 'F', place = 'H501'): string {
  const [y, m, d] = birthDate.split('-').map(Number);
  const day = sex === 'F' ? d + 40 : d;
  const first15 = `${letters.toUpperCase().padEnd(6, 'X').slice(0, 6)}${String(y % 100).padStart(2, '0')}${MONTHS[m - 1]}${String(day).padStart(2, '0')}${place}`;
  return first15 + fiscalCodeCheckCharacter(first15);
}
