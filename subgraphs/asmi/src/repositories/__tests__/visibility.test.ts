import type { Principal } from '@shared/auth';
import { placementVisibilityFor, visibilityCondition } from '../visibility';

describe('placement visibility (docs/privacy.md §4 PLACEMENT row, in the SQL)', () => {
  it.each<[string, Principal, unknown]>([
    ['a structure operator: its own structure only', { role: 'STRUCTURE_OPERATOR', sub: 'o', structureCode: 'S-1' }, { kind: 'structure', structureCode: 'S-1' }],
    ['a supervisor: its territory', { role: 'SUPERVISOR', sub: 's', territory: ['058', '059'] }, { kind: 'territory', provinces: ['058', '059'] }],
    ['a social worker: all (the gateway masks minors without a case)', { role: 'SOCIAL_WORKER', sub: 'w', serviceId: 'S1' }, { kind: 'all' }],
    ['another module: all', { role: 'SERVICE', sub: 'service:gateway', service: 'gateway' }, { kind: 'all' }],
    ['a regional analyst: none', { role: 'REGIONAL_ANALYST', sub: 'a' }, { kind: 'none' }],
    ['a privacy officer: none', { role: 'PRIVACY_OFFICER', sub: 'p' }, { kind: 'none' }],
    ['anonymous: none', { role: 'ANONYMOUS' }, { kind: 'none' }],
  ])('gives %s', (_who, principal, expected) => {
    expect(placementVisibilityFor(principal)).toEqual(expected);
  });

  it('writes each visibility as a parameterised condition on alias p', () => {
    const params: unknown[] = ['x'];
    expect(visibilityCondition({ kind: 'structure', structureCode: 'S-1' }, params)).toBe('p.structure_code = $2');
    expect(visibilityCondition({ kind: 'territory', provinces: ['058'] }, params)).toBe('p.structure_province = ANY($3::text[])');
    expect(params).toEqual(['x', 'S-1', ['058']]);
    expect(visibilityCondition({ kind: 'all' }, params)).toBe('TRUE');
    expect(visibilityCondition({ kind: 'none' }, params)).toBe('FALSE');
  });
});
