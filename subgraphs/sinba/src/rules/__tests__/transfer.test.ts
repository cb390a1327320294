import { MAX_SERVICE_ID_LENGTH, receivingServiceFree, transferToAnotherService } from '../transfer';

describe('transfer of competence (seed 003 §3.2)', () => {
  it('§3.2 a case is transferred to another, named service', () => {
    expect(transferToAnotherService('A', 'B')).toBeNull();
    expect(transferToAnotherService('A', 'A')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toServiceId' });
    expect(transferToAnotherService('A', ' ')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toServiceId' });
    expect(transferToAnotherService('A', 'B'.repeat(MAX_SERVICE_ID_LENGTH + 1))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toServiceId' });
    expect(transferToAnotherService('A', 'B'.repeat(MAX_SERVICE_ID_LENGTH))).toBeNull();
  });

  it('§3.2 the receiving service may not already hold an open case', () => {
    const cases = [
      { serviceId: 'A', startDate: '2024-01-01', endDate: null },
      { serviceId: 'B', startDate: '2023-01-01', endDate: '2023-06-01' },
    ];
    expect(receivingServiceFree(cases, 'B', '2024-03-01')).toBeNull();
    expect(receivingServiceFree([...cases, { serviceId: 'B', startDate: '2024-02-01', endDate: null }], 'B', '2024-03-01')).toMatchObject({ code: 'CASE_ALREADY_OPEN', field: 'toServiceId' });
    // closing on or before the transfer date leaves no overlap (end dates are exclusive)
    expect(receivingServiceFree([{ serviceId: 'B', startDate: '2024-01-01', endDate: '2024-03-01' }], 'B', '2024-03-01')).toBeNull();
  });
});
