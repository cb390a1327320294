import { findCode } from '@shared/codes';
import { isFullTimePlacement, oneFullTimePlacement, oneRecorderUnderCoManagement, periodsOverlap, placementAgeFits, placementWithoutAdmission } from '../placementInterventions';

const type = (code: string) => {
  const t = findCode('INTERVENTION_TYPE', code);
  if (!t) throw new Error(code);
  return t;
};
const born = (birthDate: string) => ({ birthDate, unborn: false });

describe('placement interventions (seed 003 §3.9.1, §3.9.2, §3.9.6)', () => {
  it('§3.9.6 disability day and residential centres: not under 14', () => {
    for (const code of ['DISABILITY_DAY_CENTRE', 'DISABILITY_RESIDENTIAL_CENTRE']) {
      expect(placementAgeFits(type(code), born('2013-01-01'), '2024-06-01')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'type', details: { minAge: 14 } });
      expect(placementAgeFits(type(code), born('2010-06-01'), '2024-06-01')).toBeNull();
      expect(placementAgeFits(type(code), born('2010-06-02'), '2024-06-01')).not.toBeNull();
    }
  });

  it('§3.9.6 educational and integrated educational communities: 6 to 17', () => {
    for (const code of ['RESIDENTIAL_EDUCATIONAL_COMMUNITY', 'INTEGRATED_EDUCATIONAL_COMMUNITY']) {
      expect(placementAgeFits(type(code), born('2021-01-01'), '2024-06-01')).toMatchObject({ details: { minAge: 6, maxAge: 17 } });
      expect(placementAgeFits(type(code), born('2018-06-01'), '2024-06-01')).toBeNull();
      expect(placementAgeFits(type(code), born('2006-06-02'), '2024-06-01')).toBeNull();
      expect(placementAgeFits(type(code), born('2006-06-01'), '2024-06-01')).not.toBeNull();
    }
  });

  it('§3.9.6 high-autonomy communities: 17 to 21', () => {
    expect(placementAgeFits(type('HIGH_AUTONOMY_COMMUNITY'), born('2008-01-01'), '2024-06-01')).not.toBeNull();
    expect(placementAgeFits(type('HIGH_AUTONOMY_COMMUNITY'), born('2007-06-01'), '2024-06-01')).toBeNull();
  });

  it('§3.9.6 types without an age in the seed have none; no birth date is refused only where there is one', () => {
    expect(placementAgeFits(type('FAMILY_COMMUNITY'), born('2024-01-01'), '2024-06-01')).toBeNull();
    expect(placementAgeFits(type('MOTHER_AND_CHILD_COMMUNITY'), { birthDate: null, unborn: true }, '2024-06-01')).toBeNull();
    expect(placementAgeFits(type('RESIDENTIAL_EDUCATIONAL_COMMUNITY'), { birthDate: null, unborn: true }, '2024-06-01')).toMatchObject({ field: 'type' });
  });

  it('§3.9.1 §3.9.6 full-time placements: residential structures and foster care not part time', () => {
    expect(isFullTimePlacement(type('FAMILY_COMMUNITY'), null)).toBe(true);
    expect(isFullTimePlacement(type('SEMI_RESIDENTIAL_EDUCATIONAL'), null)).toBe(false);
    expect(isFullTimePlacement(type('STRUCTURE_SEARCH'), null)).toBe(false);
    expect(isFullTimePlacement(type('FAMILY_FOSTER_CARE_JUDICIAL'), null)).toBe(true);
    expect(isFullTimePlacement(type('FAMILY_FOSTER_CARE_JUDICIAL'), 'FULL_TIME')).toBe(true);
    expect(isFullTimePlacement(type('FAMILY_FOSTER_CARE_JUDICIAL'), 'PART_TIME')).toBe(false);
    expect(isFullTimePlacement(type('FAMILY_TO_FAMILY_SUPPORT'), null)).toBe(false);
    expect(isFullTimePlacement(type('LEGAL_RISK_FOSTER_ADOPTION'), null)).toBe(true);
  });

  it('§3.9.6 periods: a transfer ends one and starts the next on the same day', () => {
    expect(periodsOverlap({ startDate: '2024-01-01', endDate: '2024-03-01' }, { startDate: '2024-03-01', endDate: null })).toBe(false);
    expect(periodsOverlap({ startDate: '2024-01-01', endDate: '2024-03-02' }, { startDate: '2024-03-01', endDate: null })).toBe(true);
    expect(periodsOverlap({ startDate: '2024-01-01', endDate: null }, { startDate: '2024-05-01', endDate: '2024-05-01' })).toBe(true);
    expect(periodsOverlap({ startDate: '2024-05-01', endDate: '2024-05-01' }, { startDate: '2024-05-02', endDate: null })).toBe(false);
  });

  it('§3.9.1 §3.9.6 one full-time placement at a time', () => {
    const existing = [{ startDate: '2024-01-01', endDate: null, fullTime: true }];
    expect(oneFullTimePlacement({ startDate: '2024-02-01', endDate: null }, true, existing)).toMatchObject({ code: 'PLACEMENT_OVERLAP', field: 'startDate' });
    expect(oneFullTimePlacement({ startDate: '2024-02-01', endDate: null }, false, existing)).toBeNull();
    expect(oneFullTimePlacement({ startDate: '2024-02-01', endDate: null }, true, [{ ...existing[0], fullTime: false }])).toBeNull();
    expect(oneFullTimePlacement({ startDate: '2023-01-01', endDate: '2024-01-01' }, true, existing)).toBeNull();
  });

  it('§3.9.1 §3.9.2 one recorder of a foster care or adoption under co-management', () => {
    const existing = [{ startDate: '2024-01-01', endDate: null, serviceId: 'A', fosterOrAdoption: true }];
    expect(oneRecorderUnderCoManagement({ startDate: '2024-02-01', endDate: null, serviceId: 'B' }, true, existing)).toMatchObject({ code: 'RECORDED_BY_OTHER_SERVICE', field: 'type' });
    expect(oneRecorderUnderCoManagement({ startDate: '2024-02-01', endDate: null, serviceId: 'A' }, true, existing)).toBeNull();
    expect(oneRecorderUnderCoManagement({ startDate: '2024-02-01', endDate: null, serviceId: 'B' }, false, existing)).toBeNull();
    expect(oneRecorderUnderCoManagement({ startDate: '2023-01-01', endDate: '2023-12-31', serviceId: 'B' }, true, existing)).toBeNull();
  });

  it('§3.9.6 a placement intervention disagrees with ASMI when a structure of it does not host the minor', () => {
    expect(placementWithoutAdmission(['RM-1'], () => true)).toBe(false);
    expect(placementWithoutAdmission(['RM-1'], () => false)).toBe(true);
    expect(placementWithoutAdmission(['RM-1', 'RM-2'], (c) => c === 'RM-1')).toBe(true);
    expect(placementWithoutAdmission([], () => false)).toBe(false);
  });
});
