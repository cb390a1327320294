import { useEffect, useRef, type ReactNode } from 'react';
import type { HubError } from '../api';
import { describeError } from '../components/form';
import { placesOf } from '../capacity';
import { useI18n } from '../i18n';

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
