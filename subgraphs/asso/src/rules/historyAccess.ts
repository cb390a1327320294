import { inTerritory, type Principal } from '@shared/auth';

/**
 * Who sees who changed what in a structure's registry history (seed 002
 * Allegato A §a point d; docs/privacy.md §4 REGISTRY): the SUPERVISOR whose
 * territory holds the structure, the REGIONAL_ANALYST, and the structure's
 * own operator. Everyone else gets null.
 */
export function canReadHistory(principal: Principal, structure: { readonly code: string; readonly province: string }): boolean {
  switch (principal.role) {
    case 'SUPERVISOR':
      return inTerritory(principal, structure.province);
    case 'REGIONAL_ANALYST':
      return true;
    case 'STRUCTURE_OPERATOR':
      return principal.structureCode === structure.code;
    default:
      return false;
  }
}
