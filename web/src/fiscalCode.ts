import { normaliseFiscalCode, parseFiscalCode, type FiscalCodeBirthData } from '@shared/rules';

/*
 * The fiscal-code check as the operator types. The algorithm is SINBA's own
 * (shared/rules/fiscalCode.ts, DM 23/12/1976, omocodia allowed),
 * imported rather than copied: the file is plain TypeScript with no Node
 * dependency, so the browser and the hub can never disagree.
 */

export type FiscalCodeState =
  | { readonly status: 'empty' }
  | { readonly status: 'typing'; readonly length: number }
  | { readonly status: 'format' }
  | { readonly status: 'check' }
  | { readonly status: 'ok'; readonly code: string; readonly birth: FiscalCodeBirthData };

/** The code as the hub takes it: spaces anywhere dropped (codes are often pasted as "RSS MRA 12E50 H501 X"), upper case. */
export function cleanFiscalCode(raw: string): string {
  return normaliseFiscalCode(raw.replace(/\s+/g, ''));
}

export function checkFiscalCode(raw: string): FiscalCodeState {
  const code = cleanFiscalCode(raw);
  if (code === '') return { status: 'empty' };
  if (/[^A-Z0-9]/.test(code)) return { status: 'format' };
  if (code.length < 16) return { status: 'typing', length: code.length };
  if (code.length > 16) return { status: 'format' };
  const parsed = parseFiscalCode(code);
  if (parsed.ok) return { status: 'ok', code, birth: parsed.birth };
  // The expected character is not told (issue 18 item 8): it would let a mistyped code pass by copying it.
  if (parsed.problem === 'CHECK_CHARACTER') return { status: 'check' };
  return { status: 'format' };
}

/**
 * The birth date written in a valid code, with the century guessed for a
 * minor (the year in the code has two digits): the latest year not after
 * `today`'s. Used to prefill the registration form; the operator can change it.
 */
export function birthDateFromCode(birth: FiscalCodeBirthData, today: string): string {
  const thisYear = Number(today.slice(0, 4));
  let year = Math.floor(thisYear / 100) * 100 + birth.yearTwoDigits;
  if (year > thisYear) year -= 100;
  return `${year}-${String(birth.month).padStart(2, '0')}-${String(birth.day).padStart(2, '0')}`;
}
