import { violation, type Violation } from '@shared/errors';

/** A case as the write rules see it. */
export interface CaseState {
  readonly serviceId: string;
  readonly startDate: string;
  readonly endDate: string | null;
}

/**
 * docs/privacy.md §5: only the holding service (ente/servizio titolare, seed 003
 * §3.2) may close a case or add interventions to it.
 */
export function heldByService(c: CaseState, serviceId: string): Violation | null {
  if (c.serviceId === serviceId) return null;
  return violation('FORBIDDEN', 'Only the service holding the case may change it');
}

/** seed 003 §3.2: a closed case (chiusura PIC) takes no more closures or interventions. */
export function caseNotClosed(c: CaseState): Violation | null {
  if (c.endDate === null) return null;
  return violation('CASE_CLOSED', 'The case is closed', 'caseId');
}

/** seed 003 §3.9: an intervention is delivered within the case, so it cannot start before the case. */
export function interventionWithinCase(c: CaseState, startDate: string): Violation | null {
  if (startDate >= c.startDate) return null;
  return violation('INVALID_DATE_RANGE', 'The intervention starts before the case', 'startDate');
}
