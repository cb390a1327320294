import { violation, type Violation } from '@shared/errors';

/** A case of the minor as the rule sees it. */
export interface CaseSpan {
  readonly serviceId: string;
  readonly startDate: string;
  readonly endDate: string | null;
}

/**
 * A case counts as open on `date` or later when it is not closed or closes
 * after that date (end dates are exclusive, as for CASE_HOLDER in docs/privacy.md
 * §3): a service may close on day D and another open on day D.
 */
export function openOnOrAfter(c: CaseSpan, date: string): boolean {
  return c.endDate === null || c.endDate > date;
}

/** seed 003 §3.2: co-management ("cogestione") is shared by two different services, not more. */
export const MAX_CO_MANAGING_SERVICES = 2;

/**
 * seed 003 §3.2: "ogni minore dovrà avere, ad una certa data, una sola PIC
 * aperta", except co-management by two different services (adoptability,
 * foster care, community placement) where an overlapping case may be opened
 * with a co-management reason.
 * - the same service already holds a case open on the start date or later: refused;
 * - another service does, and no co-management reason is given: refused;
 * - two other services already share the minor: refused.
 */
export function oneOpenCasePerMinor(
  existing: readonly CaseSpan[],
  request: { serviceId: string; startDate: string; coManagementReason: string | null },
): Violation | null {
  const open = existing.filter((c) => openOnOrAfter(c, request.startDate));
  if (open.some((c) => c.serviceId === request.serviceId)) {
    return violation('CASE_ALREADY_OPEN', 'Your service already holds an open case for this minor', 'minorId');
  }
  const otherServices = new Set(open.map((c) => c.serviceId));
  if (otherServices.size === 0) return null;
  if (request.coManagementReason === null) {
    return violation('CASE_ALREADY_OPEN', 'Another service holds an open case for this minor; give a co-management reason to share it', 'coManagementReason');
  }
  if (otherServices.size + 1 > MAX_CO_MANAGING_SERVICES) {
    return violation('CASE_ALREADY_OPEN', 'Two services already share this minor\'s case; co-management is limited to two services', 'minorId');
  }
  return null;
}
