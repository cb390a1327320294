import { effectiveStatus, expiresOn, isPending } from '../placementRequestRules';

describe('placement request expiry (docs/privacy.md §3 REQUESTED)', () => {
  it('expires 30 days after the day it was made', () => {
    expect(expiresOn('2026-01-10')).toBe('2026-02-09');
  });

  it('is pending on its 29th day and expired from its 30th, whether or not the sweeper ran', () => {
    const r = { status: 'PENDING' as const, createdOn: '2026-01-10' };
    expect(effectiveStatus(r, '2026-02-08')).toBe('PENDING');
    expect(isPending(r, '2026-02-08')).toBe(true);
    expect(effectiveStatus(r, '2026-02-09')).toBe('EXPIRED');
    expect(isPending(r, '2026-03-01')).toBe(false);
  });

  it('keeps a decided status whatever the date', () => {
    expect(effectiveStatus({ status: 'DECLINED', createdOn: '2026-01-10' }, '2027-01-01')).toBe('DECLINED');
    expect(effectiveStatus({ status: 'ACCEPTED', createdOn: '2026-01-10' }, '2026-01-10')).toBe('ACCEPTED');
  });
});
