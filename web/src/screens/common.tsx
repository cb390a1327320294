import { useEffect, useRef, type ReactNode } from 'react';
import type { HubError } from '../api';
import { describeError } from '../components/form';
import { useI18n } from '../i18n';

/** The page's h1; it takes the focus when the page opens, so screen readers announce the new page. */
export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
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
