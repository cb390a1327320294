import type { Principal } from '@shared/auth';
import { canReadRegistry, canWriteRegistry } from '../registryAccess';

const structure = { code: 'RM-C001', province: '058' };

describe('REGISTRY data class (docs/privacy.md §4 REGISTRY row)', () => {
  it.each<[string, Principal, boolean]>([
    ['a social worker', { role: 'SOCIAL_WORKER', sub: 's', serviceId: 'SRV' }, true],
    ['the operator of the structure', { role: 'STRUCTURE_OPERATOR', sub: 's', structureCode: 'RM-C001' }, true],
    ['the operator of another structure', { role: 'STRUCTURE_OPERATOR', sub: 's', structureCode: 'RM-C002' }, false],
    ['a supervisor in territory', { role: 'SUPERVISOR', sub: 's', territory: ['059', '058'] }, true],
    ['a supervisor out of territory', { role: 'SUPERVISOR', sub: 's', territory: ['059'] }, false],
    ['a regional analyst', { role: 'REGIONAL_ANALYST', sub: 's' }, true],
    ['the privacy officer', { role: 'PRIVACY_OFFICER', sub: 's' }, false],
    ['an anonymous caller', { role: 'ANONYMOUS' }, false],
    ['another module (SERVICE)', { role: 'SERVICE', sub: 'service:asmi', service: 'asmi' }, true],
  ])('lets %s read it: %s', (_who, principal, expected) => {
    expect(canReadRegistry(principal, structure)).toBe(expected);
  });
});

describe('registry writes (docs/privacy.md §5)', () => {
  it('are for a supervisor whose territory holds the province only', () => {
    expect(canWriteRegistry({ role: 'SUPERVISOR', sub: 's', territory: ['058'] }, '058')).toBe(true);
    expect(canWriteRegistry({ role: 'SUPERVISOR', sub: 's', territory: ['059'] }, '058')).toBe(false);
    expect(canWriteRegistry({ role: 'REGIONAL_ANALYST', sub: 's' }, '058')).toBe(false);
    expect(canWriteRegistry({ role: 'SERVICE', sub: 'service:asmi', service: 'asmi' }, '058')).toBe(false);
  });
});
