import { overCapacitySince, type HostedPeriod } from '../qualityRules';
import { addDays } from '@shared/time';

/**
 * overCapacitySince counts occupancy by binary search in the sorted admission
 * and discharge days (O(n log n)); this is the previous definition, counting
 * the hosted placements of each change day by filtering (O(n²)), kept here as
 * the reference the fast one must equal.
 */
function naiveOverCapacitySince(placements: readonly HostedPeriod[], places: number, today: string): string | null {
  const hostedOn = (p: HostedPeriod, d: string) => p.admissionDate <= d && (p.dischargeDate === null || p.dischargeDate > d);
  const occupancy = (d: string) => placements.filter((p) => hostedOn(p, d)).length;
  if (occupancy(today) <= places) return null;
  const changes = [...new Set(placements.flatMap((p) => [p.admissionDate, p.dischargeDate]).filter((d): d is string => d !== null && d <= today))].sort().reverse();
  let since = today;
  for (const day of changes) {
    if (occupancy(day) <= places) break;
    since = day;
  }
  return since;
}

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('overCapacitySince (sweep) equals the per-day count', () => {
  it('on 2,000 random structures: open, discharged, same-day, after-today and inconsistent (discharge before admission) placements', () => {
    const rnd = random(20261202);
    const int = (n: number) => Math.floor(rnd() * n);
    let flagged = 0;
    for (let s = 0; s < 2000; s++) {
      const today = addDays('2024-06-01', int(60));
      const placements: HostedPeriod[] = Array.from({ length: int(25) }, () => {
        const admissionDate = addDays('2024-03-01', int(120)); // some after today
        const r = rnd();
        const dischargeDate = r < 0.4 ? null : r < 0.5 ? admissionDate : r < 0.55 ? addDays(admissionDate, -1 - int(5)) : addDays(admissionDate, 1 + int(60));
        return { admissionDate, dischargeDate };
      });
      const places = int(12);
      const expected = naiveOverCapacitySince(placements, places, today);
      expect(overCapacitySince(placements, places, today)).toBe(expected);
      if (expected !== null) flagged++;
    }
    // The data exercise both answers, not only null.
    expect(flagged).toBeGreaterThan(200);
    expect(flagged).toBeLessThan(1800);
  });
});
