import jwt, { type Algorithm, type JwtPayload } from 'jsonwebtoken';
import { AppError } from '../errors/AppError';
import { ANONYMOUS, type Principal } from './principal';
import { principalFromClaims } from './claims';

export interface UserTokenConfig {
  readonly secret: string;
  readonly publicKey: string | undefined;
  readonly issuer: string | undefined;
  readonly audience: string | undefined;
  readonly clockToleranceSeconds: number;
}

/**
 * docs/privacy.md §1: no header = anonymous; a header that is present but invalid
 * is UNAUTHENTICATED (HTTP 401), never anonymous. Exactly one algorithm is
 * accepted: RS256 when a public key is configured, HS256 otherwise, so
 * `alg: none` and algorithm confusion are refused by construction.
 */
export function verifyUserToken(authorization: string | undefined, config: UserTokenConfig): Principal {
  if (authorization === undefined) return ANONYMOUS;
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization.trim());
  if (!match) throw new AppError('UNAUTHENTICATED', 'Malformed Authorization header: expected "Bearer <JWT>"');
  const algorithm: Algorithm = config.publicKey ? 'RS256' : 'HS256';
  let payload: string | JwtPayload;
  try {
    payload = jwt.verify(match[1], config.publicKey ?? config.secret, {
      algorithms: [algorithm],
      clockTolerance: config.clockToleranceSeconds,
      ...(config.issuer ? { issuer: config.issuer } : {}),
      ...(config.audience ? { audience: config.audience } : {}),
    });
  } catch (err) {
    throw new AppError('UNAUTHENTICATED', `Invalid token: ${describeJwtError(err)}`);
  }
  if (typeof payload === 'string') throw new AppError('UNAUTHENTICATED', 'Invalid token: payload is not a JSON object');
  return principalFromClaims(payload as Record<string, unknown>);
}

function describeJwtError(err: unknown): string {
  if (err instanceof jwt.TokenExpiredError) return 'expired';
  if (err instanceof jwt.NotBeforeError) return 'not valid yet (nbf)';
  if (err instanceof jwt.JsonWebTokenError) return err.message;
  return 'verification failed';
}
