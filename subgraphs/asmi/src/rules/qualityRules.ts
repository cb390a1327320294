/*
 * Data-quality flags on placements: computed from the data, never typed in.
 * Pure functions, each with its named test in __tests__/qualityRules.test.ts.
 */

export type QualityFlag = 'EMERGENCY_OVER_LIMIT';

/** The date `months` calendar months after an ISO date, clamped to the month's last day (2024-12-31 + 2 → 2025-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface EmergencyFacts {
  readonly kind: string;
  readonly admissionDate: string;
  readonly dischargeDate: string | null;
  readonly minorUnaccompanied: boolean | null;
}

/** seed 003 §3.9.6: an emergency placement lasts at most 2 months, 6 for an unaccompanied foreign minor (as at admission). */
export const EMERGENCY_LIMIT_MONTHS = 2;
export const EMERGENCY_LIMIT_MONTHS_UNACCOMPANIED = 6;

/**
 * seed 003 §3.9.6: an EMERGENCY placement still running (or discharged) after
 * its limit — 2 months, 6 when the minor was unaccompanied at admission —
 * evaluated up to the discharge date, or today while open. The limit day
 * itself is allowed.
 */
export function emergencyOverLimit(p: EmergencyFacts, today: string): boolean {
  if (p.kind !== 'EMERGENCY') return false;
  const months = p.minorUnaccompanied === true ? EMERGENCY_LIMIT_MONTHS_UNACCOMPANIED : EMERGENCY_LIMIT_MONTHS;
  const until = p.dischargeDate ?? today;
  return until > addMonths(p.admissionDate, months);
}

/** Every flag of a placement, in a stable order. */
export function qualityFlags(p: EmergencyFacts, today: string): QualityFlag[] {
  const flags: QualityFlag[] = [];
  if (emergencyOverLimit(p, today)) flags.push('EMERGENCY_OVER_LIMIT');
  return flags;
}
