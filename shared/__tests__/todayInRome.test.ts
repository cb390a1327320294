import { todayInRome } from '@shared/time';

describe('todayInRome (Italian midnight, remembered per second)', () => {
  it('changes date exactly at midnight in Rome, winter (UTC+1) and summer (UTC+2), in either order of calls', () => {
    const at = (iso: string) => todayInRome(new Date(iso));
    expect(at('2026-01-15T22:59:59.000Z')).toBe('2026-01-15');
    expect(at('2026-01-15T22:59:59.999Z')).toBe('2026-01-15');
    expect(at('2026-01-15T23:00:00.000Z')).toBe('2026-01-16');
    expect(at('2026-01-15T22:59:59.999Z')).toBe('2026-01-15');
    expect(at('2026-07-01T21:59:59.999Z')).toBe('2026-07-01');
    expect(at('2026-07-01T22:00:00.000Z')).toBe('2026-07-02');
    // The night the clocks go forward (29 March 2026, 02:00 → 03:00 in Rome).
    expect(at('2026-03-28T22:59:59.999Z')).toBe('2026-03-28');
    expect(at('2026-03-28T23:00:00.000Z')).toBe('2026-03-29');
    expect(at('2026-03-29T21:59:59.999Z')).toBe('2026-03-29');
    expect(at('2026-03-29T22:00:00.000Z')).toBe('2026-03-30');
  });
});
