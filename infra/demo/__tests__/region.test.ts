import { DEMO_HISTORY_FROM, demoRegionSize } from '../region';

/** The demo region reaches back to the README's 2024 examples, whatever today is, with the same density of minors. */
describe('demoRegionSize', () => {
  it('is three years and 1,000 minors while 2024 is within three years', () => {
    expect(demoRegionSize('2026-12-04')).toEqual({ years: 3, minors: 1000 });
  });

  it('grows to keep the start of 2024 in the history, with as many minors per year', () => {
    const size = demoRegionSize('2029-06-30');
    expect(size.years).toBe(6);
    expect(size.minors).toBe(2000);
    const from = new Date(Date.parse('2029-06-30T00:00:00Z') - size.years * 365.25 * 86_400_000).toISOString().slice(0, 10);
    expect(from <= DEMO_HISTORY_FROM).toBe(true);
  });
});
