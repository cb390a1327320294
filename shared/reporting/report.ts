import type { EntityManager } from 'typeorm';
import { suppress } from './suppression';
import type { Report, ReportDimension } from './dimensions';

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
