import { decodeOmocodia, fiscalCodeCheckCharacter, fiscalCodeMismatches, normaliseFiscalCode, parseFiscalCode } from '../fiscalCode';

// Examples computed with the official algorithm (DM 23/12/1976): odd/even
// tables, sum mod 26. RSSMRA85T10A562S is the Agenzia delle Entrate's own
// specimen (male, 10 December 1985).
const MALE_1985 = 'RSSMRA85T10A562S';
const FEMALE_1990 = 'BNCGLI90A41H501E'; // female, 1 January 1990 (day 01 + 40)
const FOREIGN_BORN_2012 = 'VRDLCU12M05Z404Q'; // male, 5 August 2012, born abroad (Z404)
// Omocodia: digits replaced right to left by L M N P Q R S T U V (check character recomputed).
const OMOCODE_ONE = 'RSSMRA85T10A56NH'; // 2 → N in position 15
const OMOCODE_THREE = 'RSSMRA85T1LA5SNW'; // 0 → L, 6 → S, 2 → N
const OMOCODE_ALL = 'RSSMRAURTMLARSNL'; // every digit replaced

describe('fiscalCodeCheckCharacter', () => {
  it.each([
    [MALE_1985, 'S'],
    [FEMALE_1990, 'E'],
    [FOREIGN_BORN_2012, 'Q'],
    [OMOCODE_ONE, 'H'],
    [OMOCODE_ALL, 'L'],
  ])('computes the check character of %s', (code, expected) => {
    expect(fiscalCodeCheckCharacter(code.slice(0, 15))).toBe(expected);
  });
});

describe('parseFiscalCode', () => {
  it('accepts a valid male code and decodes its birth data', () => {
    expect(parseFiscalCode(MALE_1985)).toEqual({ ok: true, birth: { yearTwoDigits: 85, month: 12, day: 10, sex: 'M', placeCode: 'A562' } });
  });

  it('reads day + 40 as a female', () => {
    expect(parseFiscalCode(FEMALE_1990)).toEqual({ ok: true, birth: { yearTwoDigits: 90, month: 1, day: 1, sex: 'F', placeCode: 'H501' } });
  });

  it('accepts a code of a person born abroad (Z place code)', () => {
    expect(parseFiscalCode(FOREIGN_BORN_2012)).toMatchObject({ ok: true, birth: { yearTwoDigits: 12, month: 8, day: 5, placeCode: expect.stringMatching(/^Z\d{3}$/) } });
  });

  it.each([OMOCODE_ONE, OMOCODE_THREE, OMOCODE_ALL])('accepts the omocodic variant %s with the same birth data', (code) => {
    expect(parseFiscalCode(code)).toEqual({ ok: true, birth: { yearTwoDigits: 85, month: 12, day: 10, sex: 'M', placeCode: 'A562' } });
  });

  it('refuses a wrong check character', () => {
    expect(parseFiscalCode('RSSMRA85T10A562T')).toEqual({ ok: false, problem: 'CHECK_CHARACTER' });
  });

  it.each([
    ['too short', 'RSSMRA85T10A562'],
    ['lower case (not normalised)', 'rssmra85t10a562s'],
    ['a month letter outside ABCDEHLMPRST', 'RSSMRA85F10A562S'],
    ['a letter that is not an omocodia letter in a digit position', 'RSSMRA85T1AA562S'],
    ['a digit among the name letters', 'RSSMR185T10A562S'],
    ['day 00', 'RSSMRA85T00A562S'],
    ['day 35 (neither 1-31 nor 41-71)', 'RSSMRA85T35A562S'],
  ])('refuses a malformed code: %s', (_what, code) => {
    expect(parseFiscalCode(code)).toEqual({ ok: false, problem: 'FORMAT' });
  });
});

describe('decodeOmocodia', () => {
  it('turns omocodia letters back into digits only in the digit positions', () => {
    expect(decodeOmocodia(OMOCODE_ALL)).toBe('RSSMRA85T10A562L');
  });
});

describe('normaliseFiscalCode', () => {
  it('trims and upper-cases', () => {
    expect(normaliseFiscalCode('  rssmra85t10a562s ')).toBe(MALE_1985);
  });
});

describe('fiscalCodeMismatches', () => {
  const male = { yearTwoDigits: 85, month: 12, day: 10, sex: 'M' as const };

  it('is empty when birth date and sex agree', () => {
    expect(fiscalCodeMismatches(male, { birthDate: '1985-12-10', sex: 'M' })).toEqual([]);
  });

  it('compares only the last two digits of the year', () => {
    expect(fiscalCodeMismatches(male, { birthDate: '2085-12-10', sex: 'M' })).toEqual([]);
  });

  it.each([
    ['year', '1986-12-10'],
    ['month', '1985-11-10'],
    ['day', '1985-12-11'],
  ])('reports the birth date when the %s differs', (_what, birthDate) => {
    expect(fiscalCodeMismatches(male, { birthDate, sex: 'M' })).toEqual(['birthDate']);
  });

  it('reports the sex when the day encodes the other sex', () => {
    expect(fiscalCodeMismatches(male, { birthDate: '1985-12-10', sex: 'F' })).toEqual(['sex']);
  });

  it('reports both when both differ', () => {
    expect(fiscalCodeMismatches(male, { birthDate: '1990-01-01', sex: 'F' })).toEqual(['birthDate', 'sex']);
  });
});
