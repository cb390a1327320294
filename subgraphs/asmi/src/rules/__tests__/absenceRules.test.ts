import { noOverlappingAbsence, rangesOverlap, withinPlacement } from '../absenceRules';

const r = (startDate: string, endDate: string | null = null) => ({ startDate, endDate });
const p = (admissionDate: string, dischargeDate: string | null = null) => ({ admissionDate, dischargeDate });

describe('withinPlacement', () => {
  it('accepts an absence inside an open placement, open or closed', () => {
    expect(withinPlacement(p('2024-01-10'), r('2024-01-10'))).toBeNull();
    expect(withinPlacement(p('2024-01-10'), r('2024-02-01', '2024-02-03'))).toBeNull();
  });
  it('refuses a start before the admission', () => {
    expect(withinPlacement(p('2024-01-10'), r('2024-01-09'))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'startDate' });
  });
  it('requires a closed absence inside a discharged placement, discharge day included', () => {
    expect(withinPlacement(p('2024-01-10', '2024-02-10'), r('2024-02-01', '2024-02-10'))).toBeNull();
    expect(withinPlacement(p('2024-01-10', '2024-02-10'), r('2024-02-01'))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'endDate' });
    expect(withinPlacement(p('2024-01-10', '2024-02-10'), r('2024-02-01', '2024-02-11'))).toMatchObject({ field: 'endDate' });
    expect(withinPlacement(p('2024-01-10', '2024-02-10'), r('2024-02-11', '2024-02-12'))).toMatchObject({ field: 'startDate' });
  });
});

describe('noOverlappingAbsence', () => {
  it('treats ranges as inclusive days with open ends', () => {
    expect(rangesOverlap(r('2024-01-01', '2024-01-03'), r('2024-01-03', '2024-01-04'))).toBe(true);
    expect(rangesOverlap(r('2024-01-01', '2024-01-03'), r('2024-01-04'))).toBe(false);
    expect(rangesOverlap(r('2024-01-01'), r('2024-05-04', '2024-05-05'))).toBe(true);
  });
  it('refuses an overlapping absence with BAD_USER_INPUT', () => {
    expect(noOverlappingAbsence([r('2024-01-01', '2024-01-03')], r('2024-01-04'))).toBeNull();
    expect(noOverlappingAbsence([r('2024-01-01', '2024-01-03')], r('2024-01-02', '2024-01-02'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startDate' });
  });
});
