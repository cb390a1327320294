import jwt, { type Algorithm, type JwtPayload } from 'jsonwebtoken';
import { AppError } from '../errors/AppError';
import { ANONYMOUS, type Principal } from './principal';
import { principalFromClaims } from './claims';
import { publicKey, secretKey } from './keys';

export interface UserTokenConfig {
  readonly secret: string;
  readonly publicKey: string | undefined;
  readonly issuer: string | undefined;
  readonly audience: string | undefined;
  readonly clockToleranceSeconds: number;
  /** Longest lifetime of a token in seconds (JWT_MAX_TTL); absent: 12 h. */
  readonly maxTtlSeconds?: number;
}

const DEFAULT_MAX_TTL_SECONDS = 12 * 3600;

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
    payload = jwt.verify(match[1], config.publicKey ? publicKey(config.publicKey) : secretKey(config.secret), {
      algorithms: [algorithm],
      clockTolerance: config.clockToleranceSeconds,
      ...(config.issuer ? { issuer: config.issuer } : {}),
      ...(config.audience ? { audience: config.audience } : {}),
    });
  } catch (err) {
    throw new AppError('UNAUTHENTICATED', `Invalid token: ${describeJwtError(err)}`);
  }
  if (typeof payload === 'string') throw new AppError('UNAUTHENTICATED', 'Invalid token: payload is not a JSON object');
  checkLifetime(payload, config, nowSeconds());
  return principalFromClaims(payload as Record<string, unknown>);
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * docs/privacy.md §1: `exp` is required; a token may not live longer than
 * JWT_MAX_TTL, measured from `iat` (from now when `iat` is absent); an `iat`
 * in the future beyond the clock skew is refused. A long-lived or undated
 * token is a stolen token's best friend.
 */
export function checkLifetime(payload: JwtPayload, config: Pick<UserTokenConfig, 'clockToleranceSeconds' | 'maxTtlSeconds'>, now: number): void {
  const maxTtl = config.maxTtlSeconds ?? DEFAULT_MAX_TTL_SECONDS;
  const skew = config.clockToleranceSeconds;
  if (typeof payload.exp !== 'number' || !Number.isFinite(payload.exp)) throw new AppError('UNAUTHENTICATED', 'Invalid token: an expiry (exp) is required');
  if (payload.iat !== undefined && (typeof payload.iat !== 'number' || !Number.isFinite(payload.iat))) throw new AppError('UNAUTHENTICATED', 'Invalid token: iat is not a time');
  if (typeof payload.iat === 'number' && payload.iat > now + skew) throw new AppError('UNAUTHENTICATED', 'Invalid token: issued in the future (iat)');
  const from = typeof payload.iat === 'number' ? payload.iat : now;
  if (payload.exp - from > maxTtl) throw new AppError('UNAUTHENTICATED', 'Invalid token: it lives longer than the hub accepts (JWT_MAX_TTL)');
}

function describeJwtError(err: unknown): string {
  if (err instanceof jwt.TokenExpiredError) return 'expired';
  if (err instanceof jwt.NotBeforeError) return 'not valid yet (nbf)';
  if (err instanceof jwt.JsonWebTokenError) return err.message;
  return 'verification failed';
}
