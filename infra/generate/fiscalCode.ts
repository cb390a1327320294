import { makeFiscalCode } from '../demo/fiscalCodes';
import { fiscalCodeCheckCharacter } from '@shared/rules';

const VOWELS = new Set(['A', 'E', 'I', 'O', 'U']);
const OMOCODIA_LETTERS = 'LMNPQRSTUV';
/** 0-based positions of the digits replaced under omocodia, right to left (DM 23/12/1976). */
const OMOCODIA_POSITIONS = [14, 13, 12, 10, 9, 7, 6];

function split(name: string): { consonants: string[]; vowels: string[] } {
  const letters = name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toUpperCase()
    .split('');
  return { consonants: letters.filter((c) => !VOWELS.has(c)), vowels: letters.filter((c) => VOWELS.has(c)) };
}

/** Surname letters: consonants, then vowels, then X (DM 23/12/1976). */
export function surnameLetters(surname: string): string {
  const { consonants, vowels } = split(surname);
  return [...consonants, ...vowels, 'X', 'X', 'X'].slice(0, 3).join('');
}

/** Name letters: with four or more consonants the 1st, 3rd and 4th; otherwise as the surname. */
export function nameLetters(name: string): string {
  const { consonants, vowels } = split(name);
  if (consonants.length >= 4) return consonants[0] + consonants[2] + consonants[3];
  return [...consonants, ...vowels, 'X', 'X', 'X'].slice(0, 3).join('');
}

/**
 * A valid fiscal code for a synthetic person, unique within `taken`: on a
 * collision the digits are replaced right to left by the omocodia letters
 * (the check character recomputed), as the Agenzia delle Entrate does.
 */
export function uniqueFiscalCode(taken: Set<string>, surname: string, name: string, birthDate: string, sex: 'M' | 'F', place: string): string {
  const base = makeFiscalCode(surnameLetters(surname) + nameLetters(name), birthDate, sex, place);
  if (!taken.has(base)) {
    taken.add(base);
    return base;
  }
  const chars = base.slice(0, 15).split('');
  for (const pos of OMOCODIA_POSITIONS) {
    chars[pos] = OMOCODIA_LETTERS[Number(chars[pos])] ?? chars[pos];
    const first15 = chars.join('');
    const code = first15 + fiscalCodeCheckCharacter(first15);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
  throw new Error(`No free fiscal code for ${surname} ${name} ${birthDate}`);
}
