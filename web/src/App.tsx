import { useCallback, useEffect, useState } from 'react';
import { UNAUTHENTICATED_EVENT } from './api';
import { clearSession, loadSession, storeToken, takeTokenFromLocation, type Session } from './auth';
import { clearDrafts, hasDirtyForms } from './components/form';
import { LANGUAGES, useI18n, type Language } from './i18n';
import { Link, navigate, PATHS, useRoute, type Route } from './router';
import { Admit } from './screens/Admit';
import { PageTitle } from './screens/common';
import { Guests } from './screens/Guests';
import { Occupancy } from './screens/Occupancy';
import { PlacementScreen } from './screens/Placement';
import { ProsecutorList } from './screens/ProsecutorList';
import { Notifications } from './screens/Notifications';
import { Requests } from './screens/Requests';
import { MinorFile, MyMinors } from './screens/ServiceArea';
import { SignIn } from './screens/SignIn';
import { Structure } from './screens/Structure';
import { useQuery } from './useQuery';
import { graphql } from './generated';

const NAV: readonly { readonly route: Route['name']; readonly path: string; readonly label: 'navGuests' | 'navRequests' | 'navNotifications' | 'navAdmit' | 'navOccupancy' | 'navStructure' | 'navProsecutor' }[] = [
  { route: 'guests', path: PATHS.guests, label: 'navGuests' },
  { route: 'requests', path: PATHS.requests, label: 'navRequests' },
  { route: 'notifications', path: PATHS.notifications, label: 'navNotifications' },
  { route: 'admit', path: PATHS.admit, label: 'navAdmit' },
  { route: 'occupancy', path: PATHS.occupancy, label: 'navOccupancy' },
  { route: 'structure', path: PATHS.structure, label: 'navStructure' },
  { route: 'prosecutor', path: PATHS.prosecutor, label: 'navProsecutor' },
];
/** The social services' area (issue 14 item 6). */
const SERVICE_NAV: readonly { readonly route: Route['name']; readonly path: string; readonly label: 'navMyMinors' | 'navNotifications' }[] = [
  { route: 'myMinors', path: PATHS.myMinors, label: 'navMyMinors' },
  { route: 'notifications', path: PATHS.notifications, label: 'navNotifications' },
];

function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="language">
      <label htmlFor="language-select">{t('language')}</label>
      <select id="language-select" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {l === 'it' ? 'Italiano' : 'English'}
          </option>
        ))}
      </select>
    </div>
  );
}

const HEADER_STRUCTURE = graphql(`query HeaderStructure($code: ID!) { structure(code: $code) { name } }`);

/** The structure's name in the header (its code until the name arrives, or if it cannot be read). */
function HeaderStructureName({ code }: { code: string }) {
  const q = useQuery(HEADER_STRUCTURE, { code }, code);
  const name = q.data?.structure?.name;
  return name ? (
    <>
      {name} <span className="who-code">({code})</span>
    </>
  ) : (
    <>{code}</>
  );
}

/** Minutes before the token's expiry when the page warns (issue 18 item 4). */
export const EXPIRY_WARNING_MINUTES = 5;

/**
 * Get a fresh token for the same structure: from the gateway's development
 * sign-in when it is there; otherwise the page reloads through the regional
 * sign-in (the reverse proxy's OIDC flow), the drafts waiting in sessionStorage.
 */
async function renewToken(session: Session): Promise<boolean> {
  // The same role: a structure's operator, or a social worker of the same service (issue 14).
  const ask = session.role === 'SOCIAL_WORKER' ? { role: 'SOCIAL_WORKER', serviceId: session.serviceId } : { structureCode: session.structureCode };
  const res = await fetch('/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ask) }).catch(() => null);
  const body = res?.ok ? ((await res.json().catch(() => ({}))) as { token?: string }) : {};
  if (body.token) {
    storeToken(body.token);
    return true;
  }
  window.location.assign(window.location.pathname + window.location.search);
  return false;
}

/** The warning five minutes before the session ends, with "Rinnova sessione"; what is typed is kept as a draft either way. */
function ExpiryWarning({ session, onRenewed }: { session: Session; onRenewed: () => void }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  if (session.expiresAt === null) return null;
  const msLeft = session.expiresAt * 1000 - now;
  if (msLeft > EXPIRY_WARNING_MINUTES * 60_000 || msLeft <= 0) return null;
  const at = new Date(session.expiresAt * 1000).toLocaleTimeString('it-IT', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Rome' });
  return (
    <div className="alert alert-warning expiry" role="alert">
      <span>{t('sessionExpiring', { time: at, minutes: Math.max(1, Math.ceil(msLeft / 60_000)) })}</span>{' '}
      <button
        type="button"
        className="button button-primary"
        disabled={busy}
        aria-busy={busy || undefined}
        onClick={() => {
          setBusy(true);
          renewToken(session)
            .then((ok) => ok && onRenewed())
            .finally(() => setBusy(false));
        }}
      >
        {busy ? t('renewingSession') : t('renewSession')}
      </button>
    </div>
  );
}

export function App() {
  const { t } = useI18n();
  const route = useRoute();
  const [session, setSession] = useState<Session | null>(() => {
    takeTokenFromLocation();
    return loadSession();
  });
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    const onUnauthenticated = () => {
      clearSession();
      setSession(null);
      setExpired(true);
    };
    window.addEventListener(UNAUTHENTICATED_EVENT, onUnauthenticated);
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, onUnauthenticated);
  }, []);

  // Leaving the page (reload, closing the tab, another address) with a half-filled form: the browser asks first.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!hasDirtyForms()) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const signOut = useCallback(() => {
    clearDrafts();
    clearSession();
    setSession(null);
    setExpired(false);
    navigate(PATHS.signIn);
  }, []);

  const onSignedIn = useCallback(() => {
    const next = loadSession();
    setSession(next);
    setExpired(false);
    // Back where the session ended (its drafts are waiting there), or the role's first screen.
    const here = window.location.pathname;
    const home = next?.role === 'SOCIAL_WORKER' ? PATHS.myMinors : PATHS.guests;
    navigate(here === PATHS.signIn || (next?.role === 'SOCIAL_WORKER' && here === PATHS.guests) ? home : here + window.location.search, { replace: true });
  }, []);

  let content;
  if (!session) content = <SignIn onSignedIn={onSignedIn} expired={expired} />;
  else if (session.role === 'SOCIAL_WORKER') {
    if (route.name === 'minorFile') content = <MinorFile key={route.id} id={route.id} />;
    else if (route.name === 'notifications') content = <Notifications role="SOCIAL_WORKER" />;
    else content = <MyMinors />;
  } else {
    const code = session.structureCode;
    switch (route.name) {
      case 'guests':
      case 'signIn':
        content = <Guests structureCode={code} />;
        break;
      case 'admit':
        content = <Admit structureCode={code} />;
        break;
      case 'requests':
        content = <Requests />;
        break;
      case 'notifications':
        content = <Notifications role="STRUCTURE_OPERATOR" />;
        break;
      case 'admitRequest':
        content = <Admit key={route.id} structureCode={code} requestId={route.id} />;
        break;
      case 'placement':
        content = <PlacementScreen key={route.id} id={route.id} />;
        break;
      case 'occupancy':
        content = <Occupancy structureCode={code} />;
        break;
      case 'structure':
        content = <Structure structureCode={code} />;
        break;
      case 'prosecutor':
        content = <ProsecutorList structureCode={code} />;
        break;
      default:
        content = <PageTitle>404</PageTitle>;
    }
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="header">
        <div className="header-inner">
          <div className="brand">
            <span className="brand-title">{t(session?.role === 'SOCIAL_WORKER' ? 'serviceAppTitle' : 'appTitle')}</span>
            <span className="brand-subtitle">{t('appSubtitle')}</span>
          </div>
          <div className="header-tools">
            <LanguageSwitch />
            {session ? (
              <>
                <span className="who" data-testid="signed-in-structure">
                  {session.role === 'SOCIAL_WORKER' ? session.serviceId : <HeaderStructureName code={session.structureCode} />}
                </span>
                <button type="button" className="button button-light" onClick={signOut}>
                  {t('signOut')}
                </button>
              </>
            ) : null}
          </div>
        </div>
        {session ? (
          <nav className="nav" aria-label={t('mainNav')}>
            <ul>
              {(session.role === 'SOCIAL_WORKER' ? SERVICE_NAV : NAV).map((n) => (
                <li key={n.route}>
                  <Link to={n.path} current={route.name === n.route || (n.route === 'guests' && route.name === 'signIn') || (n.route === 'requests' && route.name === 'admitRequest') || (n.route === 'myMinors' && route.name === 'minorFile')}>
                    {t(n.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      {session ? <ExpiryWarning key={session.token} session={session} onRenewed={() => setSession(loadSession())} /> : null}
      <main id="main" className="main" key={`${route.name}/${route.name === 'placement' ? route.id : ''}/${session ? 'in' : 'out'}`}>
        {content}
      </main>
      <footer className="footer">
        <p>S.I.R.MI · SINBA · ASSO · ASMI</p>
      </footer>
    </>
  );
}
