import { addMonths, emergencyOverLimit, qualityFlags } from '../qualityRules';

const p = (admissionDate: string, dischargeDate: string | null = null, kind = 'EMERGENCY', minorUnaccompanied: boolean | null = false) => ({ kind, admissionDate, dischargeDate, minorUnaccompanied });

describe('addMonths', () => {
  it('adds calendar months, clamping to the last day of the month', () => {
    expect(addMonths('2024-01-10', 2)).toBe('2024-03-10');
    expect(addMonths('2024-12-31', 2)).toBe('2025-02-28');
    expect(addMonths('2023-12-31', 2)).toBe('2024-02-29');
    expect(addMonths('2024-08-15', 6)).toBe('2025-02-15');
  });
});

describe('emergencyOverLimit (seed 003 §3.9.6)', () => {
  it('flags an open emergency placement beyond 2 months, the limit day allowed', () => {
    expect(emergencyOverLimit(p('2024-01-10'), '2024-03-10')).toBe(false);
    expect(emergencyOverLimit(p('2024-01-10'), '2024-03-11')).toBe(true);
  });
  it('allows 6 months when the minor was unaccompanied at admission', () => {
    expect(emergencyOverLimit(p('2024-01-10', null, 'EMERGENCY', true), '2024-07-10')).toBe(false);
    expect(emergencyOverLimit(p('2024-01-10', null, 'EMERGENCY', true), '2024-07-11')).toBe(true);
    expect(emergencyOverLimit(p('2024-01-10', null, 'EMERGENCY', null), '2024-03-11')).toBe(true);
  });
  it('evaluates a discharged placement up to its discharge date', () => {
    expect(emergencyOverLimit(p('2024-01-10', '2024-03-01'), '2030-01-01')).toBe(false);
    expect(emergencyOverLimit(p('2024-01-10', '2024-04-01'), '2030-01-01')).toBe(true);
  });
  it('never flags other kinds', () => {
    expect(emergencyOverLimit(p('2020-01-10', null, 'ORDINARY'), '2024-03-11')).toBe(false);
    expect(qualityFlags(p('2020-01-10', null, 'ORDINARY'), '2024-03-11')).toEqual([]);
    expect(qualityFlags(p('2024-01-10'), '2024-03-11')).toEqual(['EMERGENCY_OVER_LIMIT']);
  });
});
