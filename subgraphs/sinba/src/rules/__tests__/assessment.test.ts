import { findCode } from '@shared/codes';
import { assessmentWithinTerm, outcomeWithEnd, suitabilityDecreeFits, type AssessmentState } from '../assessment';

const type = (code: string) => findCode('ASSESSMENT_TYPE', code)!;
const outcome = (code: string) => findCode('ASSESSMENT_OUTCOME', code)!;
const base: AssessmentState = { startDate: '2024-01-31', endDate: null, outcome: null, renewed: false, suitabilityDecreeDate: null };

describe('seed 003 §3.10 psycho-social assessments', () => {
  it('gives an adoption assessment 4 months, 8 once renewed (direttiva RER 1495/03); foster care has no term', () => {
    expect(assessmentWithinTerm(type('NATIONAL_ADOPTION'), { ...base, endDate: '2024-05-31' })).toBeNull();
    expect(assessmentWithinTerm(type('NATIONAL_ADOPTION'), { ...base, endDate: '2024-06-01' })).toMatchObject({ code: 'INVALID_DATE_RANGE', details: { maxMonths: 4 } });
    expect(assessmentWithinTerm(type('NATIONAL_ADOPTION'), { ...base, endDate: '2024-09-30', renewed: true })).toBeNull();
    expect(assessmentWithinTerm(type('NATIONAL_ADOPTION'), { ...base, endDate: '2024-10-01', renewed: true })).toMatchObject({ details: { maxMonths: 8 } });
    expect(assessmentWithinTerm(type('FOSTER_CARE'), { ...base, endDate: '2026-01-01' })).toBeNull();
    expect(assessmentWithinTerm(type('FOSTER_CARE'), { ...base, renewed: true })).toMatchObject({ field: 'renewed' });
  });

  it('ends with a positive or negative outcome', () => {
    expect(outcomeWithEnd(base)).toBeNull();
    expect(outcomeWithEnd({ ...base, endDate: '2024-02-01' })).toMatchObject({ field: 'outcome' });
    expect(outcomeWithEnd({ ...base, outcome: 'POSITIVE' })).toMatchObject({ field: 'endDate' });
  });

  it('has a decree of suitability only for a positive international adoption (note 19)', () => {
    const ended = { ...base, endDate: '2024-04-01', outcome: 'POSITIVE', suitabilityDecreeDate: '2024-05-01' };
    expect(suitabilityDecreeFits(type('INTERNATIONAL_ADOPTION'), outcome('POSITIVE'), ended)).toBeNull();
    expect(suitabilityDecreeFits(type('INTERNATIONAL_ADOPTION'), outcome('NEGATIVE'), ended)).toMatchObject({ field: 'suitabilityDecreeDate' });
    expect(suitabilityDecreeFits(type('NATIONAL_ADOPTION'), outcome('POSITIVE'), ended)).toMatchObject({ field: 'suitabilityDecreeDate' });
  });
});
