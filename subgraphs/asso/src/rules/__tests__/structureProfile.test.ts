import { codeInList, healthAuthorityValid, phonePlausible, publicEmailPlausible, structureMunicipalityKnown, validateStructureDetails, validateStructureProfile, type StructureProfile } from '../structureProfile';

const TODAY = '2024-06-15';
const valid: StructureProfile = { municipality: '058091', healthAuthority: 'ROMA_1', gender: 'MIXED', target: 'MOTHER_AND_CHILD', phone: '+39 06 1234567', publicEmail: 'info@example.org' };

describe('structure profile rules (issue 6)', () => {
  it('accepts a complete profile, and one with nothing but the municipality', () => {
    expect(validateStructureProfile(valid, TODAY)).toBeNull();
    expect(validateStructureProfile({ municipality: '057059', healthAuthority: null, gender: null, target: null, phone: null, publicEmail: null }, TODAY)).toBeNull();
  });

  it('refuses a well-formed municipality code the ISTAT list does not know, naming the list', () => {
    expect(structureMunicipalityKnown('058999')).toMatchObject({ code: 'INVALID_CODE', field: 'municipality', details: { list: 'MUNICIPALITY' } });
    expect(structureMunicipalityKnown('059011')).toBeNull();
    // a malformed code is the format rule's (BAD_USER_INPUT), not this one's
    expect(structureMunicipalityKnown('5901')).toBeNull();
  });

  it.each([
    ['ROMA_3', '058'],
    ['ROMA_6', '058'],
    ['VITERBO', '056'],
    ['RIETI', '057'],
    ['LATINA', '059'],
    ['FROSINONE', '060'],
  ])('accepts %s in province %s', (asl, province) => expect(healthAuthorityValid(asl, province, TODAY)).toBeNull());

  it.each([
    ['ROMA_1', '059'],
    ['LATINA', '058'],
    ['VITERBO', '057'],
    ['FROSINONE', '015'],
  ])('refuses %s in province %s on field healthAuthority', (asl, province) => {
    expect(healthAuthorityValid(asl, province, TODAY)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'healthAuthority' });
  });

  it('refuses an unknown ASL, and the Roma 1–6 ASLs before they existed (2016)', () => {
    expect(healthAuthorityValid('ROMA_A', '058', TODAY)).toMatchObject({ code: 'INVALID_CODE', field: 'healthAuthority', details: { list: 'HEALTH_AUTHORITY' } });
    expect(healthAuthorityValid('ROMA_1', '058', '2015-12-31')).toMatchObject({ code: 'INVALID_CODE', field: 'healthAuthority' });
    expect(healthAuthorityValid(null, '058', TODAY)).toBeNull();
  });

  it('checks gender and target against their lists', () => {
    for (const g of ['M', 'F', 'MIXED']) expect(codeInList('STRUCTURE_GENDER', 'gender', g, TODAY)).toBeNull();
    expect(codeInList('STRUCTURE_GENDER', 'gender', 'm', TODAY)).toMatchObject({ code: 'INVALID_CODE', field: 'gender', details: { list: 'STRUCTURE_GENDER' } });
    expect(codeInList('STRUCTURE_TARGET', 'target', 'UNACCOMPANIED_FOREIGN_MINORS', TODAY)).toBeNull();
    expect(codeInList('STRUCTURE_TARGET', 'target', 'ADULTS', TODAY)).toMatchObject({ code: 'INVALID_CODE', field: 'target', details: { list: 'STRUCTURE_TARGET' } });
  });

  it.each(['06 1234567', '+39 06 1234567', '06/123.45-67', '0612345', '800123456'])('accepts the phone %j', (phone) => expect(phonePlausible(phone)).toBeNull());
  it.each(['abc', '+', '06 12', '+39 06 1234567 890 12', '06 1234567 ', '(06) 1234567', '06--'])('refuses the phone %j', (phone) => {
    expect(phonePlausible(phone)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
  });

  it('checks the public e-mail', () => {
    expect(publicEmailPlausible('a@b.it')).toBeNull();
    expect(publicEmailPlausible('a b@c.it')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'publicEmail' });
    expect(publicEmailPlausible(`${'a'.repeat(250)}@b.it`)).toMatchObject({ field: 'publicEmail' });
  });

  it('leaves the municipality out of the update rules, in input order otherwise', () => {
    expect(validateStructureDetails({ ...valid, municipality: '058998' }, TODAY)).toBeNull();
    expect(validateStructureProfile({ ...valid, municipality: '058998' }, TODAY)).toMatchObject({ field: 'municipality' });
    expect(validateStructureDetails({ ...valid, healthAuthority: 'LATINA', gender: 'X' }, TODAY)).toMatchObject({ field: 'healthAuthority' });
    expect(validateStructureDetails({ ...valid, gender: 'X', phone: 'x' }, TODAY)).toMatchObject({ field: 'gender' });
  });
});
