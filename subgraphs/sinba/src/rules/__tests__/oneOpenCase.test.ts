import { oneOpenCasePerMinor, openOnOrAfter } from '../oneOpenCase';

const open = (serviceId: string, startDate = '2024-01-01', endDate: string | null = null) => ({ serviceId, startDate, endDate });

describe('oneOpenCasePerMinor (seed 003 §3.2)', () => {
  const request = { serviceId: 'S1', startDate: '2024-03-01', coManagementReason: null };

  it('lets a service open the first case of a minor', () => {
    expect(oneOpenCasePerMinor([], request)).toBeNull();
  });

  it('refuses a second open case of the same service, even with a co-management reason', () => {
    expect(oneOpenCasePerMinor([open('S1')], { ...request, coManagementReason: 'FOSTER' })).toMatchObject({ code: 'CASE_ALREADY_OPEN' });
  });

  it('refuses a case while another service holds one and no co-management reason is given', () => {
    expect(oneOpenCasePerMinor([open('S2')], request)).toMatchObject({ code: 'CASE_ALREADY_OPEN', field: 'coManagementReason' });
  });

  it('allows co-management by a second service with a reason', () => {
    expect(oneOpenCasePerMinor([open('S2')], { ...request, coManagementReason: 'FOSTER' })).toBeNull();
  });

  it('refuses a third service even with a reason (co-management is between two services)', () => {
    expect(oneOpenCasePerMinor([open('S2'), open('S3')], { ...request, coManagementReason: 'FOSTER' })).toMatchObject({ code: 'CASE_ALREADY_OPEN' });
  });

  it('ignores cases closed on or before the start date (a hand-over on the same day)', () => {
    expect(oneOpenCasePerMinor([open('S2', '2023-01-01', '2024-03-01'), open('S1', '2023-01-01', '2024-02-01')], request)).toBeNull();
  });

  it('counts a case that closes after the start date as open', () => {
    expect(oneOpenCasePerMinor([open('S2', '2023-01-01', '2024-03-02')], request)).toMatchObject({ code: 'CASE_ALREADY_OPEN' });
  });

  it('treats end dates as exclusive', () => {
    expect(openOnOrAfter(open('S', '2024-01-01', '2024-03-01'), '2024-03-01')).toBe(false);
    expect(openOnOrAfter(open('S', '2024-01-01', '2024-03-02'), '2024-03-01')).toBe(true);
    expect(openOnOrAfter(open('S'), '2099-01-01')).toBe(true);
  });
});
