import { inTerritory, type Principal } from '@shared/auth';

/**
 * Who may read the non-public part of the registry (inspections and their
 * findings, the internal contact e-mail): docs/privacy.md §4, REGISTRY row —
 * SOCIAL_WORKER (R, with or without a case), STRUCTURE_OPERATOR (R, own
 * structure only), SUPERVISOR (RW, IN_TERRITORY: the structure's province in
 * the token's territory), REGIONAL_ANALYST (R); PRIVACY_OFFICER and anonymous
 * callers are denied. SERVICE principals (other modules of the hub, calling
 * through the graph, docs/privacy.md §9) read everything.
 *
 * The gateway masks REGISTRY fields by the same table; the subgraph applies it
 * again (defence in depth): a denied caller gets null for these fields.
 */
export function canReadRegistry(principal: Principal, structure: { readonly code: string; readonly province: string }): boolean {
  const v = registryVisibilityFor(principal);
  switch (v.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'structure':
      return v.structureCode === structure.code;
    case 'territory':
      return v.provinces.includes(structure.province);
  }
}

/**
 * docs/privacy.md §5: registering structures and recording acts and inspections
 * is for a SUPERVISOR whose territory holds the structure's province.
 */
export function canWriteRegistry(principal: Principal, province: string): boolean {
  return inTerritory(principal, province);
}

/**
 * The same REGISTRY rule as a filter the repositories put in their SQL
 * (docs/conventions.md: visibility filters live in the SQL, so no loader cache ever
 * holds an inspection the caller may not see).
 */
export type RegistryVisibility =
  | { readonly kind: 'all' }
  | { readonly kind: 'none' }
  | { readonly kind: 'structure'; readonly structureCode: string }
  | { readonly kind: 'territory'; readonly provinces: readonly string[] };

export function registryVisibilityFor(principal: Principal): RegistryVisibility {
  switch (principal.role) {
    case 'SERVICE':
    case 'REGIONAL_ANALYST':
    case 'SOCIAL_WORKER':
      return { kind: 'all' };
    case 'STRUCTURE_OPERATOR':
      return { kind: 'structure', structureCode: principal.structureCode };
    case 'SUPERVISOR':
      return { kind: 'territory', provinces: [...principal.territory] };
    case 'PRIVACY_OFFICER':
    case 'ANONYMOUS':
      return { kind: 'none' };
  }
}
