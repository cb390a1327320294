import { rebuildStructure, structureInForce } from '../structureAsOf';

const insert = {
  operation: 'INSERT',
  changes: { code: { to: 'RM-1' }, name: { to: 'Casa' }, type: { to: 'T' }, municipality: { to: '058091' }, capacity: { to: 8 }, emergency_capacity: { to: 0 }, min_age: { to: null } },
};

describe('seed 002 §a point d: the registry as it was on a date', () => {
  it('is null before the registration', () => expect(rebuildStructure([])).toBeNull());
  it('applies the updates in order on top of the registration', () => {
    const s = rebuildStructure([insert, { operation: 'UPDATE', changes: { capacity: { to: 10 } } }, { operation: 'UPDATE', changes: { capacity: { to: 12 }, address: { to: 'Via A' } } }]);
    expect(s).toMatchObject({ code: 'RM-1', province: '058', capacity: 12, address: 'Via A', minAge: null, managingEntity: null });
  });
  it('is null after a deletion', () => expect(rebuildStructure([insert, { operation: 'DELETE', changes: {} }])).toBeNull());
});

describe('issue 6 columns in as-of reads', () => {
  it('reads them as null from changes written before they existed, then as set', () => {
    expect(rebuildStructure([insert])).toMatchObject({ healthAuthority: null, gender: null, target: null, phone: null, publicEmail: null });
    const s = rebuildStructure([insert, { operation: 'UPDATE', changes: { health_authority: { to: 'ROMA_1' }, gender: { to: 'F' }, target: { to: 'MOTHER_AND_CHILD' }, phone: { to: '06 1234567' }, public_email: { to: 'a@b.it' } } }]);
    expect(s).toMatchObject({ healthAuthority: 'ROMA_1', gender: 'F', target: 'MOTHER_AND_CHILD', phone: '06 1234567', publicEmail: 'a@b.it' });
  });
});

describe('seed 002 §a point d in valid time (issue 15)', () => {
  const reg = { ...insert, effectiveDate: '2024-06-15' };
  const acts = [{ date: '2020-01-01', validFrom: '2020-01-01' }];
  it('seed 002: a structure registered today with acts since 2020 is in force in 2021 with its registered values', () => {
    expect(structureInForce([reg], acts, '2021-06-01')).toMatchObject({ code: 'RM-1', capacity: 8 });
    expect(structureInForce([reg], acts, '2019-12-31')).toBeNull();
    expect(structureInForce([reg], [], '2024-06-14')).toBeNull();
    expect(structureInForce([reg], [], '2024-06-15')).toMatchObject({ capacity: 8 });
  });
  it('seed 002: updates apply from their effective day', () => {
    const update = { operation: 'UPDATE', effectiveDate: '2024-07-01', changes: { capacity: { to: 12 } } };
    expect(structureInForce([reg, update], acts, '2024-06-30')).toMatchObject({ capacity: 8 });
    expect(structureInForce([reg, update], acts, '2024-07-01')).toMatchObject({ capacity: 12 });
  });
  it('seed 002: nothing recorded yet, nothing in force', () => expect(structureInForce([], acts, '2024-07-01')).toBeNull());
});
