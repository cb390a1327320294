import { descriptionFits, selfCensusFieldsOnly } from '../selfCensus';

describe('structures census their own record (seed 001 "il censimento della propria struttura")', () => {
  it('seed 001: contacts, address and description only', () => {
    expect(selfCensusFieldsOnly({ code: 'X', phone: '06 123456', address: 'Via A 1', description: 'Casa', publicEmail: null, contactEmail: 'a@b.it' })).toBeNull();
    expect(selfCensusFieldsOnly({ code: 'X', phone: '06 123456', capacity: 12 })).toMatchObject({ code: 'FORBIDDEN', field: 'capacity' });
    expect(selfCensusFieldsOnly({ code: 'X', type: 'CEM' })).toMatchObject({ field: 'type' });
    expect(selfCensusFieldsOnly({ code: 'X', capacity: undefined })).toBeNull();
  });
  it('seed 001: a description of at most 2000 characters', () => {
    expect(descriptionFits('a'.repeat(2000))).toBeNull();
    expect(descriptionFits('a'.repeat(2001))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' });
  });
});
