import type { Principal } from '@shared/auth';
import { requireRole } from '@shared/auth';
import { forbidden } from '@shared/errors';
import type { ReportFilter } from '@shared/reporting';

/**
 * Who may run a placement report and over which placements (docs/privacy.md §5
 * "aggregate reports"): REGIONAL_ANALYST the whole region, SUPERVISOR the
 * structures of its provinces, STRUCTURE_OPERATOR its own structure; any
 * other role FORBIDDEN, anonymous UNAUTHENTICATED.
 *
 * A filter naming a province (supervisor) or a structure (operator) outside
 * the caller's scope is refused as a whole with FORBIDDEN rather than
 * answered with an empty report: an empty report would read as "no minors
 * there", which is false (docs/privacy.md "Reports").
 *
 * Returns SQL conditions on the alias `p` (asmi.placement), parameters
 * appended to `params`.
 */
export function placementScope(principal: Principal, filter: ReportFilter | null | undefined, params: unknown[]): string[] {
  requireRole(principal, ['REGIONAL_ANALYST', 'SUPERVISOR', 'STRUCTURE_OPERATOR'], 'Aggregate reports are for regional analysts, supervisors and structure operators');
  const conditions: string[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (principal.role === 'SUPERVISOR') {
    const outside = (filter?.provinces ?? []).find((x) => !principal.territory.includes(x));
    if (outside !== undefined) throw forbidden('A province outside your territory');
    conditions.push(`p.structure_province = ANY(${p([...principal.territory])}::text[])`);
  }
  if (principal.role === 'STRUCTURE_OPERATOR') {
    if ((filter?.structureCodes ?? []).some((c) => c !== principal.structureCode)) throw forbidden('A structure other than your own');
    conditions.push(`p.structure_code = ${p(principal.structureCode)}`);
  }
  if (filter?.provinces?.length) conditions.push(`p.structure_province = ANY(${p([...filter.provinces])}::text[])`);
  if (filter?.structureTypes?.length) conditions.push(`p.structure_type = ANY(${p([...filter.structureTypes])}::text[])`);
  if (filter?.structureCodes?.length) conditions.push(`p.structure_code = ANY(${p([...filter.structureCodes])}::text[])`);
  if (filter?.services?.length) conditions.push(`p.referring_service = ANY(${p([...filter.services])}::text[])`);
  if (filter?.startedFrom) conditions.push(`p.admission_date >= ${p(filter.startedFrom)}::date`);
  if (filter?.startedTo) conditions.push(`p.admission_date <= ${p(filter.startedTo)}::date`);
  return conditions;
}
