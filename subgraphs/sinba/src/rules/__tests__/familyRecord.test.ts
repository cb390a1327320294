import { getCodeList } from '@shared/codes';
import { codeValid, codesValid } from '../codedLists';
import { currentMembers, familyUnitName, isSingleParent, leftAfterJoining } from '../familyUnit';
import { certificationDatesConsistent, invalidityPercentageValid } from '../healthDataDetails';
import { exclusiveFamilyProblem, isHealthProblem, openProblemsStillSatisfied, requiredRecordsOf, requiredRecordsPresent, unbornProblemsIncludeRequired, unbornProblemsStayAnchored } from '../problems';

const codesWith = (attribute: string) => getCodeList('MINOR_PROBLEM').entries.filter((e) => e.attributes?.[attribute] === true).map((e) => e.code);
const NOTHING = { healthData: false, additionalData: false, violenceRecord: false };

describe('seed 003 §3.5 problems that require other records', () => {
  it('§3.5 the five disabilities require the health data', () => {
    const disabilities = codesWith('disability');
    expect(disabilities).toHaveLength(5);
    for (const code of disabilities) {
      expect(requiredRecordsOf(code)).toEqual(['HEALTH_DATA']);
      expect(requiredRecordsPresent(code, NOTHING)).toMatchObject({ code: 'MISSING_REQUIRED_RECORD', field: 'code', details: { required: 'HEALTH_DATA' } });
      // additional data is not enough for a disability
      expect(requiredRecordsPresent(code, { ...NOTHING, additionalData: true })).toMatchObject({ code: 'MISSING_REQUIRED_RECORD' });
      expect(requiredRecordsPresent(code, { ...NOTHING, healthData: true })).toBeNull();
    }
  });

  it('§3.4 code 98 (Ricavabile) requires health data or additional data', () => {
    expect(requiredRecordsPresent('98', NOTHING)).toMatchObject({ code: 'MISSING_REQUIRED_RECORD', details: { required: 'HEALTH_OR_ADDITIONAL_DATA' } });
    expect(requiredRecordsPresent('98', { ...NOTHING, healthData: true })).toBeNull();
    expect(requiredRecordsPresent('98', { ...NOTHING, additionalData: true })).toBeNull();
  });

  it('§3.5 presumed and confirmed victims require the violence record (§3.11)', () => {
    for (const code of ['SUSPECTED_VIOLENCE_VICTIM', 'CONFIRMED_VIOLENCE_VICTIM']) {
      expect(requiredRecordsPresent(code, { ...NOTHING, healthData: true, additionalData: true })).toMatchObject({ details: { required: 'VIOLENCE_RECORD' } });
      expect(requiredRecordsPresent(code, { ...NOTHING, violenceRecord: true })).toBeNull();
    }
  });

  it('§3.5 problems without a requirement need nothing', () => {
    expect(requiredRecordsPresent('BULLYING_VICTIM', NOTHING)).toBeNull();
  });

  it('§3.5 keeps the section filled while an open problem needs it', () => {
    expect(openProblemsStillSatisfied(['PHYSICAL_DISABILITY'], NOTHING, 'minorId')).toMatchObject({ code: 'MISSING_REQUIRED_RECORD', field: 'minorId' });
    expect(openProblemsStillSatisfied(['BULLYING_VICTIM'], NOTHING, 'minorId')).toBeNull();
  });

  it('docs/privacy.md §2 health-related problem codes are HEALTH, the others CASE', () => {
    expect(isHealthProblem('PHYSICAL_DISABILITY')).toBe(true);
    expect(isHealthProblem('ADDICTION')).toBe(true);
    expect(isHealthProblem('BULLYING_VICTIM')).toBe(false);
    expect(isHealthProblem('98')).toBe(false);
  });
});

describe('seed 003 §3.8 family problems', () => {
  it('§3.8 note 10 "nucleo senza problematiche" is not combined with another open family problem', () => {
    expect(exclusiveFamilyProblem('NO_PROBLEMS', ['ECONOMIC'])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(exclusiveFamilyProblem('ECONOMIC', ['NO_PROBLEMS'])).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(exclusiveFamilyProblem('ECONOMIC', ['HOUSING'])).toBeNull();
    expect(exclusiveFamilyProblem('NO_PROBLEMS', [])).toBeNull();
  });
});

describe('seed 003 §3.3 family unit', () => {
  const m = (relation: string, lastName: string, firstName: string, cohabiting = true, until: string | null = null) => ({ relation, lastName, firstName, cohabiting, until });

  it('§3.3 a unit where the minor lives with one parental figure (uncles, grandparents included) is single-parent', () => {
    expect(isSingleParent([m('MOTHER', 'Rossi', 'Anna'), m('SIBLING', 'Rossi', 'Leo')])).toBe(true);
    expect(isSingleParent([m('GRANDPARENT', 'Bianchi', 'Ugo')])).toBe(true);
    expect(isSingleParent([m('MOTHER', 'Rossi', 'Anna'), m('FATHER', 'Verdi', 'Luca')])).toBe(false);
    // a non-cohabiting father does not count
    expect(isSingleParent([m('MOTHER', 'Rossi', 'Anna'), m('FATHER', 'Verdi', 'Luca', false)])).toBe(true);
    expect(isSingleParent([m('SIBLING', 'Rossi', 'Leo')])).toBeNull();
  });

  it('§3.3 names the unit "Rossi - Verdi", or "Rossi Luigi" when single-parent', () => {
    expect(familyUnitName([m('FATHER', 'Rossi', 'Luigi'), m('MOTHER', 'Verdi', 'Anna')])).toBe('Rossi - Verdi');
    expect(familyUnitName([m('SIBLING', 'Rossi', 'Leo'), m('FATHER', 'Rossi', 'Luigi')])).toBe('Rossi Luigi');
    expect(familyUnitName([m('MOTHER', 'Verdi', 'Anna'), m('OTHER_COHABITING_ADULT', 'Neri', 'Carlo')])).toBe('Verdi Anna');
    expect(familyUnitName([m('OTHER_SIGNIFICANT_PERSON', 'Neri', 'Carlo', false)])).toBeNull();
  });

  it('§3.3 the current unit leaves out members who have left it', () => {
    const members = [m('MOTHER', 'Rossi', 'Anna'), m('FATHER', 'Verdi', 'Luca', true, '2024-03-01')];
    expect(currentMembers(members, '2024-06-15').map((x) => x.relation)).toEqual(['MOTHER']);
    expect(currentMembers(members, '2024-02-01')).toHaveLength(2);
    expect(leftAfterJoining('2024-03-01', '2024-02-01', 'leftOn')).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'leftOn' });
  });
});

describe('seed 003 §3.7 health data details', () => {
  const base = { npiaFollowUp: null, npiaDate: null, invalidity: null, invalidityDate: null, invalidityPercentage: null, law104: null, law104Date: null };

  it('§3.7 a certification date needs the certification and is not in the future', () => {
    expect(certificationDatesConsistent({ ...base, invalidity: true, invalidityDate: '2024-01-01' }, '2024-06-15')).toBeNull();
    expect(certificationDatesConsistent({ ...base, invalidity: false, invalidityDate: '2024-01-01' }, '2024-06-15')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'invalidityDate' });
    expect(certificationDatesConsistent({ ...base, law104: true, law104Date: '2024-06-16' }, '2024-06-15')).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'law104Date' });
    expect(certificationDatesConsistent({ ...base, npiaDate: '2024-01-01' }, '2024-06-15')).toMatchObject({ field: 'npiaDate' });
  });

  it('§3.4 the invalidity percentage is 0–100 and needs invalidity', () => {
    expect(invalidityPercentageValid({ invalidity: true, invalidityPercentage: 74 })).toBeNull();
    expect(invalidityPercentageValid({ invalidity: true, invalidityPercentage: 101 })).toMatchObject({ field: 'invalidityPercentage' });
    expect(invalidityPercentageValid({ invalidity: null, invalidityPercentage: 50 })).toMatchObject({ field: 'invalidityPercentage' });
  });
});

describe('coded inputs', () => {
  it('checks multi-valued codes against their list: INVALID_CODE with field and list, empty or repeated lists refused', () => {
    expect(codesValid('VIOLENCE_TYPE', ['SEXUAL_VIOLENCE', 'WITNESSED_VIOLENCE'], '2024-01-01', 'types')).toBeNull();
    expect(codesValid('VIOLENCE_TYPE', ['NOPE'], '2024-01-01', 'types')).toMatchObject({ code: 'INVALID_CODE', field: 'types', details: { list: 'VIOLENCE_TYPE' } });
    expect(codesValid('VIOLENCE_TYPE', [], '2024-01-01', 'types')).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(codesValid('VIOLENCE_TYPE', ['PROSTITUTION', 'PROSTITUTION'], '2024-01-01', 'types')).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(codeValid('COURT_AUTHORITY', null, '2024-01-01', 'authority')).toBeNull();
    expect(codeValid('COURT_AUTHORITY', 'MOON_COURT', '2024-01-01', 'authority')).toMatchObject({ code: 'INVALID_CODE', details: { list: 'COURT_AUTHORITY' } });
  });
});

describe('seed 003 §3.2.1 problems of the unborn', () => {
  it("§3.2.1 an unborn child's problems first include 'Nucleo problematico' or 'Intervento erogato fuori dal PAI/PEI'", () => {
    expect(unbornProblemsIncludeRequired(true, 'BULLYING_VICTIM', [])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(unbornProblemsIncludeRequired(true, 'INTERVENTION_OUTSIDE_PLAN', [])).toBeNull();
    expect(unbornProblemsIncludeRequired(true, 'ADDICTION', ['PROBLEMATIC_FAMILY'])).toBeNull();
    expect(unbornProblemsIncludeRequired(false, 'BULLYING_VICTIM', [])).toBeNull();
  });

  it('§3.2.1 the last anchoring problem of an unborn does not end while other problems stay open', () => {
    expect(unbornProblemsStayAnchored(true, 'INTERVENTION_OUTSIDE_PLAN', ['BULLYING_VICTIM'])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'problemId' });
    expect(unbornProblemsStayAnchored(true, 'INTERVENTION_OUTSIDE_PLAN', ['BULLYING_VICTIM', 'PROBLEMATIC_FAMILY'])).toBeNull();
    expect(unbornProblemsStayAnchored(true, 'INTERVENTION_OUTSIDE_PLAN', [])).toBeNull();
    expect(unbornProblemsStayAnchored(true, 'BULLYING_VICTIM', ['INTERVENTION_OUTSIDE_PLAN'])).toBeNull();
    expect(unbornProblemsStayAnchored(false, 'INTERVENTION_OUTSIDE_PLAN', ['BULLYING_VICTIM'])).toBeNull();
  });
});
