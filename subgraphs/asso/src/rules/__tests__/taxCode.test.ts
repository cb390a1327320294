import { managingEntityTaxCodeValid } from '../taxCode';

describe('seed 002 §a point a: managing entity tax code', () => {
  it('accepts a partita IVA and a personal fiscal code (omocodia included) with correct check characters', () => {
    expect(managingEntityTaxCodeValid('12345678903')).toBeNull();
    expect(managingEntityTaxCodeValid('RSSMRA85T10A562S')).toBeNull();
    expect(managingEntityTaxCodeValid('RSSMRA85T10A56NH')).toBeNull();
  });
  it('refuses wrong check characters and shapes, naming the field', () => {
    for (const bad of ['12345678901', '1234567890', 'RSSMRA85T10A562T', 'RSSMRA85Z10A562S', '123']) {
      expect(managingEntityTaxCodeValid(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'managingEntityTaxCode' });
    }
  });
  it('accepts no tax code at all', () => {
    expect(managingEntityTaxCodeValid(null)).toBeNull();
  });
});
