import { accessFor } from '@shared/privacy';
import type { Principal } from '@shared/auth';

/**
 * Which minors' CASE and HEALTH rows a request may load (defence in depth
 * behind the gateway's masking, docs/privacy.md §4, §6): applied in the SQL so no
 * loader cache ever holds a row the caller may not see.
 * - 'none': the role can never read them (decided without a query);
 * - 'caseHolder': only minors for whom the service holds a case open today
 *   (docs/privacy.md §3 CASE_HOLDER: started on or before today, not closed or
 *   closed after today); the whole history of those minors is visible.
 */
export type CaseVisibility = { readonly kind: 'none' } | { readonly kind: 'caseHolder'; readonly serviceId: string; readonly today: string };

export function caseVisibilityFor(principal: Principal, today: string): CaseVisibility {
  // CASE and HEALTH have the same row of the matrix; CASE decides for both.
  if (principal.role === 'SOCIAL_WORKER' && accessFor(principal.role, 'CASE') === 'CASE_HOLDER') {
    return { kind: 'caseHolder', serviceId: principal.serviceId, today };
  }
  return { kind: 'none' };
}

/**
 * SQL condition "the service holds a case open on :today for the minor in
 * `minorIdColumn`", with named parameters :visServiceId and :visToday.
 */
export function caseHolderCondition(minorIdColumn: string): string {
  return `EXISTS (SELECT 1 FROM sinba."case" held WHERE held.minor_id = ${minorIdColumn} AND held.service_id = :visServiceId AND held.start_date <= :visToday AND (held.end_date IS NULL OR held.end_date > :visToday))`;
}

export function caseHolderParameters(v: Extract<CaseVisibility, { kind: 'caseHolder' }>): Record<string, string> {
  return { visServiceId: v.serviceId, visToday: v.today };
}
