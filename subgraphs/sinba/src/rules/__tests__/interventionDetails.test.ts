import { findCode } from '@shared/codes';
import {
  adoptionDisruptionFits,
  emergencyLimitExceeded,
  emergencyPlacementLimit,
  emergencyPlacementWithinLimit,
  fosterCareScheduleFits,
  interventionStillOpen,
  siblingsDistinct,
  structureEntryDateFor,
} from '../interventionDetails';

const type = (code: string) => findCode('INTERVENTION_TYPE', code)!;
const EMERGENCY = type('EMERGENCY_PLACEMENT');

describe('seed 003 §3.9.6 emergency placement (pronta accoglienza)', () => {
  it('lasts at most 2 months, 6 for an unaccompanied foreign minor', () => {
    expect(emergencyPlacementLimit(EMERGENCY, '2024-01-31', false)).toEqual({ lastDay: '2024-03-31', maxMonths: 2 });
    expect(emergencyPlacementLimit(EMERGENCY, '2024-01-31', true)).toEqual({ lastDay: '2024-07-31', maxMonths: 6 });
    expect(emergencyPlacementLimit(type('FAMILY_COMMUNITY'), '2024-01-31', false)).toBeNull();
  });

  it('refuses an end date past the limit with INVALID_DATE_RANGE on endDate', () => {
    expect(emergencyPlacementWithinLimit(EMERGENCY, '2024-01-10', '2024-03-10', false)).toBeNull();
    expect(emergencyPlacementWithinLimit(EMERGENCY, '2024-01-10', '2024-03-11', false)).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'endDate', details: { maxMonths: 2 } });
    expect(emergencyPlacementWithinLimit(EMERGENCY, '2024-01-10', '2024-07-10', true)).toBeNull();
    expect(emergencyPlacementWithinLimit(EMERGENCY, '2024-01-10', null, false)).toBeNull();
    expect(emergencyPlacementWithinLimit(type('FAMILY_COMMUNITY'), '2024-01-10', '2025-01-10', false)).toBeNull();
  });

  it('flags an open emergency placement past the limit on the day after it', () => {
    const open = { startDate: '2024-01-10', endDate: null };
    expect(emergencyLimitExceeded(EMERGENCY, open, false, '2024-03-10')).toBe(false);
    expect(emergencyLimitExceeded(EMERGENCY, open, false, '2024-03-11')).toBe(true);
    expect(emergencyLimitExceeded(EMERGENCY, open, true, '2024-03-11')).toBe(false);
    expect(emergencyLimitExceeded(type('HOME_CARE'), open, false, '2030-01-01')).toBe(false);
  });
});

describe('seed 003 §3.9.1 foster-care schedule', () => {
  it('belongs to a foster care (3.9.1 and the affidamento a rischio giuridico), optional, refused otherwise', () => {
    expect(fosterCareScheduleFits(type('FAMILY_FOSTER_CARE_CONSENSUAL'), null)).toBeNull();
    expect(fosterCareScheduleFits(type('FAMILY_FOSTER_CARE_CONSENSUAL'), 'FULL_TIME')).toBeNull();
    expect(fosterCareScheduleFits(type('LEGAL_RISK_FOSTER_ADOPTION'), null)).toBeNull();
    expect(fosterCareScheduleFits(type('LEGAL_RISK_FOSTER_ADOPTION'), 'FULL_TIME')).toBeNull();
    expect(fosterCareScheduleFits(type('FAMILY_TO_FAMILY_SUPPORT'), 'PART_TIME')).toMatchObject({ field: 'fosterCareSchedule' });
  });
});

describe('seed 003 §3.9.6 entry into the structure', () => {
  it('defaults to the start date and stays within the intervention', () => {
    expect(structureEntryDateFor(type('FAMILY_COMMUNITY'), '2024-01-10', null, null)).toEqual({ value: '2024-01-10' });
    expect(structureEntryDateFor(type('FAMILY_COMMUNITY'), '2024-01-10', '2024-02-01', '2024-02-02')).toMatchObject({ violation: { field: 'structureEntryDate' } });
    expect(structureEntryDateFor(type('HOME_CARE'), '2024-01-10', null, null)).toEqual({ value: null });
    expect(structureEntryDateFor(type('STRUCTURE_SEARCH'), '2024-01-10', null, '2024-01-10')).toMatchObject({ violation: { code: 'BAD_USER_INPUT' } });
  });
});

describe('seed 003 §3.9.2 adoptive disruption', () => {
  it('belongs to the end of an adoption only', () => {
    expect(adoptionDisruptionFits(type('INTERNATIONAL_ADOPTION'), 'AFTER_FIRST_YEAR', '2024-01-10')).toBeNull();
    expect(adoptionDisruptionFits(type('INTERNATIONAL_ADOPTION'), 'AFTER_FIRST_YEAR', null)).toMatchObject({ field: 'adoptionDisruption' });
    expect(adoptionDisruptionFits(type('HOME_CARE'), 'AFTER_FIRST_YEAR', '2024-01-10')).toMatchObject({ field: 'adoptionDisruption' });
    expect(adoptionDisruptionFits(type('HOME_CARE'), null, null)).toBeNull();
  });
});

describe('seed 003 §3.9.10 and §3.9 recording rules', () => {
  it('lists each sibling once and never the case minor', () => {
    const a = '11111111-1111-4111-8111-111111111111';
    const b = '22222222-2222-4222-8222-222222222222';
    expect(siblingsDistinct(a, [b])).toBeNull();
    expect(siblingsDistinct(a, [b, b.toUpperCase()])).toMatchObject({ field: 'siblingMinorIds' });
    expect(siblingsDistinct(a, [a])).toMatchObject({ field: 'siblingMinorIds' });
  });

  it('ends an intervention once', () => {
    expect(interventionStillOpen({ endDate: null })).toBeNull();
    expect(interventionStillOpen({ endDate: '2024-01-01' })).toMatchObject({ field: 'interventionId' });
  });
});
