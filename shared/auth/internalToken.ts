import jwt from 'jsonwebtoken';
import { AppError } from '../errors/AppError';
import { isUserRole, type Principal } from './principal';
import { claimsFromPrincipal, principalFromClaims } from './claims';
import { secretKey } from './keys';

/**
 * Gateway → subgraph trust (docs/privacy.md §9): the principal travels in a
 * short-lived HS256 token signed with INTERNAL_SECRET, addressed to one
 * subgraph (`aud`). It is never the user's JWT: a user token presented here
 * fails on issuer, audience and key.
 */
export const INTERNAL_TOKEN_HEADER = 'x-sirmi-internal-token';
export const INTERNAL_ISSUER = 'sirmi-hub';

export interface InternalTokenOptions {
  readonly secret: string;
  readonly audience: string;
  readonly ttlSeconds: number;
  readonly requestId?: string;
  /** The purpose of docs/privacy.md §11 the gateway runs this request under (PROSECUTOR_LIST), if any. */
  readonly purpose?: string;
}

export function signInternalToken(principal: Principal, options: InternalTokenOptions): string {
  return jwt.sign({ ...claimsFromPrincipal(principal), rid: options.requestId, ...(options.purpose ? { purpose: options.purpose } : {}) }, secretKey(options.secret), {
    algorithm: 'HS256',
    expiresIn: options.ttlSeconds,
    issuer: INTERNAL_ISSUER,
    audience: options.audience,
  });
}

export interface VerifiedInternalToken {
  readonly principal: Principal;
  readonly requestId: string | undefined;
  /** docs/privacy.md §11: set by the gateway only for the one operation a purpose opens. */
  readonly purpose?: string;
}

export function verifyInternalToken(token: string | undefined, secret: string, audience: string): VerifiedInternalToken {
  if (!token) throw new AppError('UNAUTHENTICATED', 'Subgraphs accept requests only from the gateway');
  let payload: jwt.JwtPayload | string;
  try {
    payload = jwt.verify(token, secretKey(secret), { algorithms: ['HS256'], issuer: INTERNAL_ISSUER, audience, clockTolerance: 5 });
  } catch {
    throw new AppError('UNAUTHENTICATED', 'Subgraphs accept requests only from the gateway');
  }
  if (typeof payload === 'string') throw new AppError('UNAUTHENTICATED', 'Subgraphs accept requests only from the gateway');
  const requestId = typeof payload.rid === 'string' ? payload.rid : undefined;
  const purpose = typeof payload.purpose === 'string' ? payload.purpose : undefined;
  const role = payload.role;
  if (role === 'ANONYMOUS') return { principal: { role: 'ANONYMOUS' }, requestId };
  if (role === 'SERVICE') {
    if (typeof payload.service !== 'string' || typeof payload.sub !== 'string') throw new AppError('UNAUTHENTICATED', 'Malformed service token');
    return { principal: { role: 'SERVICE', sub: payload.sub, service: payload.service }, requestId };
  }
  if (!isUserRole(role)) throw new AppError('UNAUTHENTICATED', 'Malformed internal token');
  return { principal: principalFromClaims(payload as Record<string, unknown>), requestId, ...(purpose ? { purpose } : {}) };
}
