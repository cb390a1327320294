import { forbidden } from '@shared/errors';
import { requireRole } from '@shared/auth';
import type { Principal } from '@shared/auth';
import { canWriteRegistry } from '../rules/registryAccess';

type Supervisor = Extract<Principal, { role: 'SUPERVISOR' }>;

/**
 * docs/privacy.md §5 "register structures, record acts and inspections:
 * SUPERVISOR, IN_TERRITORY". Anyone else is refused as a whole: FORBIDDEN,
 * or UNAUTHENTICATED for anonymous callers.
 */
export function requireSupervisor(principal: Principal): asserts principal is Supervisor {
  requireRole(principal, ['SUPERVISOR'], 'Only a supervisor can change the structure registry');
}

/** docs/privacy.md §3 IN_TERRITORY: the structure's province is in the supervisor's territory. */
export function requireTerritory(principal: Principal, province: string): void {
  if (!canWriteRegistry(principal, province)) throw forbidden('The structure is outside your territory');
}
