import { useState } from 'react';
import { gql, HubRequestError, type HubError } from '../api';
import { useI18n, type MessageKey, type Translate } from '../i18n';
import { Link, PATHS } from '../router';
import { useQuery } from '../useQuery';
import { ErrorBox, Loading, PageTitle } from './common';
import { graphql } from '../generated';
import type { MyNotificationsQuery } from '../generated/graphql';

/*
 * The caller's notifications (issue 14 item 4): a structure is told of the
 * requests sent to it (PLACEMENT_REQUESTED) and of withdrawn ones; a service
 * of admissions, discharges, absences and of the fate of its requests. The
 * screen is the same for both roles: kind, time, the minor when the
 * recipient may still read them (docs/privacy.md §3a: a structure told that a
 * request was withdrawn learns that, not about whom), unread count, and
 * "mark as read" for one or all.
 */
export const NOTIFICATIONS = graphql(`query MyNotifications($first: Int) {
  notifications(first: $first) {
    nodes { id kind at read minor { id firstName lastName } placement { id } request { id status } }
    unreadCount
  }
}`);
const MARK_READ = graphql(`mutation MarkNotificationsRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`);

export type NotificationItem = MyNotificationsQuery['notifications']['nodes'][number];

export function notificationKindText(t: Translate, kind: string): string {
  const key = `notification_${kind}`;
  return key in NOTIFICATION_KEYS ? t(key as MessageKey) : kind;
}
const NOTIFICATION_KEYS: Record<string, true> = Object.fromEntries(
  ['ADMISSION', 'DISCHARGE', 'ABSENCE', 'UNAUTHORISED_DEPARTURE', 'REQUEST_ACCEPTED', 'REQUEST_DECLINED', 'REQUEST_EXPIRED', 'PLACEMENT_REQUESTED', 'REQUEST_WITHDRAWN', 'PLACEMENT_CORRECTED', 'CORRECTION_APPLIED', 'CORRECTION_REJECTED'].map((k) => [`notification_${k}`, true]),
);

/** Day and time in Rome, e.g. 04/12/2026 18:30. */
function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
}

export function Notifications({ role }: { role: 'STRUCTURE_OPERATOR' | 'SOCIAL_WORKER' }) {
  const { t } = useI18n();
  const q = useQuery(NOTIFICATIONS, { first: 100 }, 'notifications');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<HubError | null>(null);
  const nodes = q.data?.notifications.nodes ?? [];
  const unread = nodes.filter((n) => !n.read).map((n) => n.id);

  const markRead = (ids: readonly string[]) => {
    if (ids.length === 0 || busy) return;
    setBusy(true);
    setError(null);
    gql(MARK_READ, { ids: [...ids] })
      .then(() => q.reload())
      .catch((err: unknown) => setError(err instanceof HubRequestError ? err.errors[0] : { message: String(err) }))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <PageTitle>{t('notificationsTitle')}</PageTitle>
      {q.data ? (
        <p className="summary" role="status" data-testid="unread-count">
          {t('notificationsUnread', { n: q.data.notifications.unreadCount })}
        </p>
      ) : null}
      {q.loading && !q.data ? <Loading /> : null}
      {q.error ? <ErrorBox error={q.error} /> : null}
      {error ? <ErrorBox error={error} /> : null}
      {q.data && nodes.length === 0 ? <p>{t('notificationsNone')}</p> : null}
      {unread.length > 0 ? (
        <div className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => markRead(unread)}>
            {t('notificationsMarkAll')}
          </button>
        </div>
      ) : null}
      {nodes.length > 0 ? (
        <ul className="notifications">
          {nodes.map((n) => {
            const name = n.minor?.lastName || n.minor?.firstName ? `${n.minor.lastName ?? ''} ${n.minor.firstName ?? ''}`.trim() : null;
            return (
              <li key={n.id} data-notification-id={n.id} className={n.read ? 'notification' : 'notification notification-unread'}>
                <p>
                  {n.read ? null : <span className="badge badge-active">{t('notificationsNew')}</span>} <strong>{notificationKindText(t, n.kind)}</strong>
                  {name ? ` — ${name}` : null}
                </p>
                <p className="hint">{formatTime(n.at)}</p>
                <div className="actions">
                  {role === 'SOCIAL_WORKER' && n.minor && name ? <Link to={PATHS.minorFile(n.minor.id)}>{t('notificationsOpenFile', { name })}</Link> : null}
                  {role === 'STRUCTURE_OPERATOR' && n.placement ? <Link to={PATHS.placement(n.placement.id)}>{t('notificationsOpenPlacement')}</Link> : null}
                  {role === 'STRUCTURE_OPERATOR' && n.kind === 'PLACEMENT_REQUESTED' && n.request?.status === 'PENDING' ? <Link to={PATHS.requests}>{t('notificationsOpenRequests')}</Link> : null}
                  {n.read ? null : (
                    <button type="button" className="button" disabled={busy} onClick={() => markRead([n.id])} aria-label={t('notificationsMarkOneLabel', { what: `${notificationKindText(t, n.kind)}${name ? ` — ${name}` : ''}` })}>
                      {t('notificationsMarkOne')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </>
  );
}
