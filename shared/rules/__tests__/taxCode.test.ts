import { elevenDigitCodeValid, personalFiscalCodeValid } from '../taxCode';

describe('11-digit tax codes (partita IVA, codice fiscale provvisorio)', () => {
  it('accepts a correct check digit', () => {
    expect(elevenDigitCodeValid('12345678903')).toBe(true);
    expect(elevenDigitCodeValid('00743110157')).toBe(true);
  });
  it('refuses a wrong check digit, length or characters', () => {
    expect(elevenDigitCodeValid('12345678901')).toBe(false);
    expect(elevenDigitCodeValid('1234567890')).toBe(false);
    expect(elevenDigitCodeValid('1234567890A')).toBe(false);
  });
});

describe('personal fiscal codes', () => {
  it('accepts a correct check letter, omocodia included', () => {
    expect(personalFiscalCodeValid('RSSMRA85T10A562S')).toBe(true);
    expect(personalFiscalCodeValid('RSSMRA85T10A56NH')).toBe(true);
  });
  it('refuses a wrong check letter or month letter', () => {
    expect(personalFiscalCodeValid('RSSMRA85T10A562T')).toBe(false);
    expect(personalFiscalCodeValid('RSSMRA85Z10A562S')).toBe(false);
  });
});
