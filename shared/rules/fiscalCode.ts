/**
 * Codice fiscale of a natural person (DM 23/12/1976, DPR 605/1973; seed 003
 * §3.2 anagrafica, docs/domain.md "fiscal code (validated with its check character;
 * omocodia allowed)").
 *
 * Layout of the 16 characters (1-based positions):
 *   1-3 surname, 4-6 name           letters
 *   7-8 year of birth               2 digits
 *   9   month of birth              letter of ABCDEHLMPRST
 *   10-11 day of birth              2 digits, +40 for females
 *   12-15 place of birth            letter + 3 digits (cadastral code, Z for foreign countries)
 *   16  check character             letter
 * Omocodia: when two people would get the same code, the Agenzia delle Entrate
 * replaces digits in positions 7, 8, 10, 11, 13, 14, 15 (right to left) with
 * the letters L M N P Q R S T U V (for 0-9). The check character is computed on
 * the code as written (with the substitute letters).
 */

/** Letters replacing the digits 0-9 under omocodia. */
const OMOCODIA_LETTERS = 'LMNPQRSTUV';
/** 0-based positions that hold digits (or their omocodia letters). */
const DIGIT_POSITIONS = [6, 7, 9, 10, 12, 13, 14] as const;
/** Month letters, January to December. */
const MONTH_LETTERS = 'ABCDEHLMPRST';

const D = '[0-9LMNPQRSTUV]';
const FISCAL_CODE_FORMAT = new RegExp(`^[A-Z]{6}${D}{2}[${MONTH_LETTERS}]${D}{2}[A-Z]${D}{3}[A-Z]$`);

/**
 * Values of characters in odd positions (1st, 3rd, ... 15th; 1-based) for the
 * check character. Digits take the value of the letter with the same index
 * (0 = A, 1 = B, ...).
 */
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

/** Index 0-25 of a character: digits 0-9 → 0-9, letters A-Z → 0-25. */
function indexOf(ch: string): number {
  const c = ch.charCodeAt(0);
  return c >= 48 && c <= 57 ? c - 48 : c - 65;
}

/**
 * Check character of the first 15 characters: odd positions (1-based) through
 * the odd table, even positions at their index, sum mod 26 as a letter.
 */
export function fiscalCodeCheckCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const idx = indexOf(first15[i]);
    // i is 0-based: i even = odd position in the official (1-based) numbering
    sum += i % 2 === 0 ? ODD_VALUES[idx] : idx;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** Trim and upper-case (codes are stored and compared in upper case). */
export function normaliseFiscalCode(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Replace omocodia letters in the digit positions with their digits. */
export function decodeOmocodia(code: string): string {
  const chars = code.split('');
  for (const pos of DIGIT_POSITIONS) {
    const i = OMOCODIA_LETTERS.indexOf(chars[pos]);
    if (i >= 0) chars[pos] = String(i);
  }
  return chars.join('');
}

/** Birth data written in a fiscal code. */
export interface FiscalCodeBirthData {
  /** Last two digits of the year of birth. */
  readonly yearTwoDigits: number;
  readonly month: number;
  readonly day: number;
  readonly sex: 'M' | 'F';
  /**
   * Place of birth (positions 12-15, omocodia decoded): the cadastral code of
   * the Italian municipality (e.g. H501 Rome), or Z + 3 digits for a foreign country.
   */
  readonly placeCode: string;
}

export type FiscalCodeParseResult =
  | { readonly ok: true; readonly birth: FiscalCodeBirthData }
  | { readonly ok: false; readonly problem: 'FORMAT' | 'CHECK_CHARACTER' };

/**
 * Validate a (normalised) fiscal code: format, day range, check character;
 * decode its birth data (omocodia allowed).
 */
export function parseFiscalCode(code: string): FiscalCodeParseResult {
  if (!FISCAL_CODE_FORMAT.test(code)) return { ok: false, problem: 'FORMAT' };
  const plain = decodeOmocodia(code);
  const rawDay = Number(plain.slice(9, 11));
  // 1-31 for males, 41-71 for females
  if (!((rawDay >= 1 && rawDay <= 31) || (rawDay >= 41 && rawDay <= 71))) return { ok: false, problem: 'FORMAT' };
  if (fiscalCodeCheckCharacter(code) !== code[15]) return { ok: false, problem: 'CHECK_CHARACTER' };
  return {
    ok: true,
    birth: {
      yearTwoDigits: Number(plain.slice(6, 8)),
      month: MONTH_LETTERS.indexOf(plain[8]) + 1,
      day: rawDay > 40 ? rawDay - 40 : rawDay,
      sex: rawDay > 40 ? 'F' : 'M',
      placeCode: plain.slice(11, 15),
    },
  };
}

/** Which declared data the fiscal code contradicts. */
export type FiscalCodeMismatch = 'birthDate' | 'sex';

/**
 * Consistency of a fiscal code's birth data with the declared birth date
 * (YYYY-MM-DD; only the last two digits of the year are encoded) and sex.
 * Returns the parts that do not match (empty when consistent).
 */
export function fiscalCodeMismatches(birth: Omit<FiscalCodeBirthData, 'placeCode'>, declared: { birthDate?: string | null; sex?: 'M' | 'F' | null }): FiscalCodeMismatch[] {
  const out: FiscalCodeMismatch[] = [];
  if (declared.birthDate) {
    const [y, m, d] = declared.birthDate.split('-').map(Number);
    if (y % 100 !== birth.yearTwoDigits || m !== birth.month || d !== birth.day) out.push('birthDate');
  }
  if (declared.sex && declared.sex !== birth.sex) out.push('sex');
  return out;
}
