import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { AppError } from '../errors/AppError';
import { suppress } from './suppression';
import { checkFilter, checkGroupBy, type Report, type ReportDimension, type ReportFilter } from './dimensions';

/**
 * ONE aggregate statement for a report: the detail cells and the grand total
 * in the same scan (GROUPING SETS). `dimensionSql` are the key expressions
 * (never NULL: every dimension maps a missing value to UNKNOWN), so the
 * grand-total row is the one whose keys are NULL. `unitSql` is what is
 * counted: distinct minors for stocks (`distinct`), every row (event) for flows.
 */
export async function runAggregate(
  db: EntityManager,
  args: { dimensionSql: readonly string[]; unitSql: string; distinct: boolean; fromWhereSql: string; params: unknown[] },
): Promise<{ cells: { keys: string[]; count: number }[]; total: number }> {
  const { dimensionSql, unitSql, fromWhereSql, params } = args;
  const countSql = args.distinct ? 'count(DISTINCT unit)' : 'count(*)';
  if (dimensionSql.length === 0) {
    const [row] = await db.query(`SELECT ${countSql}::int AS n FROM (SELECT ${unitSql} AS unit ${fromWhereSql}) AS cells`, params);
    const n = Number(row?.n ?? 0);
    return { cells: n > 0 ? [{ keys: [], count: n }] : [], total: n };
  }
  const cols = dimensionSql.map((sql, i) => `${sql} AS d${i}`).join(', ');
  const keys = dimensionSql.map((_s, i) => `d${i}`).join(', ');
  const rows: Record<string, string | number | null>[] = await db.query(
    `SELECT ${keys}, ${countSql}::int AS n FROM (SELECT ${unitSql} AS unit, ${cols} ${fromWhereSql}) AS cells GROUP BY GROUPING SETS ((${keys}), ()) ORDER BY ${keys}`,
    params,
  );
  let total = 0;
  const cells: { keys: string[]; count: number }[] = [];
  for (const r of rows) {
    if (r.d0 === null) total = Number(r.n);
    else cells.push({ keys: dimensionSql.map((_s, i) => String(r[`d${i}`])), count: Number(r.n) });
  }
  return { cells, total };
}

/** The Report of the SDL: suppression applied (docs/privacy.md §10), nothing else leaves the subgraph. */
export function toReport(dimensions: readonly ReportDimension[], result: { cells: { keys: string[]; count: number }[]; total: number }, minCellSize: number, now: Date = new Date()): Report {
  const table = suppress(result.cells, result.total, minCellSize);
  return {
    dimensions: [...dimensions],
    rows: table.rows,
    total: table.total,
    totalSuppressed: table.totalSuppressed,
    minCellSize,
    generatedAt: now.toISOString(),
  };
}

/** The direction of a flow report (the SDL's ReportDirection): events that start (ENTRIES) or end (EXITS) in the period. */
export type ReportDirection = 'ENTRIES' | 'EXITS';

/** What every stock report takes (the SDL): the date, the dimensions, the filter. */
export interface StockArgs {
  readonly on: string;
  readonly groupBy: ReportDimension[];
  readonly filter?: ReportFilter | null;
}

/** What every flow report takes (the SDL): the period (both days included), the direction, the dimensions, the filter. */
export interface FlowArgs {
  readonly from: string;
  readonly to: string;
  readonly direction: ReportDirection;
  readonly groupBy: ReportDimension[];
  readonly filter?: ReportFilter | null;
}

/** What a module's reports need: its database, the threshold of docs/privacy.md §10, the clock of `generatedAt`. */
export interface ReportDeps {
  readonly dataSource: DataSource;
  readonly minCellSize: number;
  readonly now?: () => Date;
}

/** Appends a value to the statement's parameters and returns its placeholder (`$n`). */
export type SqlParam = (value: unknown) => string;

/** The parameters of one statement, `initial` first ($1, $2, …), and the function that appends the next. */
export function sqlParams(initial: readonly unknown[]): { params: unknown[]; param: SqlParam } {
  const params = [...initial];
  return {
    params,
    param: (value) => {
      params.push(value);
      return `$${params.length}`;
    },
  };
}

/**
 * Who may run a module's reports and over which rows (docs/privacy.md §5
 * "aggregate reports"): throws UNAUTHENTICATED or FORBIDDEN — before any
 * other check of the arguments — or returns the SQL conditions that keep the
 * caller's rows and the filter's, their values added through `param`.
 */
export type ReportScope = (principal: Principal, filter: ReportFilter | null | undefined, param: SqlParam) => string[];

/** The statement of one report but its parameters: what `runAggregate` takes. */
export type AggregateSql = Omit<Parameters<typeof runAggregate>[1], 'params'>;

/** The parts of a report that are the module's; the order of the checks and the suppression are the skeleton's. */
interface ReportSpec<A> {
  /** The report's name in errors (`caseStock cannot be grouped by …`); a flow's gets its direction. */
  readonly name: string;
  readonly scope: ReportScope;
  /**
   * The statement, once every common check has passed: `scope` the caller's
   * conditions, `param` for any further value. May throw for the report's own
   * arguments (e.g. unknown codes), after the common checks.
   */
  readonly aggregate: (args: A, scope: string[], param: SqlParam) => AggregateSql;
}

export interface StockReportSpec<A extends StockArgs> extends ReportSpec<A> {
  /** The dimensions `groupBy` may name. */
  readonly dimensions: readonly ReportDimension[];
}

export interface FlowReportSpec<A extends FlowArgs> extends ReportSpec<A> {
  /** The dimensions `groupBy` may name, per direction. */
  readonly dimensions: Readonly<Record<ReportDirection, readonly ReportDimension[]>>;
}

/** A report as a service method: the caller and the SDL arguments in, the suppressed Report out. */
export type ReportQuery<A> = (principal: Principal, args: A) => Promise<Report>;

/**
 * The report skeleton, the same for every aggregate report of every module:
 * scope (who, over which rows) → the report's own period check → filter check
 * → groupBy check → one aggregate statement → suppression.
 */
async function runReport<A extends StockArgs | FlowArgs>(
  deps: ReportDeps,
  spec: ReportSpec<A>,
  run: { principal: Principal; args: A; period: readonly string[]; checkPeriod: () => void; allowed: readonly ReportDimension[]; name: string },
): Promise<Report> {
  const { args } = run;
  const { params, param } = sqlParams(run.period);
  const scope = spec.scope(run.principal, args.filter, param);
  run.checkPeriod();
  checkFilter(args.filter);
  checkGroupBy(args.groupBy, run.allowed, run.name);
  const result = await runAggregate(deps.dataSource.manager, { ...spec.aggregate(args, scope, param), params });
  return toReport(args.groupBy, result, deps.minCellSize, (deps.now ?? (() => new Date()))());
}

/** A stock report: its date `on` is $1 of the statement. */
export function stockReport<A extends StockArgs>(deps: ReportDeps, spec: StockReportSpec<A>): ReportQuery<A> {
  return (principal, args) => runReport(deps, spec, { principal, args, period: [args.on], checkPeriod: () => undefined, allowed: spec.dimensions, name: spec.name });
}

/** A flow report: `from` and `to` are $1 and $2 of the statement; a period that ends before it starts is INVALID_DATE_RANGE on `to`. */
export function flowReport<A extends FlowArgs>(deps: ReportDeps, spec: FlowReportSpec<A>): ReportQuery<A> {
  return (principal, args) =>
    runReport(deps, spec, {
      principal,
      args,
      period: [args.from, args.to],
      checkPeriod: () => {
        if (args.to < args.from) throw new AppError('INVALID_DATE_RANGE', 'The period ends before it starts', { field: 'to' });
      },
      allowed: spec.dimensions[args.direction],
      name: `${spec.name}(${args.direction})`,
    });
}
