import { caseNotClosed, heldByService, interventionWithinCase } from '../caseRules';
import { endNotBeforeStart, notAfterToday } from '@shared/rules';
import { severeImpliesLaw104 } from '../healthData';
import { isConventionalStructureCode, structureCodeCheck } from '../structureCode';

const openCase = { serviceId: 'S1', startDate: '2024-01-10', endDate: null };

describe('case rules', () => {
  it('lets only the holding service change a case (docs/privacy.md §5)', () => {
    expect(heldByService(openCase, 'S1')).toBeNull();
    expect(heldByService(openCase, 'S2')).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses changes to a closed case', () => {
    expect(caseNotClosed(openCase)).toBeNull();
    expect(caseNotClosed({ ...openCase, endDate: '2024-02-01' })).toMatchObject({ code: 'CASE_CLOSED' });
  });

  it('refuses an intervention that starts before its case', () => {
    expect(interventionWithinCase(openCase, '2024-01-09')).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'startDate' });
    expect(interventionWithinCase(openCase, '2024-01-10')).toBeNull();
  });
});

describe('date rules', () => {
  it('refuses an end date before the start date, accepts the same day and no end', () => {
    expect(endNotBeforeStart('2024-01-10', '2024-01-09')).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'endDate' });
    expect(endNotBeforeStart('2024-01-10', '2024-01-10')).toBeNull();
    expect(endNotBeforeStart('2024-01-10', null)).toBeNull();
  });

  it('refuses a date after today', () => {
    expect(notAfterToday('2024-01-11', '2024-01-10', 'startDate')).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'startDate' });
    expect(notAfterToday('2024-01-10', '2024-01-10', 'startDate')).toBeNull();
  });
});

describe('structure codes of placements (seed 003 §3.9.6)', () => {
  it('requires a code for a placement in a structure', () => {
    expect(structureCodeCheck(true, null)).toMatchObject({ violation: { code: 'BAD_USER_INPUT', field: 'structureCode' } });
  });

  it('accepts 888888 (other region) and 999999 (not listed) without a registry lookup', () => {
    expect(isConventionalStructureCode('888888')).toBe(true);
    expect(isConventionalStructureCode('999999')).toBe(true);
    expect(structureCodeCheck(true, '888888')).toEqual({ lookup: 'none' });
    expect(structureCodeCheck(true, '999999')).toEqual({ lookup: 'none' });
  });

  it('looks any other code up in the regional registry', () => {
    expect(structureCodeCheck(true, 'S0001')).toEqual({ lookup: 'registry' });
    expect(structureCodeCheck(false, 'S0001')).toEqual({ lookup: 'registry' });
  });

  it('needs nothing for other interventions without a code', () => {
    expect(structureCodeCheck(false, null)).toEqual({ lookup: 'none' });
  });
});

describe('health data (seed 003 §3.7)', () => {
  it('refuses a severe L. 104 recognition without L. 104', () => {
    expect(severeImpliesLaw104({ law104: false, law104Severe: true })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'law104Severe' });
    expect(severeImpliesLaw104({ law104: true, law104Severe: true })).toBeNull();
    expect(severeImpliesLaw104({ law104: null, law104Severe: true })).toBeNull();
  });
});
