import { canReadHistory } from '../historyAccess';

const s = { code: 'RM-1', province: '058' };
describe('seed 002 §a point d / docs/privacy.md §4: who reads the structure history', () => {
  it('lets the supervisor in territory, the analyst and the own operator read it', () => {
    expect(canReadHistory({ role: 'SUPERVISOR', sub: 's', territory: ['058'] }, s)).toBe(true);
    expect(canReadHistory({ role: 'REGIONAL_ANALYST', sub: 'a' }, s)).toBe(true);
    expect(canReadHistory({ role: 'STRUCTURE_OPERATOR', sub: 'o', structureCode: 'RM-1' }, s)).toBe(true);
  });
  it('refuses everyone else', () => {
    expect(canReadHistory({ role: 'SUPERVISOR', sub: 's', territory: ['059'] }, s)).toBe(false);
    expect(canReadHistory({ role: 'STRUCTURE_OPERATOR', sub: 'o', structureCode: 'RM-2' }, s)).toBe(false);
    expect(canReadHistory({ role: 'SOCIAL_WORKER', sub: 'w', serviceId: 'X' }, s)).toBe(false);
    expect(canReadHistory({ role: 'ANONYMOUS' }, s)).toBe(false);
  });
});
