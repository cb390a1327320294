import { coManagementJustified, needsActivePlacement } from '../coManagement';

const none = { problems: [], courtOrderEffects: [], interventionTypes: [] };

describe('co-management needs its fact (docs/privacy.md §3a, seed 003 §3.2)', () => {
  it('ADOPTABILITY: the adoptability problem, an adoptability court order or an adoption intervention', () => {
    expect(coManagementJustified('ADOPTABILITY', none, false)?.code).toBe('CO_MANAGEMENT_NOT_JUSTIFIED');
    expect(coManagementJustified('ADOPTABILITY', { ...none, problems: ['ADOPTABILITY'] }, false)).toBeNull();
    expect(coManagementJustified('ADOPTABILITY', { ...none, courtOrderEffects: ['ADOPTABILITY'] }, false)).toBeNull();
    expect(coManagementJustified('ADOPTABILITY', { ...none, interventionTypes: ['NATIONAL_ADOPTION'] }, false)).toBeNull();
    expect(coManagementJustified('ADOPTABILITY', { ...none, interventionTypes: ['FAMILY_FOSTER_CARE_CONSENSUAL'] }, true)?.field).toBe('coManagementReason');
  });

  it('FOSTER_CARE: a foster-care intervention, not family-to-family support', () => {
    expect(coManagementJustified('FOSTER_CARE', { ...none, interventionTypes: ['KINSHIP_FOSTER_CARE_JUDICIAL'] }, false)).toBeNull();
    expect(coManagementJustified('FOSTER_CARE', { ...none, interventionTypes: ['FAMILY_TO_FAMILY_SUPPORT'] }, false)).not.toBeNull();
    expect(coManagementJustified('FOSTER_CARE', none, true)).not.toBeNull();
  });

  it('COMMUNITY_PLACEMENT: a placement intervention or an active placement', () => {
    expect(coManagementJustified('COMMUNITY_PLACEMENT', none, false)).not.toBeNull();
    expect(coManagementJustified('COMMUNITY_PLACEMENT', none, true)).toBeNull();
    expect(needsActivePlacement('COMMUNITY_PLACEMENT', none)).toBe(true);
    expect(needsActivePlacement('FOSTER_CARE', none)).toBe(false);
  });
});
