import { provinceOf } from '../province';
import {
  contactEmailPlausible,
  structureAgeRangeValid,
  structureCapacityValid,
  structureCodeValid,
  structureMunicipalityValid,
  structureNamePresent,
  validateStructureRegistration,
  type StructureRegistration,
} from '../structureRegistration';

const valid: StructureRegistration = {
  code: 'RM-C001',
  name: 'Comunità educativa',
  municipality: '058091',
  capacity: 8,
  emergencyCapacity: 2,
  minAge: 6,
  maxAge: 17,
  contactEmail: 'info@example.org',
};

describe('structure registration rules (seed 002 §a, docs/domain.md §3)', () => {
  it('accepts a complete registration', () => {
    expect(validateStructureRegistration(valid)).toBeNull();
    expect(validateStructureRegistration({ ...valid, minAge: null, maxAge: null, contactEmail: null, emergencyCapacity: 0 })).toBeNull();
  });

  it.each([
    ['', 'empty'],
    ['AB', 'too short'],
    ['A'.repeat(21), 'too long'],
    ['rm-c001', 'lower case'],
    ['RM C001', 'with a space'],
    ['RM_C001', 'with an underscore'],
    ['999999', 'reserved (not in the list)'],
    ['888888', 'reserved (other region)'],
  ])('refuses the structure code %j (%s) on field code', (code) => {
    expect(structureCodeValid(code)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
  });

  it('accepts codes of 3 to 20 upper case letters, digits and dashes', () => {
    expect(structureCodeValid('A1-')).toBeNull();
    expect(structureCodeValid('A'.repeat(20))).toBeNull();
  });

  it('refuses an empty name', () => {
    expect(structureNamePresent('')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it.each(['58091', '0580911', 'RM0001', ''])('refuses the municipality %j', (m) => {
    expect(structureMunicipalityValid(m)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'municipality' });
  });

  it('derives the province from the first 3 digits of the municipality', () => {
    expect(provinceOf('058091')).toBe('058');
  });

  it('refuses a capacity below 1 and a negative emergency capacity', () => {
    expect(structureCapacityValid(0, 0)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'capacity' });
    expect(structureCapacityValid(1.5, 0)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'capacity' });
    expect(structureCapacityValid(1, -1)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'emergencyCapacity' });
    expect(structureCapacityValid(1, 0)).toBeNull();
  });

  it.each([
    [-1, 10, 'minAge'],
    [22, null, 'minAge'],
    [0, 22, 'maxAge'],
    [null, -1, 'maxAge'],
    [12, 10, 'maxAge'],
  ])('refuses the age range %j..%j on field %s', (minAge, maxAge, field) => {
    expect(structureAgeRangeValid(minAge, maxAge)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('accepts age ranges within 0..21, bounds included', () => {
    expect(structureAgeRangeValid(0, 21)).toBeNull();
    expect(structureAgeRangeValid(10, 10)).toBeNull();
    expect(structureAgeRangeValid(null, 17)).toBeNull();
  });

  it.each(['not-an-email', 'a@b', 'a b@c.it', '@c.it'])('refuses the contact e-mail %j', (email) => {
    expect(contactEmailPlausible(email)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactEmail' });
  });

  it('reports the first broken rule in input order', () => {
    expect(validateStructureRegistration({ ...valid, name: '', capacity: 0 })).toMatchObject({ field: 'name' });
  });
});
