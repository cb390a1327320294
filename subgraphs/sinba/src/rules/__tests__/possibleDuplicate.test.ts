import { normaliseName, possibleDuplicate, samePerson } from '../possibleDuplicate';

const anna = { firstName: 'Anna Maria', lastName: "D'Angelo", birthDate: '2014-02-03', sex: 'F' };

describe('possible duplicates without a fiscal code (seed 001 "Anagrafica dei Minori (unica)")', () => {
  it('seed 001: names are compared without case, accents, spaces or punctuation', () => {
    expect(normaliseName('  Niccolò ')).toBe('niccolo');
    expect(normaliseName('DE LUCA')).toBe(normaliseName('de  Luca'));
    expect(normaliseName("D'Angelo")).toBe('dangelo');
    expect(samePerson(anna, { firstName: 'ANNAMARIA', lastName: 'dangelo', birthDate: '2014-02-03', sex: 'F' })).toBe(true);
    expect(samePerson(anna, { ...anna, birthDate: '2014-02-04' })).toBe(false);
    expect(samePerson(anna, { ...anna, sex: 'M' })).toBe(false);
    expect(samePerson(anna, { ...anna, firstName: 'Anna' })).toBe(false);
  });

  it('seed 001: POSSIBLE_DUPLICATE unless confirmNewPerson, naming no one', () => {
    const v = possibleDuplicate({ ...anna, firstName: 'annà maria' }, [anna], false);
    expect(v).toMatchObject({ code: 'POSSIBLE_DUPLICATE', field: 'confirmNewPerson' });
    expect(v!.message).not.toMatch(/anna|angelo/i);
    expect(possibleDuplicate(anna, [anna], true)).toBeNull();
    expect(possibleDuplicate(anna, [], false)).toBeNull();
  });
});
