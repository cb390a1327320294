import {
  activeOn,
  ageWithinRange,
  bornBeforeAdmission,
  courtReferenceWhenOrdered,
  dischargeNotBeforeAdmission,
  isSameDay,
  noOverlap,
  notInFuture,
  peakOccupancyFrom,
  periodsOverlap,
  withinCapacity,
} from '../placementRules';

const p = (admissionDate: string, dischargeDate: string | null = null) => ({ admissionDate, dischargeDate });

describe('activeOn', () => {
  it('counts a placement active from its admission day to the day before its discharge', () => {
    expect(activeOn(p('2024-01-10', '2024-01-20'), '2024-01-09')).toBe(false);
    expect(activeOn(p('2024-01-10', '2024-01-20'), '2024-01-10')).toBe(true);
    expect(activeOn(p('2024-01-10', '2024-01-20'), '2024-01-19')).toBe(true);
    expect(activeOn(p('2024-01-10', '2024-01-20'), '2024-01-20')).toBe(false);
    expect(activeOn(p('2024-01-10'), '2030-01-01')).toBe(true);
  });

  it('counts a same-day placement on no day', () => {
    expect(isSameDay(p('2024-01-10', '2024-01-10'))).toBe(true);
    expect(isSameDay(p('2024-01-10'))).toBe(false);
    expect(activeOn(p('2024-01-10', '2024-01-10'), '2024-01-10')).toBe(false);
  });
});

describe('noOverlap (PLACEMENT_OVERLAP)', () => {
  it('allows a same-day transfer: discharge on day D and admission elsewhere on day D', () => {
    expect(periodsOverlap(p('2024-01-01', '2024-03-01'), p('2024-03-01'))).toBe(false);
    expect(noOverlap([p('2024-01-01', '2024-03-01')], p('2024-03-01'))).toBeNull();
  });

  it('refuses a second placement overlapping an open, a longer or a later one', () => {
    expect(noOverlap([p('2024-01-01')], p('2024-05-01'))?.code).toBe('PLACEMENT_OVERLAP');
    expect(noOverlap([p('2024-01-01', '2024-03-02')], p('2024-03-01'))?.field).toBe('admissionDate');
    expect(noOverlap([p('2024-06-01', '2024-07-01')], p('2024-05-01'))?.code).toBe('PLACEMENT_OVERLAP');
    expect(noOverlap([p('2024-02-01')], p('2024-01-01'))?.code).toBe('PLACEMENT_OVERLAP');
  });

  it('allows transfers into and out of a same-day placement, and several same-day stays on one day', () => {
    const before = p('2024-01-01', '2024-03-01');
    const sameDay = p('2024-03-01', '2024-03-01');
    expect(periodsOverlap(before, sameDay)).toBe(false);
    expect(periodsOverlap(sameDay, p('2024-03-01'))).toBe(false);
    expect(periodsOverlap(sameDay, p('2024-03-01', '2024-03-01'))).toBe(false);
    expect(noOverlap([before, sameDay, p('2024-03-01', '2024-03-01')], p('2024-03-01'))).toBeNull();
  });

  it('refuses a placement spanning the whole day of a same-day placement', () => {
    expect(periodsOverlap(p('2024-03-01', '2024-03-01'), p('2024-02-01'))).toBe(true);
    expect(periodsOverlap(p('2024-02-01', '2024-04-01'), p('2024-03-01', '2024-03-01'))).toBe(true);
    expect(noOverlap([p('2024-03-01', '2024-03-01')], p('2024-02-01'))?.code).toBe('PLACEMENT_OVERLAP');
    expect(noOverlap([p('2024-03-01', '2024-03-01')], p('2024-03-02'))).toBeNull();
  });
});

describe('withinCapacity (STRUCTURE_FULL)', () => {
  it('finds the peak occupancy from a date, including later admissions', () => {
    const rows = [p('2024-01-01', '2024-02-01'), p('2024-01-15'), p('2024-03-01')];
    expect(peakOccupancyFrom(rows, '2024-01-20')).toBe(2);
    expect(peakOccupancyFrom(rows, '2024-02-15')).toBe(2);
    expect(peakOccupancyFrom(rows, '2024-02-01')).toBe(2);
    expect(peakOccupancyFrom([], '2024-02-01')).toBe(0);
  });

  it('refuses an admission that would exceed ordinary plus emergency places', () => {
    const rows = [p('2024-01-01'), p('2024-01-02')];
    expect(withinCapacity(rows, '2024-01-03', 3)).toBeNull();
    const full = withinCapacity(rows, '2024-01-03', 2);
    expect(full).toMatchObject({ code: 'STRUCTURE_FULL', field: 'structureCode', details: { places: 2 } });
    expect(withinCapacity([], '2024-01-03', 0)?.code).toBe('STRUCTURE_FULL');
  });

  it('refuses a retroactive admission that fits its first day but not a later one', () => {
    const rows = [p('2024-02-01'), p('2024-02-02')];
    expect(peakOccupancyFrom(rows, '2024-01-01')).toBe(2);
    expect(withinCapacity(rows, '2024-01-01', 2)?.code).toBe('STRUCTURE_FULL');
    expect(withinCapacity(rows, '2024-01-01', 3)).toBeNull();
  });

  it('frees the place on the discharge day, so a transfer in on that day fits', () => {
    expect(withinCapacity([p('2024-01-01', '2024-03-01')], '2024-03-01', 1)).toBeNull();
    expect(withinCapacity([p('2024-01-01', '2024-03-02')], '2024-03-01', 1)?.code).toBe('STRUCTURE_FULL');
  });

  it('takes no place for a same-day placement', () => {
    expect(withinCapacity([p('2024-03-05', '2024-03-05')], '2024-03-01', 1)).toBeNull();
  });
});

describe('dischargeNotBeforeAdmission (INVALID_DATE_RANGE)', () => {
  it('refuses a discharge dated before the admission', () => {
    expect(dischargeNotBeforeAdmission(p('2024-01-10'), '2024-01-09')).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'dischargeDate' });
  });

  it('accepts a discharge on the admission day (a same-day placement) or later', () => {
    expect(dischargeNotBeforeAdmission(p('2024-01-10'), '2024-01-10')).toBeNull();
    expect(dischargeNotBeforeAdmission(p('2024-01-10'), '2024-02-10')).toBeNull();
  });
});

describe('notInFuture (INVALID_DATE_RANGE)', () => {
  it('refuses dates in the future and accepts today', () => {
    expect(notInFuture('2026-01-02', '2026-01-01', 'admissionDate')).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'admissionDate' });
    expect(notInFuture('2026-01-01', '2026-01-01', 'admissionDate')).toBeNull();
  });
});

describe('ageWithinRange (BAD_USER_INPUT on minorId)', () => {
  const range = { minAge: 6, maxAge: 13 };

  it("refuses a minor outside the structure's authorised age range on the admission date", () => {
    expect(ageWithinRange('2010-06-01', '2024-05-31', range)).toBeNull(); // 13 the day before the birthday
    expect(ageWithinRange('2010-06-01', '2024-06-01', range)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minorId', details: { minAge: 6, maxAge: 13 } });
    expect(ageWithinRange('2018-06-02', '2024-06-01', range)?.code).toBe('BAD_USER_INPUT'); // 5
    expect(ageWithinRange('2018-06-01', '2024-06-01', range)).toBeNull(); // 6 on the day
  });

  it('names the range, never the minor age', () => {
    const v = ageWithinRange('2010-06-01', '2024-06-01', range);
    expect(v?.message).toContain('6 to 13');
    expect(v?.message).not.toMatch(/\b14\b/);
  });

  it('reads a missing bound as none (0 to 21) and a missing birth date as nothing to check', () => {
    expect(ageWithinRange('2003-06-02', '2024-06-01', { minAge: null, maxAge: null })).toBeNull(); // 20
    expect(ageWithinRange('2002-06-01', '2024-06-01', { minAge: null, maxAge: null })?.code).toBe('BAD_USER_INPUT'); // 22
    expect(ageWithinRange(null, '2024-06-01', range)).toBeNull();
  });

  it('refuses a child not yet born on the admission date', () => {
    expect(ageWithinRange('2024-07-01', '2024-06-01', { minAge: 0, maxAge: 17 })?.code).toBe('BAD_USER_INPUT');
  });
});

describe('courtReferenceWhenOrdered', () => {
  it('requires the court order reference for a court-ordered placement', () => {
    expect(courtReferenceWhenOrdered('COURT_ORDER', '')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'courtOrderReference' });
    expect(courtReferenceWhenOrdered('COURT_ORDER', '  ')?.field).toBe('courtOrderReference');
    expect(courtReferenceWhenOrdered('COURT_ORDER', 'TM-1')).toBeNull();
    expect(courtReferenceWhenOrdered('CONSENSUAL', null)).toBeNull();
    expect(courtReferenceWhenOrdered(null, null)).toBeNull();
  });
});

describe('bornBeforeAdmission (seed 003 §3.2.1)', () => {
  it('§3.2.1 an unborn child (no birth date) is not admitted', () => {
    expect(bornBeforeAdmission({ birthDate: null, unborn: true })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minorId' });
    expect(bornBeforeAdmission({ birthDate: null })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minorId' });
    expect(bornBeforeAdmission({ birthDate: '2024-01-01', unborn: false })).toBeNull();
  });
});
