import { AppError } from '../errors/AppError';
import { isUserRole, type Principal } from './principal';

const PROVINCE = /^\d{3}$/;

/**
 * Turn verified JWT claims into a principal, checking the organisation claim
 * each role requires (docs/privacy.md §1). Anything missing or unknown is
 * UNAUTHENTICATED: a bad token never degrades to anonymous.
 */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const sub = claims.sub;
  if (typeof sub !== 'string' || sub.length === 0) throw new AppError('UNAUTHENTICATED', 'Token has no subject (sub)');
  const role = claims.role;
  if (!isUserRole(role)) throw new AppError('UNAUTHENTICATED', 'Token has an unknown or missing role');
  switch (role) {
    case 'SOCIAL_WORKER': {
      const serviceId = claims.serviceId;
      if (typeof serviceId !== 'string' || serviceId.length === 0) throw new AppError('UNAUTHENTICATED', 'SOCIAL_WORKER token lacks the serviceId claim');
      return { role, sub, serviceId };
    }
    case 'STRUCTURE_OPERATOR': {
      const structureCode = claims.structureCode;
      if (typeof structureCode !== 'string' || structureCode.length === 0) throw new AppError('UNAUTHENTICATED', 'STRUCTURE_OPERATOR token lacks the structureCode claim');
      return { role, sub, structureCode };
    }
    case 'SUPERVISOR': {
      const territory = claims.territory;
      if (!Array.isArray(territory) || territory.length === 0 || !territory.every((t) => typeof t === 'string' && PROVINCE.test(t))) {
        throw new AppError('UNAUTHENTICATED', 'SUPERVISOR token lacks a territory claim (array of 3-digit province codes)');
      }
      return { role, sub, territory: Object.freeze([...(territory as string[])]) };
    }
    default:
      return { role, sub };
  }
}

/** Claims to sign for a principal (used by dev tokens and the internal token). */
export function claimsFromPrincipal(p: Principal): Record<string, unknown> {
  const { role, ...rest } = p;
  return { role, ...rest };
}
