import { activeOn, ageWithinRange, courtReferenceWhenOrdered, dischargeNotBeforeAdmission, noOverlap, notInFuture, peakOccupancyFrom, periodsOverlap, withinCapacity } from '../placementRules';

const p = (admissionDate: string, dischargeDate: string | null = null) => ({ admissionDate, dischargeDate });

describe('placement rules', () => {
  it('counts a placement active from its admission day to the day before its discharge', () => {
    expect(activeOn(p('2024-01-10', '2024-01-20'), '2024-01-10')).toBe(true);
    expect(activeOn(p('2024-01-10', '2024-01-20'), '2024-01-19')).toBe(true);
    expect(activeOn(p('2024-01-10', '2024-01-20'), '2024-01-20')).toBe(false);
    expect(activeOn(p('2024-01-10'), '2030-01-01')).toBe(true);
  });

  it('allows a transfer: discharge on day D and admission elsewhere on day D do not overlap', () => {
    expect(periodsOverlap(p('2024-01-01', '2024-03-01'), p('2024-03-01'))).toBe(false);
    expect(noOverlap([p('2024-01-01', '2024-03-01')], p('2024-03-01'))).toBeNull();
  });

  it('refuses a second placement overlapping an open or later one with PLACEMENT_OVERLAP', () => {
    expect(noOverlap([p('2024-01-01')], p('2024-05-01'))?.code).toBe('PLACEMENT_OVERLAP');
    expect(noOverlap([p('2024-06-01', '2024-07-01')], p('2024-05-01'))?.code).toBe('PLACEMENT_OVERLAP');
    expect(noOverlap([p('2024-01-01', '2024-01-01')], p('2024-01-01'))).toBeNull();
  });

  it('finds the peak occupancy from a date, including later admissions', () => {
    const rows = [p('2024-01-01', '2024-02-01'), p('2024-01-15'), p('2024-03-01')];
    expect(peakOccupancyFrom(rows, '2024-01-20')).toBe(2);
    expect(peakOccupancyFrom(rows, '2024-02-15')).toBe(2);
    expect(peakOccupancyFrom(rows, '2024-02-01')).toBe(2);
  });

  it('refuses an admission that would exceed ordinary plus emergency places with STRUCTURE_FULL', () => {
    const rows = [p('2024-01-01'), p('2024-01-02')];
    expect(withinCapacity(rows, '2024-01-03', 3)).toBeNull();
    expect(withinCapacity(rows, '2024-01-03', 2)?.code).toBe('STRUCTURE_FULL');
    // a retroactive admission must fit the later days too
    expect(withinCapacity([p('2024-02-01'), p('2024-02-02')], '2024-01-01', 2)?.code).toBe('STRUCTURE_FULL');
  });

  it('refuses a discharge dated before the admission', () => {
    expect(dischargeNotBeforeAdmission(p('2024-01-10'), '2024-01-09')?.code).toBe('INVALID_DATE_RANGE');
    expect(dischargeNotBeforeAdmission(p('2024-01-10'), '2024-01-10')).toBeNull();
  });

  it('refuses dates in the future', () => {
    expect(notInFuture('2030-01-01', '2026-01-01', 'admissionDate')?.field).toBe('admissionDate');
    expect(notInFuture('2026-01-01', '2026-01-01', 'admissionDate')).toBeNull();
  });

  it("refuses a minor outside the structure's authorised age range", () => {
    expect(ageWithinRange('2010-06-01', '2024-05-31', { minAge: 6, maxAge: 13 })).toBeNull();
    expect(ageWithinRange('2010-06-01', '2024-06-01', { minAge: 6, maxAge: 13 })?.code).toBe('BAD_USER_INPUT');
    expect(ageWithinRange(null, '2024-06-01', { minAge: 6, maxAge: 13 })).toBeNull();
  });

  it('requires the court order reference for a court-ordered placement', () => {
    expect(courtReferenceWhenOrdered('COURT_ORDER', '')?.field).toBe('courtOrderReference');
    expect(courtReferenceWhenOrdered('COURT_ORDER', 'TM-1')).toBeNull();
    expect(courtReferenceWhenOrdered('CONSENSUAL', null)).toBeNull();
  });
});
