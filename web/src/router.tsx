import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';

/*
 * A tiny history router. Paths are chosen not to collide with the gateway's
 * own routes (/graphql, /health, /documents, /open-data, /reports, /exports,
 * /dev), which the gateway's SPA fallback leaves alone.
 */
export type Route =
  | { readonly name: 'guests' }
  | { readonly name: 'admit' }
  | { readonly name: 'placement'; readonly id: string }
  | { readonly name: 'occupancy' }
  | { readonly name: 'structure' }
  | { readonly name: 'prosecutor' }
  | { readonly name: 'signIn' }
  | { readonly name: 'requests' }
  | { readonly name: 'notifications' }
  | { readonly name: 'myMinors' }
  | { readonly name: 'minorFile'; readonly id: string }
  | { readonly name: 'admitRequest'; readonly id: string }
  | { readonly name: 'notFound' };

export const PATHS = {
  guests: '/',
  admit: '/admit',
  placement: (id: string) => `/placements/${encodeURIComponent(id)}`,
  occupancy: '/occupancy',
  structure: '/structure',
  prosecutor: '/prosecutor-list',
  signIn: '/sign-in',
  requests: '/requests',
  notifications: '/notifications',
  myMinors: '/service/minors',
  minorFile: (id: string) => `/service/minors/${encodeURIComponent(id)}`,
  admitRequest: (id: string) => `/requests/${encodeURIComponent(id)}/admit`,
} as const;

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'guests' };
  if (path === PATHS.admit) return { name: 'admit' };
  if (path === PATHS.occupancy) return { name: 'occupancy' };
  if (path === PATHS.structure) return { name: 'structure' };
  if (path === PATHS.prosecutor) return { name: 'prosecutor' };
  if (path === PATHS.signIn) return { name: 'signIn' };
  if (path === PATHS.requests) return { name: 'requests' };
  if (path === PATHS.notifications) return { name: 'notifications' };
  if (path === PATHS.myMinors) return { name: 'myMinors' };
  const mf = /^\/service\/minors\/([^/]+)$/.exec(path);
  if (mf) return { name: 'minorFile', id: decodeURIComponent(mf[1]) };
  const r = /^\/requests\/([^/]+)\/admit$/.exec(path);
  if (r) return { name: 'admitRequest', id: decodeURIComponent(r[1]) };
  const m = /^\/placements\/([^/]+)$/.exec(path);
  if (m) return { name: 'placement', id: decodeURIComponent(m[1]) };
  return { name: 'notFound' };
}

const NAVIGATE_EVENT = 'sirmi:navigate';

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATE_EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATE_EVENT, update);
    };
  }, []);
  return route;
}

/** The query string of the address (`?step=register`), kept current on navigation and Back/Forward. */
export function useSearch(): string {
  const [search, setSearch] = useState(() => window.location.search);
  useEffect(() => {
    const update = () => setSearch(window.location.search);
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATE_EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATE_EVENT, update);
    };
  }, []);
  return search;
}

/** An ordinary link (opens in a new tab with the usual keys) that navigates inside the app on a plain click. */
export function Link({ to, children, className, current, ariaLabel }: { to: string; children: ReactNode; className?: string; current?: boolean; ariaLabel?: string }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className} aria-current={current ? 'page' : undefined} aria-label={ariaLabel}>
      {children}
    </a>
  );
}
