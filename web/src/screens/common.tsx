import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { HubError } from '../api';
import { describeError } from '../components/form';
import { placesOf } from '../capacity';
import { useI18n } from '../i18n';
import type { QueryState } from '../useQuery';

/** The page's h1; it takes the focus when the page opens, so screen readers announce the new page. */
export function PageTitle({ children, docTitle }: { children: ReactNode; /** The document's title when it says more than the h1 (e.g. the admission's step). */ docTitle?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  // The page title says which screen this is (issue 18 item 8), for tabs, history and screen readers.
  const text = docTitle ?? (typeof children === 'string' ? children : null);
  useEffect(() => {
    const shown = text ?? ref.current?.textContent?.trim();
    if (shown) document.title = `${shown} – S.I.R.MI`;
  }, [text]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="loading">
      {t('loading')}
    </p>
  );
}

export function ErrorBox({ error }: { error: HubError }) {
  const { t } = useI18n();
  return (
    <div className="alert alert-error" role="alert">
      {describeError(t, error)}
    </div>
  );
}

/** Places taken, ordinary and emergency, with emergency guests beyond their places called out (issue 18 item 7). */
export function PlacesSummary({ capacity, emergencyCapacity, kinds }: { capacity: number; emergencyCapacity: number; kinds: readonly string[] }) {
  const { t } = useI18n();
  const p = placesOf(capacity, emergencyCapacity, kinds);
  return (
    <div className="summary" data-testid="places">
      <p>{t('occupancySummary', { occupied: p.occupied, places: p.places, capacity, emergency: emergencyCapacity })}</p>
      <p>{t('placesDetail', { ordinary: p.ordinary, capacity, emergency: p.emergency, emergencyPlaces: emergencyCapacity })}</p>
      {p.emergencyOver > 0 ? (
        <p className="status status-invalid" data-testid="emergency-over">
          {t('placesEmergencyOver', { over: p.emergencyOver })}
        </p>
      ) : null}
    </div>
  );
}

/**
 * An inline form opened from a list (decline a request, request a placement):
 * which one is open (`open`, keyed by the row) and the success message the
 * page shows once it is done. Opening one clears the last message; `done`
 * closes it, shows the message and reloads the list.
 */
export function useInlineForm(list: { reload(): void }) {
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return {
    open,
    message,
    start: (key: string) => {
      setMessage(null);
      setOpen(key);
    },
    cancel: () => setOpen(null),
    done: (text: string) => {
      setOpen(null);
      setMessage(text);
      list.reload();
    },
  };
}

/**
 * The states a page shows above what a query loaded: the success message of
 * its last inline form (role=status), loading, the error, and `empty` (the
 * sentence for an empty list) once the data is there.
 */
export function QueryStatus({ q, message = null, empty = null }: { q: QueryState<unknown>; message?: string | null; empty?: string | null }) {
  return (
    <>
      {message ? (
        <div className="alert alert-success" role="status">
          {message}
        </div>
      ) : null}
      {q.loading && !q.data ? <Loading /> : null}
      {q.error ? <ErrorBox error={q.error} /> : null}
      {q.data && empty ? <p>{empty}</p> : null}
    </>
  );
}
