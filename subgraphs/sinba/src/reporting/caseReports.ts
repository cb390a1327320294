import type { DataSource } from 'typeorm';
import type { Principal } from '@shared/auth';
import { requireRole } from '@shared/auth';
import { badInput, forbidden } from '@shared/errors';
import {
  ageBandSql,
  checkFilter,
  checkGroupBy,
  citizenshipGroupSql,
  durationBandSql,
  sexSql,
  unaccompaniedSql,
  type Report,
  type ReportDimension,
  type ReportFilter,
} from '@shared/reporting';
import { runAggregate, toReport } from '@shared/reporting';

/** Dimensions a case has: the minor's attributes, the holding service, the residence province, the case's duration. */
export const CASE_DIMENSIONS: readonly ReportDimension[] = ['AGE_BAND', 'SEX', 'CITIZENSHIP_GROUP', 'UNACCOMPANIED', 'PROVINCE', 'DURATION_BAND', 'SERVICE'];

/** Province of a case: the first 3 digits of the minor's residence municipality (ISTAT), UNKNOWN without one. */
const RESIDENCE_PROVINCE = "coalesce(left(m.residence_municipality, 3), 'UNKNOWN')";

function dimensionSql(d: ReportDimension): string {
  switch (d) {
    case 'AGE_BAND':
      return ageBandSql('m.birth_date', '$1::date');
    case 'SEX':
      return sexSql('m.sex');
    case 'CITIZENSHIP_GROUP':
      return citizenshipGroupSql('m.citizenship');
    case 'UNACCOMPANIED':
      return unaccompaniedSql('m.unaccompanied');
    case 'PROVINCE':
      return RESIDENCE_PROVINCE;
    case 'DURATION_BAND':
      return durationBandSql('c.start_date', '$1::date');
    case 'SERVICE':
      return 'c.service_id';
    default:
      throw badInput('groupBy', `caseStock cannot be grouped by ${d}`);
  }
}

/**
 * Who may count cases (docs/privacy.md §5 "aggregate reports"): REGIONAL_ANALYST
 * the region; SUPERVISOR the minors resident in its provinces (SINBA knows no
 * structure: the territory of a case is the minor's residence); anyone else
 * FORBIDDEN — a structure operator's own-structure reports are ASMI's, cases
 * are not tied to a structure (docs/privacy.md "Reports"). Intervention
 * reports use the same scope, `startColumn` being the intervention's start.
 */
export function caseScope(principal: Principal, filter: ReportFilter | null | undefined, params: unknown[], startColumn = 'c.start_date'): string[] {
  requireRole(principal, ['REGIONAL_ANALYST', 'SUPERVISOR'], 'Case reports are for regional analysts and supervisors');
  const conditions: string[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (principal.role === 'SUPERVISOR') {
    if ((filter?.provinces ?? []).some((x) => !principal.territory.includes(x))) throw forbidden('A province outside your territory');
    conditions.push(`left(m.residence_municipality, 3) = ANY(${p([...principal.territory])}::text[])`);
  }
  if (filter?.structureTypes?.length) throw badInput('filter.structureTypes', 'Cases have no structure type');
  if (filter?.structureCodes?.length) throw badInput('filter.structureCodes', 'Cases have no structure');
  if (filter?.provinces?.length) conditions.push(`left(m.residence_municipality, 3) = ANY(${p([...filter.provinces])}::text[])`);
  if (filter?.services?.length) conditions.push(`c.service_id = ANY(${p([...filter.services])}::text[])`);
  if (filter?.startedFrom) conditions.push(`${startColumn} >= ${p(filter.startedFrom)}::date`);
  if (filter?.startedTo) conditions.push(`${startColumn} <= ${p(filter.startedTo)}::date`);
  return conditions;
}

export function createCaseReports(deps: { dataSource: DataSource; minCellSize: number; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return {
    /**
     * Minors with an open case on `on`: start ≤ on and (no end or end > on),
     * the end date being exclusive as for the CASE_HOLDER relationship.
     * Distinct minors: a minor held by two services counts once in the
     * total, and once in each service's row when grouped by SERVICE (rows
     * then add up to more than the total); likewise DURATION_BAND, which is
     * per case.
     */
    async caseStock(principal: Principal, args: { on: string; groupBy: ReportDimension[]; filter?: ReportFilter | null }): Promise<Report> {
      const params: unknown[] = [args.on];
      const scope = caseScope(principal, args.filter, params);
      checkFilter(args.filter);
      checkGroupBy(args.groupBy, CASE_DIMENSIONS, 'caseStock');
      const conditions = ['c.start_date <= $1::date', '(c.end_date IS NULL OR c.end_date > $1::date)', ...scope];
      const result = await runAggregate(deps.dataSource.manager, {
        dimensionSql: args.groupBy.map(dimensionSql),
        unitSql: 'c.minor_id',
        distinct: true,
        fromWhereSql: `FROM sinba."case" c JOIN sinba.minor m ON m.id = c.minor_id WHERE ${conditions.join(' AND ')}`,
        params,
      });
      return toReport(args.groupBy, result, deps.minCellSize, now());
    },
  };
}

export type CaseReports = ReturnType<typeof createCaseReports>;
