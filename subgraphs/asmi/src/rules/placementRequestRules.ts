import { addDays } from '@shared/time';

/**
 * Placement requests (docs/privacy.md §3a): the service holding a minor's
 * case asks a structure to take the minor in.
 */
export type PlacementRequestStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN' | 'EXPIRED';

/** A request nobody acted upon expires this many days after it was made (docs/privacy.md §3 REQUESTED). */
export const REQUEST_EXPIRY_DAYS = 30;

/** The first day on which a request made on `createdOn` is expired. */
export function expiresOn(createdOn: string): string {
  return addDays(createdOn, REQUEST_EXPIRY_DAYS);
}

/**
 * The status of a request on `today`: a stored PENDING request is EXPIRED
 * from its 30th day on, whether or not the sweeper has written it yet (so
 * the REQUESTED relationship, the lists and the admission rule never depend
 * on the sweeper having run).
 */
export function effectiveStatus(r: { status: PlacementRequestStatus; createdOn: string }, today: string): PlacementRequestStatus {
  return r.status === 'PENDING' && today >= expiresOn(r.createdOn) ? 'EXPIRED' : r.status;
}

/** Statuses from which nothing more can happen. */
export function isPending(r: { status: PlacementRequestStatus; createdOn: string }, today: string): boolean {
  return effectiveStatus(r, today) === 'PENDING';
}

/** Longest free-text note or reason (kept short: free text is never logged, but stays bounded). */
export const MAX_REQUEST_TEXT = 2000;
