import { gql } from '../api';
import { FormMessages, requireFields, SubmitButton, TextAreaField, useForm } from '../components/form';
import { formatDate } from '../dates';
import { useI18n, type Translate } from '../i18n';
import { navigate, PATHS } from '../router';
import { useQuery } from '../useQuery';
import { PageTitle, QueryStatus, useInlineForm } from './common';
import { labelOf, useCodes } from './Guests';
import { graphql } from '../generated';
import type { PendingPlacementRequestsQuery } from '../generated/graphql';

/*
 * The structure's inbox of placement requests (issue 14 item 5): the pending
 * requests a service holding a minor's case sent to this structure. While a
 * request is pending the structure reads the minor's identity and demographic
 * data and the request, nothing else (docs/privacy.md §3 REQUESTED). "Accogli"
 * opens the admission form prefilled from the request; "Rifiuta" asks for a
 * reason (required by the hub too) and declines.
 */
export const PENDING_REQUESTS = graphql(`query PendingPlacementRequests {
  placementRequests(status: PENDING, first: 100) {
    nodes {
      id requestedBy requestedAdmissionDate kind legalBasis courtOrderReference note createdAt
      minor { id firstName lastName birthDate }
    }
  }
}`);
const DECLINE = graphql(`mutation DeclinePlacementRequest($input: DeclinePlacementRequestInput!) { declinePlacementRequest(input: $input) { id status } }`);

export type PendingRequest = PendingPlacementRequestsQuery['placementRequests']['nodes'][number];

/** "Surname Name", or a neutral label when the names are not visible. */
export function requestMinorName(t: Translate, r: PendingRequest): string {
  const m = r.minor;
  return m?.lastName || m?.firstName ? `${m.lastName ?? ''} ${m.firstName ?? ''}`.trim() : t('requestUnnamed');
}

export function Requests() {
  const { t } = useI18n();
  const q = useQuery(PENDING_REQUESTS, {}, 'pending');
  const kinds = useCodes('PLACEMENT_KIND');
  const bases = useCodes('LEGAL_BASIS');
  const declining = useInlineForm(q);
  const requests = q.data?.placementRequests.nodes ?? [];

  return (
    <>
      <PageTitle>{t('requestsTitle')}</PageTitle>
      <p>{t('requestsIntro')}</p>
      <QueryStatus q={q} message={declining.message} empty={requests.length === 0 ? t('requestsNone') : null} />
      {requests.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('requestsCaption', { n: requests.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('requestMinor')}</th>
                <th scope="col">{t('requestDate')}</th>
                <th scope="col">{t('requestKind')}</th>
                <th scope="col">{t('requestLegalBasis')}</th>
                <th scope="col">{t('requestService')}</th>
                <th scope="col">{t('requestReceived')}</th>
                <th scope="col">{t('requestActions')}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => {
                const name = requestMinorName(t, r);
                return (
                  <tr key={r.id} data-request-id={r.id}>
                    <th scope="row">
                      {name}
                      {r.minor?.birthDate ? <span className="hint"> ({formatDate(r.minor.birthDate)})</span> : null}
                      {r.note ? (
                        <p className="hint">
                          {t('requestNote')}: {r.note}
                        </p>
                      ) : null}
                    </th>
                    <td>{formatDate(r.requestedAdmissionDate)}</td>
                    <td>{labelOf(kinds, r.kind)}</td>
                    <td>
                      {labelOf(bases, r.legalBasis)}
                      {r.courtOrderReference ? ` (${r.courtOrderReference})` : null}
                    </td>
                    <td>{r.requestedBy}</td>
                    <td>{formatDate(r.createdAt.slice(0, 10))}</td>
                    <td>
                      {declining.open === r.id ? (
                        <DeclineForm request={r} name={name} onCancel={declining.cancel} onDeclined={() => declining.done(t('requestDeclined'))} />
                      ) : (
                        <div className="actions">
                          <button type="button" className="button button-primary" aria-label={t('requestAcceptLabel', { name })} onClick={() => navigate(PATHS.admitRequest(r.id))}>
                            {t('requestAccept')}
                          </button>
                          <button
                            type="button"
                            className="button"
                            aria-label={t('requestDeclineLabel', { name })}
                            onClick={() => declining.start(r.id)}
                          >
                            {t('requestDecline')}
                          </button>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

function DeclineForm({ request, name, onCancel, onDeclined }: { request: PendingRequest; name: string; onCancel: () => void; onDeclined: () => void }) {
  const { t } = useI18n();
  const form = useForm({ reason: '' });
  const titleId = `decline-${request.id}`;
  const onSubmit = form.onSubmit(
    async (v) => {
      await gql(DECLINE, { input: { requestId: request.id, reason: v.reason.trim() } });
      onDeclined();
    },
    (v) => requireFields({ reason: v.reason.trim() }, ['reason'], t('required')),
  );
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
      <p id={titleId} className="visually-hidden">
        {t('requestDeclineTitle', { name })}
      </p>
      <FormMessages form={form} />
      <TextAreaField form={form} name="reason" label={t('requestDeclineReason')} hint={t('requestDeclineReasonHint')} required />
      <div className="actions">
        <SubmitButton busy={form.busy}>{t('requestDeclineConfirm')}</SubmitButton>
        <button type="button" className="button" onClick={onCancel}>
          {t('requestDeclineCancel')}
        </button>
      </div>
    </form>
  );
}
