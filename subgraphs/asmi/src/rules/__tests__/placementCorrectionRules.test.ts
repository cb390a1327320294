import { changedFacts, correctionWindowOpen, reasonGiven, type AdmissionFacts } from '../placementCorrectionRules';

const facts: AdmissionFacts = { admissionDate: '2024-06-01', kind: 'ORDINARY', legalBasis: null, courtOrderReference: null, referringService: 'Comune di Palermo' };

describe('placement correction rules (issue 18 item 5)', () => {
  it('keeps only the facts that change, trimmed; empty optional facts become null', () => {
    expect(changedFacts(facts, { kind: 'ORDINARY', legalBasis: ' CONSENSUAL ', referringService: '' })).toEqual({
      next: { ...facts, legalBasis: 'CONSENSUAL', referringService: null },
      before: { legalBasis: null, referringService: 'Comune di Palermo' },
      after: { legalBasis: 'CONSENSUAL', referringService: null },
    });
  });

  it('refuses a correction that changes nothing, and clearing a required fact', () => {
    expect(changedFacts(facts, { kind: 'ORDINARY' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'placementId' });
    expect(changedFacts(facts, { kind: null })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
  });

  it('the window: 30 days from the first admission date, the 30th day included', () => {
    expect(correctionWindowOpen('2024-06-01', '2024-07-01')).toBeNull();
    expect(correctionWindowOpen('2024-06-01', '2024-07-02')).toMatchObject({ code: 'CORRECTION_WINDOW_CLOSED', details: { correction: 'ASK_SUPERVISOR', windowDays: 30 } });
  });

  it('a reason is required and bounded', () => {
    expect(reasonGiven('Refuso')).toBeNull();
    expect(reasonGiven(' ')).toMatchObject({ field: 'reason' });
    expect(reasonGiven('x'.repeat(1001))).toMatchObject({ field: 'reason' });
  });
});
