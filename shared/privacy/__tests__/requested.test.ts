import { accessFor, decide, type RelationshipFacts } from '../matrix';

/** privacy rules §3 REQUESTED, §4: a pending request opens identity and demographics, and the request itself, nothing else. */
describe('REQUESTED for a structure operator', () => {
  const facts: RelationshipFacts = { isCaseHolder: () => false, isHosting: () => false, isRequested: (id) => id === 'm1', structureCode: 'C1' };

  it('opens IDENTITY and DEMOGRAPHIC of the requested minor only', () => {
    for (const c of ['IDENTITY', 'DEMOGRAPHIC'] as const) {
      expect(decide(accessFor('STRUCTURE_OPERATOR', c), { minorId: 'm1' }, facts)).toBe('allow');
      expect(decide(accessFor('STRUCTURE_OPERATOR', c), { minorId: 'm2' }, facts)).toBe('deny');
    }
  });

  it('opens the request (PLACEMENT of its own structure) but not the pseudonym, nor another structure\'s placements', () => {
    expect(decide(accessFor('STRUCTURE_OPERATOR', 'PLACEMENT'), { minorId: 'm1', structureCode: 'C1' }, facts)).toBe('allow');
    expect(decide(accessFor('STRUCTURE_OPERATOR', 'PLACEMENT'), { minorId: 'm1', structureCode: 'C2' }, facts)).toBe('deny');
    expect(decide(accessFor('STRUCTURE_OPERATOR', 'PSEUDONYM'), { minorId: 'm1' }, facts)).toBe('deny');
    for (const c of ['CASE', 'HEALTH', 'ABUSE', 'JUDICIAL'] as const) expect(accessFor('STRUCTURE_OPERATOR', c)).toBe('never');
  });

  it('is never assumed when the lookup did not say so', () => {
    const none: RelationshipFacts = { isCaseHolder: () => false, isHosting: () => false, structureCode: 'C1' };
    expect(decide(accessFor('STRUCTURE_OPERATOR', 'IDENTITY'), { minorId: 'm1' }, none)).toBe('deny');
  });
});
