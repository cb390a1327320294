import type { DataSource } from 'typeorm';
import type { Principal } from '@shared/auth';
import { AppError, badInput } from '@shared/errors';
import {
  REPORT_DIMENSIONS,
  ageBandSql,
  checkFilter,
  checkGroupBy,
  citizenshipGroupSql,
  durationBandSql,
  sexSql,
  unaccompaniedSql,
  UNKNOWN,
  type Report,
  type ReportDimension,
  type ReportFilter,
} from '@shared/reporting';
import { runAggregate, toReport } from '@shared/reporting';
import { placementScope } from './scope';

export type ReportDirection = 'ENTRIES' | 'EXITS';

/**
 * The key expression of a dimension on asmi.placement `p`, `refSql` being
 * the date the age and the duration are measured on (the stock date, or the
 * event date for flows). Everything comes from the placement row itself: the
 * structure's type and province and the minor's quasi-identifiers are copied
 * onto it at admission (docs/architecture.md "Reporting data path"), so no
 * report ever calls another subgraph per minor.
 */
function dimensionSql(d: ReportDimension, refSql: string): string {
  switch (d) {
    case 'AGE_BAND':
      return ageBandSql('p.minor_birth_date', refSql);
    case 'SEX':
      return sexSql('p.minor_sex');
    case 'CITIZENSHIP_GROUP':
      return citizenshipGroupSql('p.minor_citizenship');
    case 'UNACCOMPANIED':
      return unaccompaniedSql('p.minor_unaccompanied');
    case 'STRUCTURE_TYPE':
      return 'p.structure_type';
    case 'PROVINCE':
      return 'p.structure_province::text';
    case 'PLACEMENT_KIND':
      return 'p.kind';
    case 'DURATION_BAND':
      return durationBandSql('p.admission_date', refSql);
    case 'DISCHARGE_OUTCOME':
      return `coalesce(p.discharge_outcome, '${UNKNOWN}')`;
    case 'SERVICE':
      return `coalesce(p.referring_service, '${UNKNOWN}')`;
    case 'LEGAL_BASIS':
      return `coalesce(p.legal_basis, '${UNKNOWN}')`;
    case 'INTERVENTION_GROUP':
      throw badInput('groupBy', 'Placements have no intervention group (SINBA interventionStock)');
  }
}

/** Every dimension but the intervention group, which is SINBA's (interventionStock, interventionFlows). */
const PLACEMENT_DIMENSIONS = REPORT_DIMENSIONS.filter((d) => d !== 'INTERVENTION_GROUP');
const STOCK_DIMENSIONS = PLACEMENT_DIMENSIONS.filter((d) => d !== 'DISCHARGE_OUTCOME');
const ENTRY_DIMENSIONS = PLACEMENT_DIMENSIONS.filter((d) => d !== 'DISCHARGE_OUTCOME' && d !== 'DURATION_BAND');

export function createPlacementReports(deps: { dataSource: DataSource; minCellSize: number; now?: () => Date }) {
  const db = deps.dataSource.manager;
  const now = deps.now ?? (() => new Date());
  return {
    /**
     * Minors in structures on `on`: placements with admission ≤ on and
     * (no discharge or discharge > on). A minor discharged on D is not in the
     * stock on D (the half-open period of the placement, as occupancy); a
     * transfer on D is counted once, in the new structure. Distinct minors.
     */
    async placementStock(principal: Principal, args: { on: string; groupBy: ReportDimension[]; filter?: ReportFilter | null }): Promise<Report> {
      const params: unknown[] = [args.on];
      const scope = placementScope(principal, args.filter, params);
      checkFilter(args.filter);
      checkGroupBy(args.groupBy, STOCK_DIMENSIONS, 'placementStock');
      const conditions = ['p.admission_date <= $1::date', '(p.discharge_date IS NULL OR p.discharge_date > $1::date)', ...scope];
      const result = await runAggregate(db, {
        dimensionSql: args.groupBy.map((d) => dimensionSql(d, '$1::date')),
        // count(*) is count(DISTINCT minor_id) here: two placements of a minor
        // both open on D would overlap, which placement_no_overlap forbids
        // (a same-day placement is in no stock); count(*) lets PostgreSQL
        // hash the grouping sets instead of sorting for DISTINCT.
        unitSql: 'p.minor_id',
        distinct: false,
        fromWhereSql: `FROM asmi.placement p WHERE ${conditions.join(' AND ')}`,
        params,
      });
      return toReport(args.groupBy, result, deps.minCellSize, now());
    },

    /**
     * Admissions (ENTRIES) or discharges (EXITS) dated from `from` to `to`,
     * both included: events, so a minor admitted twice counts twice and a
     * transfer is one exit and one entry. Age and duration on the event date.
     */
    async placementFlows(
      principal: Principal,
      args: { from: string; to: string; direction: ReportDirection; groupBy: ReportDimension[]; filter?: ReportFilter | null },
    ): Promise<Report> {
      const params: unknown[] = [args.from, args.to];
      const scope = placementScope(principal, args.filter, params);
      if (args.to < args.from) throw new AppError('INVALID_DATE_RANGE', 'The period ends before it starts', { field: 'to' });
      checkFilter(args.filter);
      checkGroupBy(args.groupBy, args.direction === 'ENTRIES' ? ENTRY_DIMENSIONS : PLACEMENT_DIMENSIONS, `placementFlows(${args.direction})`);
      const eventDate = args.direction === 'ENTRIES' ? 'p.admission_date' : 'p.discharge_date';
      const conditions = [`${eventDate} BETWEEN $1::date AND $2::date`, ...scope];
      const result = await runAggregate(db, {
        dimensionSql: args.groupBy.map((d) => dimensionSql(d, eventDate)),
        unitSql: 'p.id',
        distinct: false,
        fromWhereSql: `FROM asmi.placement p WHERE ${conditions.join(' AND ')}`,
        params,
      });
      return toReport(args.groupBy, result, deps.minCellSize, now());
    },
  };
}

export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw badInput('year', 'A four-digit year');
}

export type PlacementReports = ReturnType<typeof createPlacementReports>;
