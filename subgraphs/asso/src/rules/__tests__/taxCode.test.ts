import { managingEntityTaxCodeValid, partitaIvaValid, personalFiscalCodeValid } from '../taxCode';

describe('seed 002 §a point a: managing entity tax code', () => {
  it('accepts partite IVA with a correct check digit', () => {
    expect(partitaIvaValid('12345678903')).toBe(true);
    expect(partitaIvaValid('00743110157')).toBe(true);
  });
  it('refuses partite IVA with a wrong check digit or length', () => {
    expect(partitaIvaValid('12345678901')).toBe(false);
    expect(partitaIvaValid('1234567890')).toBe(false);
  });
  it('accepts personal fiscal codes with a correct check letter, omocodia included', () => {
    expect(personalFiscalCodeValid('RSSMRA85T10A562S')).toBe(true);
    expect(personalFiscalCodeValid('RSSMRA85T10A56NH')).toBe(true);
  });
  it('refuses personal fiscal codes with a wrong check letter or shape', () => {
    expect(personalFiscalCodeValid('RSSMRA85T10A562T')).toBe(false);
    expect(personalFiscalCodeValid('RSSMRA85Z10A562S')).toBe(false);
  });
  it('reports the field', () => {
    expect(managingEntityTaxCodeValid(null)).toBeNull();
    expect(managingEntityTaxCodeValid('123')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'managingEntityTaxCode' });
  });
});
