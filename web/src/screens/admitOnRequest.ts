import { useEffect, useState } from 'react';
import { gql, HubRequestError, type HubError } from '../api';
import type { Translate } from '../i18n';
import { PENDING_REQUESTS, requestMinorName, type PendingRequest } from './Requests';

/*
 * The admission form's side of placement requests (issue 14 item 5;
 * docs/privacy.md §3a): opened from the inbox it is prefilled from the
 * pending request, and the admission names the request it fulfils. A minor
 * with an open case cannot be admitted without one: the hub answers
 * PLACEMENT_NOT_REQUESTED, which the form explains in the user's language.
 */

export type RequestPrefill = { readonly status: 'none' } | { readonly status: 'loading' } | { readonly status: 'found'; readonly request: PendingRequest; readonly name: string } | { readonly status: 'gone' } | { readonly status: 'error'; readonly error: HubError };

/** Load the pending request `requestId` (from the structure's pending list); 'none' when there is no request. */
export function usePendingRequest(t: Translate, requestId: string | undefined): RequestPrefill {
  const [state, setState] = useState<RequestPrefill>(requestId ? { status: 'loading' } : { status: 'none' });
  useEffect(() => {
    if (!requestId) return;
    let live = true;
    gql(PENDING_REQUESTS)
      .then((r) => {
        if (!live) return;
        const request = r.data.placementRequests.nodes.find((n) => n.id === requestId);
        setState(request ? { status: 'found', request, name: requestMinorName(t, request) } : { status: 'gone' });
      })
      .catch((err: unknown) => {
        if (live) setState({ status: 'error', error: err instanceof HubRequestError ? err.errors[0] : { message: String(err) } });
      });
    return () => {
      live = false;
    };
    // `t` changes with the language; the request does not.
  }, [requestId]);
  return state;
}

/** The admission form's values taken from the request (the operator checks them before submitting). */
export function admissionFromRequest(r: PendingRequest, today: string) {
  return {
    admissionDate: r.requestedAdmissionDate ?? today,
    kind: r.kind ?? '',
    referringService: r.requestedBy,
    legalBasis: r.legalBasis ?? '',
    courtOrderReference: r.courtOrderReference ?? '',
  };
}

/**
 * PLACEMENT_NOT_REQUESTED explained, or null for any other error: the error
 * mapper's sentence (contact the case-holding service) plus where the request
 * will show up and when the emergency path applies. Other codes, including
 * REQUEST_NOT_PENDING, keep the mapper's sentence.
 */
export function requestRefusal(t: Translate, err: unknown): string | null {
  const code = err instanceof HubRequestError ? err.code : undefined;
  if (code === 'PLACEMENT_NOT_REQUESTED') return `${t('err_PLACEMENT_NOT_REQUESTED')} ${t('admitNotRequested')}`;
  return null;
}
