import type { Principal } from '../../../../shared/auth/principal';

/**
 * Which placements a request may load (defence in depth behind the gateway,
 * docs/privacy.md §4 PLACEMENT row and §6 "list queries return only related rows"),
 * applied in the SQL so no loader cache holds a row the caller may not see:
 * - a structure operator: only its own structure's placements (never another
 *   structure's placements of the same minor);
 * - a supervisor: placements in structures of its territory;
 * - a social worker: every placement (the gateway masks minors it does not
 *   hold a case for); other modules (SERVICE): every placement;
 * - anyone else: none.
 */
export type PlacementVisibility =
  | { readonly kind: 'all' }
  | { readonly kind: 'structure'; readonly structureCode: string }
  | { readonly kind: 'territory'; readonly provinces: readonly string[] }
  | { readonly kind: 'none' };

export function placementVisibilityFor(principal: Principal): PlacementVisibility {
  switch (principal.role) {
    case 'SOCIAL_WORKER':
    case 'SERVICE':
      return { kind: 'all' };
    case 'STRUCTURE_OPERATOR':
      return { kind: 'structure', structureCode: principal.structureCode };
    case 'SUPERVISOR':
      return { kind: 'territory', provinces: principal.territory };
    default:
      return { kind: 'none' };
  }
}

/** SQL condition on table alias `p`, its parameters appended to `params`. */
export function visibilityCondition(v: PlacementVisibility, params: unknown[]): string {
  switch (v.kind) {
    case 'all':
      return 'TRUE';
    case 'none':
      return 'FALSE';
    case 'structure':
      params.push(v.structureCode);
      return `p.structure_code = $${params.length}`;
    case 'territory':
      params.push([...v.provinces]);
      return `p.structure_province = ANY($${params.length}::text[])`;
  }
}
