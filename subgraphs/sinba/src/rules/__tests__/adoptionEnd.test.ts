import { findCode } from '@shared/codes';
import { adoptionEndSituation } from '../adoptionEnd';

const type = (code: string) => findCode('INTERVENTION_TYPE', code)!;

describe('adoption end situation (seed 003 §3.9.2)', () => {
  it('§3.9.2 an adoption that ends needs its end situation', () => {
    expect(adoptionEndSituation(type('NATIONAL_ADOPTION'), null, null, '2024-05-01')).toMatchObject({ violation: { code: 'BAD_USER_INPUT', field: 'endSituation' } });
    expect(adoptionEndSituation(type('NATIONAL_ADOPTION'), 'ADOPTION_FINALISED', null, '2024-05-01')).toEqual({ value: { endSituation: 'ADOPTION_FINALISED', adoptionDisruption: null } });
    expect(adoptionEndSituation(type('NATIONAL_ADOPTION'), null, null, null)).toEqual({ value: { endSituation: null, adoptionDisruption: null } });
  });

  it('§3.9.2 a removal implies its disruption and the other way round; they must agree', () => {
    expect(adoptionEndSituation(type('INTERNATIONAL_ADOPTION'), 'ADOPTIVE_REMOVAL_AFTER_FIRST_YEAR', null, '2024-05-01')).toEqual({ value: { endSituation: 'ADOPTIVE_REMOVAL_AFTER_FIRST_YEAR', adoptionDisruption: 'AFTER_FIRST_YEAR' } });
    expect(adoptionEndSituation(type('NATIONAL_ADOPTION'), null, 'WITHIN_FIRST_YEAR', '2024-05-01')).toEqual({ value: { endSituation: 'ADOPTIVE_REMOVAL_WITHIN_FIRST_YEAR', adoptionDisruption: 'WITHIN_FIRST_YEAR' } });
    expect(adoptionEndSituation(type('NATIONAL_ADOPTION'), 'ADOPTION_FINALISED', 'WITHIN_FIRST_YEAR', '2024-05-01')).toMatchObject({ violation: { field: 'adoptionDisruption' } });
  });

  it('§3.9.2 no end situation on other types or open interventions', () => {
    expect(adoptionEndSituation(type('HOME_CARE'), 'OTHER', null, '2024-05-01')).toMatchObject({ violation: { field: 'endSituation' } });
    expect(adoptionEndSituation(type('HOME_CARE'), null, null, '2024-05-01')).toEqual({ value: { endSituation: null, adoptionDisruption: null } });
    expect(adoptionEndSituation(type('NATIONAL_ADOPTION'), 'OTHER', null, null)).toMatchObject({ violation: { field: 'endSituation' } });
  });
});
