import { msUntilNextRomeMidnight, startOfDayInRome, todayInRome } from '../time';

const H = 3_600_000;

describe('midnight in Europe/Rome', () => {
  it('begins a day at 23:00 UTC in winter and 22:00 UTC in summer, also on the days the clocks change', () => {
    expect(startOfDayInRome('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDayInRome('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    // Last Sunday of March 2026 (29th): 02:00 → 03:00, so the 29th begins in winter time and the 30th in summer time.
    expect(startOfDayInRome('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDayInRome('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    // Last Sunday of October 2026 (25th): 03:00 → 02:00.
    expect(startOfDayInRome('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfDayInRome('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('counts 23 hours through the last Sunday of March and 25 through the last Sunday of October', () => {
    expect(msUntilNextRomeMidnight(new Date('2026-03-29T00:00:00+01:00'))).toBe(23 * H);
    expect(msUntilNextRomeMidnight(new Date('2026-10-25T00:00:00+02:00'))).toBe(25 * H);
    expect(msUntilNextRomeMidnight(new Date('2026-06-15T00:00:00+02:00'))).toBe(24 * H);
    // From the evening before a change: the change is after the next midnight, so it does not count yet.
    expect(msUntilNextRomeMidnight(new Date('2026-03-28T21:00:00+01:00'))).toBe(3 * H);
    expect(msUntilNextRomeMidnight(new Date('2026-10-24T21:00:00+02:00'))).toBe(3 * H);
    // After the change, on the same day.
    expect(msUntilNextRomeMidnight(new Date('2026-03-29T12:00:00+02:00'))).toBe(12 * H);
    expect(msUntilNextRomeMidnight(new Date('2026-10-25T12:00:00+01:00'))).toBe(12 * H);
    expect(msUntilNextRomeMidnight(new Date('2026-06-14T23:59:59.999+02:00'))).toBe(1);
  });

  it('lands on the next Rome date, not on UTC midnight', () => {
    const now = new Date('2026-12-31T23:30:00Z'); // already 1 January in Rome
    expect(todayInRome(now)).toBe('2027-01-01');
    expect(new Date(now.getTime() + msUntilNextRomeMidnight(now)).toISOString()).toBe('2027-01-01T23:00:00.000Z');
  });
});
