import { boundaryFlags, halfYear, isViolation, onList } from '../prosecutorListRules';

const H1 = { start: '2024-01-01', end: '2024-06-30' };

describe('halfYear (L. 184/1983 art. 9: six-monthly lists)', () => {
  it('maps half 1 to January-June and half 2 to July-December', () => {
    expect(halfYear(2024, 1, '2025-01-10')).toEqual({ year: 2024, half: 1, start: '2024-01-01', end: '2024-06-30' });
    expect(halfYear(2024, 2, '2025-01-10')).toEqual({ year: 2024, half: 2, start: '2024-07-01', end: '2024-12-31' });
  });
  it('refuses a half other than 1 or 2 on field half', () => {
    for (const half of [0, 3, 1.5]) {
      const v = halfYear(2024, half, '2025-01-10');
      expect(isViolation(v) && v.field).toBe('half');
    }
  });
  it('refuses a year before the law or not a whole number on field year', () => {
    expect((halfYear(1983, 1, '2025-01-10') as { field?: string }).field).toBe('year');
    expect((halfYear(2024.5, 1, '2025-01-10') as { field?: string }).field).toBe('year');
  });
  it('refuses a half-year that has not started, allows the current one', () => {
    expect((halfYear(2025, 1, '2024-12-31') as { field?: string }).field).toBe('year');
    expect((halfYear(2024, 2, '2024-06-30') as { field?: string }).field).toBe('half');
    expect(isViolation(halfYear(2024, 2, '2024-07-01'))).toBe(false);
  });
});

describe('onList', () => {
  it('lists placements crossing the start or the end of the half-year, and those inside it', () => {
    expect(onList({ admissionDate: '2023-11-01', dischargeDate: '2024-02-01' }, H1)).toBe(true);
    expect(onList({ admissionDate: '2024-05-01', dischargeDate: null }, H1)).toBe(true);
    expect(onList({ admissionDate: '2024-06-30', dischargeDate: '2024-08-01' }, H1)).toBe(true);
    expect(onList({ admissionDate: '2024-02-01', dischargeDate: '2024-03-01' }, H1)).toBe(true);
  });
  it('leaves out placements wholly outside, and one discharged on the first day (the discharge day is not hosted)', () => {
    expect(onList({ admissionDate: '2023-01-01', dischargeDate: '2023-12-31' }, H1)).toBe(false);
    expect(onList({ admissionDate: '2024-07-01', dischargeDate: null }, H1)).toBe(false);
    expect(onList({ admissionDate: '2023-10-01', dischargeDate: '2024-01-01' }, H1)).toBe(false);
  });
  it('lists a same-day stay inside the half-year, not one on the eve of it', () => {
    expect(onList({ admissionDate: '2024-01-01', dischargeDate: '2024-01-01' }, H1)).toBe(true);
    expect(onList({ admissionDate: '2023-12-31', dischargeDate: '2023-12-31' }, H1)).toBe(false);
  });
});

describe('boundaryFlags', () => {
  it('flags real dates outside the half-year', () => {
    expect(boundaryFlags({ admissionDate: '2023-11-01', dischargeDate: '2024-02-01' }, H1)).toEqual({ admittedBeforePeriod: true, dischargedAfterPeriod: false });
    expect(boundaryFlags({ admissionDate: '2024-03-01', dischargeDate: '2024-07-01' }, H1)).toEqual({ admittedBeforePeriod: false, dischargedAfterPeriod: true });
    expect(boundaryFlags({ admissionDate: '2024-03-01', dischargeDate: null }, H1)).toEqual({ admittedBeforePeriod: false, dischargedAfterPeriod: true });
    expect(boundaryFlags({ admissionDate: '2024-01-01', dischargeDate: '2024-06-30' }, H1)).toEqual({ admittedBeforePeriod: false, dischargedAfterPeriod: false });
  });
});
