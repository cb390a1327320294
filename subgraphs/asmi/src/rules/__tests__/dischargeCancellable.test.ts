import { CORRECTION_WINDOW_DAYS, dischargeCancellable } from '../placementRules';

describe('dischargeCancellable (issue 18 item 5: corrections within 30 days, then the supervisor)', () => {
  it('allows cancelling a discharge up to 30 days after its date', () => {
    expect(CORRECTION_WINDOW_DAYS).toBe(30);
    expect(dischargeCancellable({ dischargeDate: '2024-06-15' }, '2024-06-15')).toBeNull();
    expect(dischargeCancellable({ dischargeDate: '2024-05-16' }, '2024-06-15')).toBeNull();
  });

  it('refuses after 30 days, telling the structure to ask the supervisor', () => {
    expect(dischargeCancellable({ dischargeDate: '2024-05-15' }, '2024-06-15')).toMatchObject({ code: 'FORBIDDEN', field: 'placementId', details: { correction: 'ASK_SUPERVISOR', windowDays: 30 } });
  });

  it('has nothing to cancel on an open placement', () => {
    expect(dischargeCancellable({ dischargeDate: null }, '2024-06-15')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'placementId' });
  });
});
