import { forbidden, unauthenticated } from '../errors/AppError';
import type { Principal } from './principal';

type RoleOf<R extends Principal['role']> = Extract<Principal, { role: R }>;

/**
 * docs/privacy.md §5: an operation the principal may not run is refused as a
 * whole, FORBIDDEN, or UNAUTHENTICATED for anonymous callers.
 */
export function requireRole<R extends Principal['role']>(principal: Principal, roles: readonly R[], message?: string): asserts principal is RoleOf<R> {
  if (principal.role === 'ANONYMOUS') throw unauthenticated();
  if (!(roles as readonly string[]).includes(principal.role)) throw forbidden(message);
}

/** Any identified caller. */
export function requireAuthenticated(principal: Principal): void {
  if (principal.role === 'ANONYMOUS') throw unauthenticated();
}
