import type { DataSource } from 'typeorm';
import type { Principal } from '@shared/auth';
import { AppError, badInput } from '@shared/errors';
import { getCodeList, isValidCode } from '@shared/codes';
import {
  UNKNOWN,
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
import { caseScope } from './caseReports';

/**
 * Intervention reports (issue 15; seed 000 and seed 004: the basic national
 * tables — minors in family foster care and in residential structures, by
 * age, sex, citizenship and legal basis, on a date and over a year): stocks
 * and flows of interventions by intervention group (seed 003 §3.9).
 *
 * One intervention counts for each minor it benefits: the minor of its case
 * and each sibling beneficiary (seed 003 §3.9.10), with the sibling's own
 * case (for the service and territory). Minors attributes are SINBA's
 * (sinba.minor), the province the minor's residence as in caseStock.
 */

/** Dimensions an intervention has. */
export const INTERVENTION_DIMENSIONS: readonly ReportDimension[] = [
  'INTERVENTION_GROUP',
  'LEGAL_BASIS',
  'AGE_BAND',
  'SEX',
  'CITIZENSHIP_GROUP',
  'UNACCOMPANIED',
  'PROVINCE',
  'DURATION_BAND',
  'SERVICE',
];

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** SQL CASE mapping an intervention type to an attribute of its INTERVENTION_TYPE entry (the code list is the source, not a table). */
function typeAttributeSql(column: string, value: (entry: { group?: string; attributes?: Record<string, unknown> }) => unknown): string {
  const whens = getCodeList('INTERVENTION_TYPE')
    .entries.map((e) => [e.code, value(e)] as const)
    .filter((pair): pair is readonly [string, string] => typeof pair[1] === 'string')
    .map(([code, v]) => `WHEN ${quote(code)} THEN ${quote(v)}`)
    .join(' ');
  return `CASE ${column} ${whens} ELSE '${UNKNOWN}' END`;
}

function dimensionSql(d: ReportDimension, refSql: string): string {
  switch (d) {
    case 'INTERVENTION_GROUP':
      return typeAttributeSql('u.type', (e) => e.group);
    case 'LEGAL_BASIS':
      return typeAttributeSql('u.type', (e) => e.attributes?.legalBasis);
    case 'AGE_BAND':
      return ageBandSql('m.birth_date', refSql);
    case 'SEX':
      return sexSql('m.sex');
    case 'CITIZENSHIP_GROUP':
      return citizenshipGroupSql('m.citizenship');
    case 'UNACCOMPANIED':
      return unaccompaniedSql('m.unaccompanied');
    case 'PROVINCE':
      return "coalesce(left(m.residence_municipality, 3), 'UNKNOWN')";
    case 'DURATION_BAND':
      return durationBandSql('u.start_date', refSql);
    case 'SERVICE':
      return 'c.service_id';
    default:
      throw badInput('groupBy', `Intervention reports cannot be grouped by ${d}`);
  }
}

/** Each (intervention, minor it benefits, that minor's case): the case's own minor and every sibling beneficiary (seed 003 §3.9.10). */
const UNITS = `(SELECT i.id, i.type, i.start_date, i.end_date, i.minor_id, i.case_id FROM sinba.intervention i
        UNION ALL
        SELECT i.id, i.type, i.start_date, i.end_date, b.minor_id, b.case_id FROM sinba.intervention i JOIN sinba.intervention_beneficiary b ON b.intervention_id = i.id) u
   JOIN sinba."case" c ON c.id = u.case_id JOIN sinba.minor m ON m.id = u.minor_id`;

/** Which interventions: by group (INTERVENTION_GROUP codes) and/or type (INTERVENTION_TYPE codes); none given = all. */
export interface InterventionSelection {
  readonly groups?: readonly string[] | null;
  readonly types?: readonly string[] | null;
}

function selectionSql(selection: InterventionSelection, p: (v: unknown) => string): string[] {
  const out: string[] = [];
  for (const g of selection.groups ?? []) if (!isValidCode('INTERVENTION_GROUP', g)) throw new AppError('INVALID_CODE', 'Unknown intervention group', { field: 'groups', list: 'INTERVENTION_GROUP' });
  for (const t of selection.types ?? []) if (!isValidCode('INTERVENTION_TYPE', t)) throw new AppError('INVALID_CODE', 'Unknown intervention type', { field: 'types', list: 'INTERVENTION_TYPE' });
  if (selection.groups?.length) {
    const types = getCodeList('INTERVENTION_TYPE').entries.filter((e) => selection.groups!.includes(e.group ?? '')).map((e) => e.code);
    out.push(`u.type = ANY(${p(types)}::text[])`);
  }
  if (selection.types?.length) out.push(`u.type = ANY(${p([...selection.types])}::text[])`);
  return out;
}

export function createInterventionReports(deps: { dataSource: DataSource; minCellSize: number; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return {
    /**
     * Minors with an intervention in progress on `on` (start ≤ on, no end or
     * end > on, as caseStock's periods): distinct minors in the total; a
     * minor with interventions of two groups counts once in each group's
     * row. REGIONAL_ANALYST (region), SUPERVISOR (minors resident in its
     * provinces), as caseStock.
     */
    async interventionStock(
      principal: Principal,
      args: { on: string; groupBy: ReportDimension[]; filter?: ReportFilter | null } & InterventionSelection,
    ): Promise<Report> {
      const params: unknown[] = [args.on];
      const scope = caseScope(principal, args.filter, params, 'u.start_date');
      checkFilter(args.filter);
      checkGroupBy(args.groupBy, INTERVENTION_DIMENSIONS, 'interventionStock');
      const p = (v: unknown) => {
        params.push(v);
        return `$${params.length}`;
      };
      const conditions = ['u.start_date <= $1::date', '(u.end_date IS NULL OR u.end_date > $1::date)', ...scope, ...selectionSql(args, p)];
      const result = await runAggregate(deps.dataSource.manager, {
        dimensionSql: args.groupBy.map((d) => dimensionSql(d, '$1::date')),
        unitSql: 'u.minor_id',
        distinct: true,
        fromWhereSql: `FROM ${UNITS} WHERE ${conditions.join(' AND ')}`,
        params,
      });
      return toReport(args.groupBy, result, deps.minCellSize, now());
    },

    /**
     * Interventions started (ENTRIES) or ended (EXITS) from `from` to `to`,
     * both included (e.g. a calendar year): events, one per minor the
     * intervention benefits. Age on the event date; duration (exits) from the
     * start to the end.
     */
    async interventionFlows(
      principal: Principal,
      args: { from: string; to: string; direction: 'ENTRIES' | 'EXITS'; groupBy: ReportDimension[]; filter?: ReportFilter | null } & InterventionSelection,
    ): Promise<Report> {
      const params: unknown[] = [args.from, args.to];
      const scope = caseScope(principal, args.filter, params, 'u.start_date');
      if (args.to < args.from) throw new AppError('INVALID_DATE_RANGE', 'The period ends before it starts', { field: 'to' });
      checkFilter(args.filter);
      const allowed = args.direction === 'ENTRIES' ? INTERVENTION_DIMENSIONS.filter((d) => d !== 'DURATION_BAND') : INTERVENTION_DIMENSIONS;
      checkGroupBy(args.groupBy, allowed, `interventionFlows(${args.direction})`);
      const p = (v: unknown) => {
        params.push(v);
        return `$${params.length}`;
      };
      const eventDate = args.direction === 'ENTRIES' ? 'u.start_date' : 'u.end_date';
      const conditions = [`${eventDate} BETWEEN $1::date AND $2::date`, ...scope, ...selectionSql(args, p)];
      const result = await runAggregate(deps.dataSource.manager, {
        dimensionSql: args.groupBy.map((d) => dimensionSql(d, eventDate)),
        unitSql: 'u.minor_id',
        distinct: false,
        fromWhereSql: `FROM ${UNITS} WHERE ${conditions.join(' AND ')}`,
        params,
      });
      return toReport(args.groupBy, result, deps.minCellSize, now());
    },
  };
}

export type InterventionReports = ReturnType<typeof createInterventionReports>;
