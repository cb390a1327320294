/**
 * The bearer token of the session. Kept in sessionStorage: it lasts while the
 * tab is open and is never shared with other tabs or kept on disk after the
 * browser closes. In development it comes from the gateway's POST /dev/token;
 * in production from the regional identity provider, whose redirect puts it
 * in the URL fragment (`#access_token=…`, README "Web client for structures").
 */
export const TOKEN_KEY = 'sirmi.token';

export interface Session {
  readonly token: string;
  /** STRUCTURE_OPERATOR (the structures' screens) or SOCIAL_WORKER (the social services' area, issue 14). */
  readonly role: 'STRUCTURE_OPERATOR' | 'SOCIAL_WORKER';
  /** The operator's structure; empty for a social worker. */
  readonly structureCode: string;
  /** The social worker's service; empty for a structure operator. */
  readonly serviceId: string;
  readonly sub: string;
  /** Seconds since the epoch. */
  readonly expiresAt: number | null;
}

function decodeBase64Url(part: string): string {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * Read the claims the page needs (structure, subject, expiry) from a JWT. No
 * verification here: the gateway verifies every request; this only decides
 * what to show. Null for anything that is not a structure operator's or a social worker's token.
 */
export function sessionFromToken(token: string): Session | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const claims = JSON.parse(decodeBase64Url(parts[1])) as Record<string, unknown>;
    const operator = claims.role === 'STRUCTURE_OPERATOR' && typeof claims.structureCode === 'string';
    const worker = claims.role === 'SOCIAL_WORKER' && typeof claims.serviceId === 'string';
    if (!operator && !worker) return null;
    return {
      token,
      role: operator ? 'STRUCTURE_OPERATOR' : 'SOCIAL_WORKER',
      structureCode: operator ? (claims.structureCode as string) : '',
      serviceId: worker ? (claims.serviceId as string) : '',
      sub: typeof claims.sub === 'string' ? claims.sub : '',
      expiresAt: typeof claims.exp === 'number' ? claims.exp : null,
    };
  } catch {
    return null;
  }
}

export function isExpired(session: Session, nowMs = Date.now()): boolean {
  return session.expiresAt !== null && session.expiresAt * 1000 <= nowMs;
}

/** Take a token handed over by the identity provider's redirect (`#access_token=`) and clean the address bar. */
export function takeTokenFromLocation(): void {
  const hash = window.location.hash;
  if (!hash.startsWith('#')) return;
  const params = new URLSearchParams(hash.slice(1));
  const token = params.get('access_token');
  if (!token) return;
  storeToken(token);
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}

export function storeToken(token: string): void {
  window.sessionStorage.setItem(TOKEN_KEY, token);
}

export function loadSession(): Session | null {
  const token = window.sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  const session = sessionFromToken(token);
  if (!session || isExpired(session)) {
    window.sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  return session;
}

export function clearSession(): void {
  window.sessionStorage.removeItem(TOKEN_KEY);
}
