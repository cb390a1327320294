import { addMonths, afterFinalDischargeSince, caseOpenOn, emergencyOverLimit, emergencyOverLimitSince, noOpenCaseSince, notActiveSince, overCapacitySince, qualityFlags, statusOn, transferGapSince } from '../qualityRules';

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

describe('emergencyOverLimitSince', () => {
  it('is the day after the limit day', () => {
    expect(emergencyOverLimitSince(p('2024-01-10'), '2024-05-01')).toBe('2024-03-11');
    expect(emergencyOverLimitSince(p('2024-01-10'), '2024-03-10')).toBeNull();
  });
});

describe('noOpenCaseSince (docs/domain.md §6: placement without a case after 30 days)', () => {
  const placed = { admissionDate: '2024-01-01', dischargeDate: null };
  it('flags a placement of 30 days without any open case, from day 30', () => {
    expect(noOpenCaseSince(placed, [], '2024-01-31')).toBe('2024-01-31');
    expect(noOpenCaseSince(placed, [], '2024-01-30')).toBeNull();
  });
  it('does not flag when a case is open on the check day, whichever service holds it', () => {
    expect(noOpenCaseSince(placed, [{ startDate: '2024-01-20', endDate: null }], '2024-03-01')).toBeNull();
  });
  it('flags again after the case closed, from its closing day', () => {
    expect(noOpenCaseSince(placed, [{ startDate: '2023-06-01', endDate: '2024-02-15' }], '2024-03-01')).toBe('2024-02-15');
  });
  it('checks a discharged placement on its last hosted day, and never one shorter than 30 days', () => {
    expect(noOpenCaseSince({ admissionDate: '2024-01-01', dischargeDate: '2024-03-01' }, [{ startDate: '2024-02-01', endDate: null }], '2024-06-01')).toBeNull();
    expect(noOpenCaseSince({ admissionDate: '2024-01-01', dischargeDate: '2024-03-01' }, [], '2024-06-01')).toBe('2024-01-31');
    expect(noOpenCaseSince({ admissionDate: '2024-01-01', dischargeDate: '2024-01-31' }, [], '2024-06-01')).toBeNull();
  });
  it('treats a case closed on the check day as closed', () => {
    expect(caseOpenOn({ startDate: '2024-01-01', endDate: '2024-03-01' }, '2024-03-01')).toBe(false);
    expect(caseOpenOn({ startDate: '2024-01-01', endDate: '2024-03-01' }, '2024-02-29')).toBe(true);
  });
});

describe('overCapacitySince', () => {
  const three = [
    { admissionDate: '2024-01-01', dischargeDate: null },
    { admissionDate: '2024-02-01', dischargeDate: null },
    { admissionDate: '2024-03-01', dischargeDate: null },
  ];
  it('flags a structure hosting more minors than its places today, since the start of the run', () => {
    expect(overCapacitySince(three, 2, '2024-04-01')).toBe('2024-03-01');
    expect(overCapacitySince(three, 1, '2024-04-01')).toBe('2024-02-01');
  });
  it('does not flag a structure within its places today, even if it was over before', () => {
    expect(overCapacitySince(three, 3, '2024-04-01')).toBeNull();
    expect(overCapacitySince([...three.slice(0, 2), { admissionDate: '2024-03-01', dischargeDate: '2024-03-20' }], 2, '2024-04-01')).toBeNull();
  });
  it('does not count the discharge day nor same-day stays', () => {
    expect(overCapacitySince([{ admissionDate: '2024-01-01', dischargeDate: '2024-04-01' }, { admissionDate: '2024-04-01', dischargeDate: '2024-04-01' }, { admissionDate: '2024-01-01', dischargeDate: null }], 1, '2024-04-01')).toBeNull();
  });
});

describe('notActiveSince (seed 002: status from the acts)', () => {
  const timeline = [
    { from: '2020-01-01', status: 'ACTIVE' },
    { from: '2024-03-01', status: 'SUSPENDED' },
    { from: '2024-04-01', status: 'ACTIVE' },
  ];
  it('flags a placement hosted while the structure was suspended, from the first such day', () => {
    expect(notActiveSince({ admissionDate: '2024-01-01', dischargeDate: null }, timeline, '2024-06-01')).toBe('2024-03-01');
    expect(notActiveSince({ admissionDate: '2024-01-01', dischargeDate: '2024-03-02' }, timeline, '2024-06-01')).toBe('2024-03-01');
  });
  it('does not flag placements that ended before, or began after, the suspension', () => {
    expect(notActiveSince({ admissionDate: '2024-01-01', dischargeDate: '2024-03-01' }, timeline, '2024-06-01')).toBeNull();
    expect(notActiveSince({ admissionDate: '2024-04-01', dischargeDate: null }, timeline, '2024-06-01')).toBeNull();
  });
  it('flags an admission on a day the structure was not active (data imported around the admission rule)', () => {
    expect(notActiveSince({ admissionDate: '2024-03-10', dischargeDate: '2024-03-10' }, timeline, '2024-06-01')).toBe('2024-03-10');
    expect(statusOn(timeline, '2019-12-31')).toBe('NOT_AUTHORISED');
  });
});

describe('episode consistency (docs/domain.md §6)', () => {
  const CONT = new Set(['OTHER_STRUCTURE']);
  const FINAL = new Set(['DEATH']);
  const out = { id: 'a', admissionDate: '2024-01-01', dischargeDate: '2024-03-01', dischargeOutcome: 'OTHER_STRUCTURE' };
  it('flags TRANSFER_GAP on a transfer discharge with no admission of the minor on that day', () => {
    expect(transferGapSince(out, [out], CONT)).toBe('2024-03-01');
    expect(transferGapSince(out, [out, { id: 'b', admissionDate: '2024-03-02', dischargeDate: null, dischargeOutcome: null }], CONT)).toBe('2024-03-01');
  });
  it('does not flag a transfer continued on the same day, nor other outcomes nor open placements', () => {
    expect(transferGapSince(out, [out, { id: 'b', admissionDate: '2024-03-01', dischargeDate: null, dischargeOutcome: null }], CONT)).toBeNull();
    expect(transferGapSince({ ...out, dischargeOutcome: 'RETURN_TO_FAMILY' }, [], CONT)).toBeNull();
    expect(transferGapSince({ ...out, dischargeDate: null, dischargeOutcome: null }, [], CONT)).toBeNull();
  });
  it('flags a placement starting after a final discharge of the minor, not one before it', () => {
    const death = { id: 'd', admissionDate: '2024-01-01', dischargeDate: '2024-02-01', dischargeOutcome: 'DEATH' };
    const later = { id: 'l', admissionDate: '2024-02-01', dischargeDate: null, dischargeOutcome: null };
    const earlier = { id: 'e', admissionDate: '2023-01-01', dischargeDate: '2024-01-01', dischargeOutcome: 'OTHER_STRUCTURE' };
    expect(afterFinalDischargeSince(later, [death, later], FINAL)).toBe('2024-02-01');
    expect(afterFinalDischargeSince(earlier, [earlier, death], FINAL)).toBeNull();
    expect(afterFinalDischargeSince(death, [death], FINAL)).toBeNull();
  });
});
