import type { Principal } from '@shared/auth';
import { HOSTING_GRACE_DAYS } from '../rules/placementRules';

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
  /** `hostingOn`: only placements of minors the structure hosts on that day (docs/privacy.md §3 HOSTING, §9). */
  | { readonly kind: 'structure'; readonly structureCode: string; readonly hostingOn?: string }
  | { readonly kind: 'territory'; readonly provinces: readonly string[] }
  | { readonly kind: 'none' };

export function placementVisibilityFor(principal: Principal, today?: string): PlacementVisibility {
  switch (principal.role) {
    case 'SOCIAL_WORKER':
    case 'SERVICE':
      return { kind: 'all' };
    case 'STRUCTURE_OPERATOR':
      // docs/privacy.md §9: ASMI applies HOSTING itself, on lists, single lookups and _entities alike.
      return { kind: 'structure', structureCode: principal.structureCode, ...(today ? { hostingOn: today } : {}) };
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
    case 'structure': {
      params.push(v.structureCode);
      const code = `$${params.length}`;
      if (!v.hostingOn) return `p.structure_code = ${code}`;
      params.push(v.hostingOn, HOSTING_GRACE_DAYS);
      const on = `$${params.length - 1}::date`;
      return `p.structure_code = ${code} AND EXISTS (SELECT 1 FROM asmi.placement h WHERE h.minor_id = p.minor_id AND h.structure_code = ${code}
        AND h.admission_date <= ${on} AND (h.discharge_date IS NULL OR h.discharge_date >= ${on} - $${params.length}::int))`;
    }
    case 'territory':
      params.push([...v.provinces]);
      return `p.structure_province = ANY($${params.length}::text[])`;
  }
}
