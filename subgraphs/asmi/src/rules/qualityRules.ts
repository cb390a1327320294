import { addDays as shiftDays } from '@shared/time';

/**
 * shared/time addDays, remembered per offset: the rules shift the same few
 * thousand dates (one per day of the history) once per placement, 400,000
 * times for the region, and each shift builds a Date and an ISO string.
 * Bounded: a table is dropped when it reaches MEMO_LIMIT dates.
 */
const MEMO_LIMIT = 50_000;
const shifted = new Map<number, Map<string, string>>();
function addDays(date: string, days: number): string {
  let table = shifted.get(days);
  if (!table || table.size >= MEMO_LIMIT) shifted.set(days, (table = new Map()));
  let out = table.get(date);
  if (out === undefined) table.set(date, (out = shiftDays(date, days)));
  return out;
}

/*
 * Data-quality flags on placements: computed from the data, never typed in.
 * Pure functions, each with its named test in __tests__/qualityRules.test.ts.
 * docs/domain.md §6 lists them as cross-record checks
 * (capacity, "Accoglienza without a linked PresaInCarico after N days"); the
 * issue (7) names the four below.
 */

export const QUALITY_FLAGS = ['EMERGENCY_OVER_LIMIT', 'NO_OPEN_CASE', 'STRUCTURE_OVER_CAPACITY', 'STRUCTURE_NOT_ACTIVE', 'TRANSFER_GAP', 'PLACEMENT_AFTER_FINAL_DISCHARGE'] as const;
export type QualityFlag = (typeof QUALITY_FLAGS)[number];

/** A flag and the first day it applies. */
export interface QualityIssue {
  readonly flag: QualityFlag;
  readonly since: string;
}

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

/** The first day beyond the emergency limit, or null when the placement is not over it. */
export function emergencyOverLimitSince(p: EmergencyFacts, today: string): string | null {
  if (!emergencyOverLimit(p, today)) return null;
  const months = p.minorUnaccompanied === true ? EMERGENCY_LIMIT_MONTHS_UNACCOMPANIED : EMERGENCY_LIMIT_MONTHS;
  return addDays(addMonths(p.admissionDate, months), 1);
}

/** The flags that need only the placement itself (EMERGENCY_OVER_LIMIT), in a stable order. */
export function qualityFlags(p: EmergencyFacts, today: string): QualityFlag[] {
  const flags: QualityFlag[] = [];
  if (emergencyOverLimit(p, today)) flags.push('EMERGENCY_OVER_LIMIT');
  return flags;
}

/** A placement's days: [admissionDate, dischargeDate), open-ended while not discharged. */
export interface HostedPeriod {
  readonly admissionDate: string;
  readonly dischargeDate: string | null;
}

/** The last day the minor was hosted: the day before the discharge, today while placed, the day itself for a same-day stay. */
function lastHostedDay(p: HostedPeriod, today: string): string {
  if (p.dischargeDate === null) return today;
  return p.dischargeDate === p.admissionDate ? p.admissionDate : addDays(p.dischargeDate, -1);
}

/** A case (presa in carico) as SINBA reports it: open on d when started on or before d and not closed by d (docs/privacy.md §3 CASE_HOLDER). */
export interface CasePeriod {
  readonly startDate: string;
  readonly endDate: string | null;
}

export function caseOpenOn(c: CasePeriod, date: string): boolean {
  return c.startDate <= date && (c.endDate === null || c.endDate > date);
}

/** docs/domain.md §6: "Accoglienza without a linked PresaInCarico after N days"; N = 30 (issue 7). */
export const NO_CASE_GRACE_DAYS = 30;

/**
 * NO_OPEN_CASE: the placement has lasted 30 days and no social service holds
 * an open case for the minor (any service: the structure cannot know which
 * one should). Checked on the last day the minor was hosted (today while
 * placed), so the flag goes away once a case is opened, and stays on a
 * discharged placement that ended without one. Since: day 30 after the
 * admission, or the closing day of the last case if it closed later.
 */
export function noOpenCaseSince(p: HostedPeriod, cases: readonly CasePeriod[], today: string): string | null {
  const threshold = addDays(p.admissionDate, NO_CASE_GRACE_DAYS);
  const check = lastHostedDay(p, today);
  if (check < threshold) return null;
  if (cases.some((c) => caseOpenOn(c, check))) return null;
  const closed = cases.map((c) => c.endDate).filter((d): d is string => d !== null && d <= check && d > threshold);
  return closed.length > 0 ? closed.sort()[closed.length - 1] : threshold;
}

/** The number of entries of an ascending array that are ≤ `value` (binary search). */
function countAtMost(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * STRUCTURE_OVER_CAPACITY: on `today` the structure hosts more minors than
 * its places (ordinary plus emergency, as the registry says today; the
 * admission rule never lets this happen, so it appears when the registry
 * lowers the capacity or placements are corrected). Since: the first day of
 * the current run of days over capacity. `placements` are the structure's.
 *
 * A placement is hosted on d when admissionDate ≤ d < dischargeDate (the
 * discharge day is not a hosted day; same-day stays count on no day,
 * rules/placementRules.ts activeOn). Occupancy changes only on admission and
 * discharge days: those days are walked back from today, the occupancy of
 * each being (admissions ≤ d) − (discharges ≤ d) over the placements hosted
 * on at least one day, counted by binary search in the sorted dates:
 * O(n log n) for n placements (a count per day by filtering was O(n²)).
 */
export function overCapacitySince(placements: readonly HostedPeriod[], places: number, today: string): string | null {
  const admissions: string[] = [];
  const discharges: string[] = [];
  for (const p of placements) {
    if (p.dischargeDate !== null && p.dischargeDate <= p.admissionDate) continue; // hosted on no day
    admissions.push(p.admissionDate);
    if (p.dischargeDate !== null) discharges.push(p.dischargeDate);
  }
  admissions.sort();
  discharges.sort();
  const occupancy = (d: string) => countAtMost(admissions, d) - countAtMost(discharges, d);
  if (occupancy(today) <= places) return null;
  const changes = [...new Set(placements.flatMap((p) => [p.admissionDate, p.dischargeDate]).filter((d): d is string => d !== null && d <= today))].sort().reverse();
  let since = today;
  for (const day of changes) {
    if (occupancy(day) <= places) break;
    since = day;
  }
  return since;
}

/** A structure's status from a date on, as the registry derives it from its acts (ASSO statusOn at each change point). */
export interface StatusChange {
  readonly from: string;
  readonly status: string;
}

/** Status on a date: the last change on or before it; NOT_AUTHORISED before any. */
export function statusOn(timeline: readonly StatusChange[], date: string): string {
  let status = 'NOT_AUTHORISED';
  for (const c of [...timeline].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))) if (c.from <= date) status = c.status;
  return status;
}

/**
 * STRUCTURE_NOT_ACTIVE: on some day the minor was hosted (admission day to the
 * last hosted day) the structure was not ACTIVE (suspended, revoked, closed,
 * authorisation lapsed; seed 002). Admissions need an ACTIVE structure, so
 * this appears when an act suspends or closes a structure that still hosts
 * minors. Since: the first such day.
 */
export function notActiveSince(p: HostedPeriod, timeline: readonly StatusChange[], today: string): string | null {
  const last = lastHostedDay(p, today);
  const days = [p.admissionDate, ...timeline.map((c) => c.from).filter((d) => d > p.admissionDate && d <= last)].sort();
  return days.find((d) => statusOn(timeline, d) !== 'ACTIVE') ?? null;
}


/*
 * Episode consistency (docs/domain.md §6, from SSDA903 and
 * AFCARS). Overlapping placements of a minor cannot be stored (exclusion
 * constraints placement_no_overlap and placement_same_day_inside_other, for
 * web and event input alike), so no flag is needed for them; these two
 * inconsistencies can be stored, and are flagged.
 */

/** A placement of the minor, as the episode checks see it. */
export interface Episode {
  readonly id: string;
  readonly admissionDate: string;
  readonly dischargeDate: string | null;
  readonly dischargeOutcome: string | null;
}

/**
 * TRANSFER_GAP (docs/domain.md §6: "A transfer between structures =
 * dimissione ALTRA_STRUTTURA + new ingresso on the same day. Gaps → warning"):
 * the placement was discharged with a continuation outcome (code list
 * DISCHARGE_OUTCOME attribute `continuation`: OTHER_STRUCTURE) and no
 * placement of the minor starts on the discharge day. Since: the discharge day.
 * It goes away when the receiving structure records the admission.
 */
export function transferGapSince(p: Episode, minorEpisodes: readonly Episode[], continuation: ReadonlySet<string>): string | null {
  if (p.dischargeDate === null || p.dischargeOutcome === null || !continuation.has(p.dischargeOutcome)) return null;
  return minorEpisodes.some((o) => o.id !== p.id && o.admissionDate === p.dischargeDate) ? null : p.dischargeDate;
}

/**
 * PLACEMENT_AFTER_FINAL_DISCHARGE (docs/domain.md §6: "After DECESSO ... no
 * further episodes"): the placement starts on or after the discharge of
 * another placement of the minor with a final outcome (DISCHARGE_OUTCOME
 * attribute `final`: DEATH). Since: the placement's admission.
 */
export function afterFinalDischargeSince(p: Episode, minorEpisodes: readonly Episode[], final: ReadonlySet<string>): string | null {
  const ended = minorEpisodes.some((o) => o.id !== p.id && o.dischargeDate !== null && o.dischargeOutcome !== null && final.has(o.dischargeOutcome) && o.dischargeDate <= p.admissionDate);
  return ended ? p.admissionDate : null;
}
