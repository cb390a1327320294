import { useCallback, useEffect, useState } from 'react';
import { UNAUTHENTICATED_EVENT } from './api';
import { clearSession, loadSession, takeTokenFromLocation, type Session } from './auth';
import { LANGUAGES, useI18n, type Language } from './i18n';
import { Link, navigate, PATHS, useRoute, type Route } from './router';
import { Admit } from './screens/Admit';
import { PageTitle } from './screens/common';
import { Guests } from './screens/Guests';
import { Occupancy } from './screens/Occupancy';
import { PlacementScreen } from './screens/Placement';
import { ProsecutorList } from './screens/ProsecutorList';
import { SignIn } from './screens/SignIn';
import { Structure } from './screens/Structure';

const NAV: readonly { readonly route: Route['name']; readonly path: string; readonly label: 'navGuests' | 'navAdmit' | 'navOccupancy' | 'navStructure' | 'navProsecutor' }[] = [
  { route: 'guests', path: PATHS.guests, label: 'navGuests' },
  { route: 'admit', path: PATHS.admit, label: 'navAdmit' },
  { route: 'occupancy', path: PATHS.occupancy, label: 'navOccupancy' },
  { route: 'structure', path: PATHS.structure, label: 'navStructure' },
  { route: 'prosecutor', path: PATHS.prosecutor, label: 'navProsecutor' },
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

  const signOut = useCallback(() => {
    clearSession();
    setSession(null);
    setExpired(false);
    navigate(PATHS.signIn);
  }, []);

  const onSignedIn = useCallback(() => {
    setSession(loadSession());
    setExpired(false);
    navigate(PATHS.guests, { replace: true });
  }, []);

  let content;
  if (!session) content = <SignIn onSignedIn={onSignedIn} expired={expired} />;
  else {
    const code = session.structureCode;
    switch (route.name) {
      case 'guests':
      case 'signIn':
        content = <Guests structureCode={code} />;
        break;
      case 'admit':
        content = <Admit structureCode={code} />;
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
            <span className="brand-title">{t('appTitle')}</span>
            <span className="brand-subtitle">{t('appSubtitle')}</span>
          </div>
          <div className="header-tools">
            <LanguageSwitch />
            {session ? (
              <>
                <span className="who" data-testid="signed-in-structure">
                  {session.structureCode}
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
              {NAV.map((n) => (
                <li key={n.route}>
                  <Link to={n.path} current={route.name === n.route || (n.route === 'guests' && route.name === 'signIn')}>
                    {t(n.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" className="main" key={`${route.name}/${route.name === 'placement' ? route.id : ''}/${session ? 'in' : 'out'}`}>
        {content}
      </main>
      <footer className="footer">
        <p>S.I.R.MI · SINBA · ASSO · ASMI</p>
      </footer>
    </>
  );
}
