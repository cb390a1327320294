import { caseStartNotTooEarly, stillUnborn } from '../unborn';

describe('unborn rules (seed 003 §3.2.1)', () => {
  it('§3.2.1 a case may start up to 10 months before the birth date', () => {
    expect(caseStartNotTooEarly('2024-03-15', '2025-01-15')).toBeNull();
    expect(caseStartNotTooEarly('2024-06-01', '2025-01-15')).toBeNull();
    expect(caseStartNotTooEarly('2024-03-14', '2025-01-15')).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'startDate' });
  });

  it('§3.2.1 the 10 months are calendar months (day clamped to the month end)', () => {
    // 31 Dec 2024 - 10 months = 29 Feb 2024 (leap year)
    expect(caseStartNotTooEarly('2024-02-29', '2024-12-31')).toBeNull();
    expect(caseStartNotTooEarly('2024-02-28', '2024-12-31')).not.toBeNull();
  });

  it('§3.2.1 no limit when neither birth date nor expected birth date is known', () => {
    expect(caseStartNotTooEarly('2000-01-01', null)).toBeNull();
  });

  it('§3.2.1 the birth is recorded only on a minor registered as unborn', () => {
    expect(stillUnborn({ unborn: true })).toBeNull();
    expect(stillUnborn({ unborn: false })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minorId' });
  });
});
