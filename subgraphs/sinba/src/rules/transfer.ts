import { violation, type Violation } from '@shared/errors';
import { openOnOrAfter, type CaseSpan } from './oneOpenCase';

/** seed 003 §3.2: "trasferimento ad altro Servizio territoriale", code of CASE_CLOSURE_REASON. */
export const TRANSFER_CLOSURE_REASON = 'TRANSFER_TO_OTHER_SERVICE';

/**
 * Longest receiving service id accepted: the id is indexed with the minor
 * (case_service_idx, case_one_open_per_service_key) and PostgreSQL refuses an
 * index entry over ~2,700 bytes, which would surface as a 500.
 */
export const MAX_SERVICE_ID_LENGTH = 100;

/** seed 003 §3.2: a transfer of competence goes to another service, named by a non-empty id. */
export function transferToAnotherService(fromServiceId: string, toServiceId: string): Violation | null {
  if (toServiceId.trim() === '') return violation('BAD_USER_INPUT', 'The receiving service is empty', 'toServiceId');
  if (toServiceId.length > MAX_SERVICE_ID_LENGTH) return violation('BAD_USER_INPUT', `The receiving service id is longer than ${MAX_SERVICE_ID_LENGTH} characters`, 'toServiceId');
  if (toServiceId === fromServiceId) return violation('BAD_USER_INPUT', 'A case cannot be transferred to the service holding it', 'toServiceId');
  return null;
}

/**
 * seed 003 §3.2 (one open case per service and minor): the receiving service
 * must not already hold a case open on the transfer date or later;
 * CASE_ALREADY_OPEN on toServiceId otherwise.
 */
export function receivingServiceFree(existing: readonly CaseSpan[], toServiceId: string, transferDate: string): Violation | null {
  if (!existing.some((c) => c.serviceId === toServiceId && openOnOrAfter(c, transferDate))) return null;
  return violation('CASE_ALREADY_OPEN', 'The receiving service already holds an open case for this minor', 'toServiceId');
}
