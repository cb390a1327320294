import { validateActRecording } from '../actRecording';
import { validateInspectionRecording } from '../inspectionRecording';

const TODAY = '2024-06-15';

describe('act recording rules (seed 002 §a point b)', () => {
  it('accepts an act dated today with an open validity', () => {
    expect(validateActRecording({ number: 'DD 12/2024', date: TODAY, validFrom: TODAY, validTo: null }, TODAY)).toBeNull();
  });

  it('accepts a validity starting in the future (the act counts from then)', () => {
    expect(validateActRecording({ number: '1', date: TODAY, validFrom: '2024-09-01', validTo: '2024-09-01' }, TODAY)).toBeNull();
  });

  it('refuses an empty number', () => {
    expect(validateActRecording({ number: '', date: TODAY, validFrom: TODAY, validTo: null }, TODAY)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'number' });
  });

  it('refuses an act dated in the future', () => {
    expect(validateActRecording({ number: '1', date: '2024-06-16', validFrom: '2024-06-16', validTo: null }, TODAY)).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'date' });
  });

  it('refuses a validity ending before it starts', () => {
    expect(validateActRecording({ number: '1', date: TODAY, validFrom: '2024-06-10', validTo: '2024-06-09' }, TODAY)).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'validTo' });
  });
});

describe('inspection recording rules (seed 002 §a point c)', () => {
  it('accepts an inspection held today', () => {
    expect(validateInspectionRecording({ date: TODAY }, TODAY)).toBeNull();
  });

  it('refuses an inspection dated in the future', () => {
    expect(validateInspectionRecording({ date: '2024-06-16' }, TODAY)).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'date' });
  });
});
