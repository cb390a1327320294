import { AppError, forbidden, unauthenticated } from '../../../../shared/errors';
import type { Principal } from '../../../../shared/auth/principal';

type RoleOf<R extends Principal['role']> = Extract<Principal, { role: R }>;

/**
 * PRIVACY.md §5: an operation the principal may not run is refused as a
 * whole, FORBIDDEN, or UNAUTHENTICATED for anonymous callers.
 */
export function requireRole<R extends Principal['role']>(principal: Principal, ...roles: R[]): asserts principal is RoleOf<R> {
  if (principal.role === 'ANONYMOUS') throw unauthenticated();
  if (!(roles as string[]).includes(principal.role)) throw forbidden();
}

/** Any identified caller (reads of minors: the gateway masks fields by relationship). */
export function requireAuthenticated(principal: Principal): void {
  if (principal.role === 'ANONYMOUS') throw unauthenticated();
}

export function notFoundError(what: string, field: string): AppError {
  return new AppError('NOT_FOUND', `${what} not found`, { field });
}
