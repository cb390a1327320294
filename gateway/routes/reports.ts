import type express from 'express';
import type { ApolloServer } from '@apollo/server';
import ExcelJS from 'exceljs';
import type { GatewayContext } from '../context';
import { callerContext, createRun, csvField, sendError } from './downloads';

/**
 * Exports of the aggregate reports (issue 8), CSV and XLSX, with the same
 * bearer token as POST /graphql. Each runs the report query through the
 * gateway's own server with the caller's principal, so role scoping,
 * suppression (done in the subgraph), the privacy engine, the audit trail
 * and the limits apply exactly as to the GraphQL query:
 * - GET /reports/placement-stock.{csv,xlsx}?on=D&groupBy=SEX,AGE_BAND[&provinces=058,059&structureTypes=..&structureCodes=..&services=..&startedFrom=..&startedTo=..]
 * - GET /reports/placement-flows.{csv,xlsx}?from=D1&to=D2&direction=ENTRIES|EXITS&groupBy=...
 * - GET /reports/case-stock.{csv,xlsx}?on=D&groupBy=...
 * - GET /reports/istat-residential.{csv,xlsx}?year=YYYY
 * A suppressed cell is an empty count with suppressed=true; the last line is
 * the total.
 */

const REPORT_FIELDS = 'dimensions rows { keys count suppressed } total totalSuppressed minCellSize generatedAt';
const FILTER_LISTS = ['provinces', 'structureTypes', 'structureCodes', 'services'] as const;
const FILTER_DATES = ['startedFrom', 'startedTo'] as const;

interface ReportData {
  dimensions: string[];
  rows: { keys: string[]; count: number | null; suppressed: boolean }[];
  total: number | null;
  totalSuppressed: boolean;
  minCellSize: number;
  generatedAt: string;
}

/** A table ready for CSV or XLSX: header, lines (null = empty cell). */
interface Table {
  header: string[];
  lines: (string | number | null)[][];
}

const list = (v: unknown): string[] =>
  typeof v === 'string' && v !== ''
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
const one = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function filterOf(query: express.Request['query']): Record<string, unknown> | null {
  const filter: Record<string, unknown> = {};
  for (const f of FILTER_LISTS) if (list(query[f]).length) filter[f] = list(query[f]);
  for (const f of FILTER_DATES) if (one(query[f])) filter[f] = one(query[f]);
  return Object.keys(filter).length ? filter : null;
}

/** Report → table: one column per dimension, count, suppressed; the total last. */
export function reportTable(report: ReportData): Table {
  const header = [...report.dimensions, 'count', 'suppressed'];
  const lines: Table['lines'] = report.rows.map((r) => [...r.keys, r.count, r.suppressed ? 'true' : 'false']);
  lines.push([...report.dimensions.map((_d, i) => (i === 0 ? 'TOTAL' : '')), report.total, report.totalSuppressed ? 'true' : 'false']);
  return { header, lines };
}

interface IstatCell {
  count: number | null;
  suppressed: boolean;
}
interface IstatData {
  year: number;
  rows: {
    structure: { code: string; name: string | null; capacity: number | null } | null;
    structureType: string;
    province: string;
    hosted: IstatCell;
    hostedBySex: { keys: string[]; count: number | null; suppressed: boolean }[];
    hostedByAgeBand: { keys: string[]; count: number | null; suppressed: boolean }[];
    hostedByCitizenshipGroup: { keys: string[]; count: number | null; suppressed: boolean }[];
    entries: IstatCell;
    exits: IstatCell;
  }[];
}

const ISTAT_QUERY = `query IstatExport($year: Int!) { istatResidentialTable(year: $year) { year rows {
  structure { code name capacity } structureType province hosted { count suppressed }
  hostedBySex { keys count suppressed } hostedByAgeBand { keys count suppressed } hostedByCitizenshipGroup { keys count suppressed }
  entries { count suppressed } exits { count suppressed } } } }`;

/** ISTAT table → one line per structure; a suppressed cell is empty (its column list says which). */
export function istatTable(data: IstatData): Table {
  const breakdowns = ['hostedBySex', 'hostedByAgeBand', 'hostedByCitizenshipGroup'] as const;
  const first = data.rows[0];
  const categories = breakdowns.flatMap((b) => (first ? first[b].map((c) => `hosted_${c.keys[0]}`) : []));
  const header = ['code', 'name', 'structureType', 'province', 'capacity', 'hosted', ...categories, 'entries', 'exits', 'suppressed'];
  const lines = data.rows.map((r) => {
    const cells: IstatCell[] = [r.hosted, ...breakdowns.flatMap((b) => r[b]), r.entries, r.exits];
    const hidden = header.slice(5, 5 + cells.length).filter((_h, i) => cells[i].suppressed);
    return [r.structure?.code ?? null, r.structure?.name ?? null, r.structureType, r.province, r.structure?.capacity ?? null, ...cells.map((c) => c.count), hidden.join(' ')];
  });
  return { header, lines };
}

export function toCsv(table: Table): string {
  return `${[table.header, ...table.lines].map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export async function toXlsx(table: Table, sheetName: string, note: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'sirmi-hub';
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(table.header).font = { bold: true };
  for (const line of table.lines) ws.addRow(line.map((v) => (v === null ? null : v)));
  wb.addWorksheet('info').addRows([['note', note]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Format = 'csv' | 'xlsx';
type Built = { table: Table; filename: string; note: string } | { errors: readonly import('graphql').GraphQLFormattedError[] };

export function registerReportRoutes(app: express.Express, deps: { server: ApolloServer<GatewayContext>; contextFor: (req: express.Request) => GatewayContext }): void {
  const run = createRun(deps.server);

  const report = async (ctx: GatewayContext, field: string, signature: string, args: string, variables: Record<string, unknown>, filename: string): Promise<Built> => {
    const result = await run<Record<string, ReportData>>(ctx, `query ReportExport(${signature}) { ${field}(${args}) { ${REPORT_FIELDS} } }`, variables);
    if (result.errors?.length || !result.data) return { errors: result.errors ?? [] };
    const r = result.data[field];
    return { table: reportTable(r), filename, note: `Generated ${r.generatedAt}; cells between 1 and ${r.minCellSize - 1} and the cells hiding them are suppressed (PRIVACY.md §10).` };
  };

  const builders: Record<string, (ctx: GatewayContext, q: express.Request['query']) => Promise<Built>> = {
    'placement-stock': (ctx, q) =>
      report(ctx, 'placementStock', '$on: Date!, $groupBy: [ReportDimension!]!, $filter: ReportFilter', 'on: $on, groupBy: $groupBy, filter: $filter', { on: one(q.on), groupBy: list(q.groupBy), filter: filterOf(q) }, `placement-stock-${one(q.on) ?? ''}`),
    'placement-flows': (ctx, q) =>
      report(
        ctx,
        'placementFlows',
        '$from: Date!, $to: Date!, $direction: ReportDirection!, $groupBy: [ReportDimension!]!, $filter: ReportFilter',
        'from: $from, to: $to, direction: $direction, groupBy: $groupBy, filter: $filter',
        { from: one(q.from), to: one(q.to), direction: one(q.direction), groupBy: list(q.groupBy), filter: filterOf(q) },
        `placement-flows-${(one(q.direction) ?? '').toLowerCase()}-${one(q.from) ?? ''}-${one(q.to) ?? ''}`,
      ),
    'case-stock': (ctx, q) =>
      report(ctx, 'caseStock', '$on: Date!, $groupBy: [ReportDimension!]!, $filter: ReportFilter', 'on: $on, groupBy: $groupBy, filter: $filter', { on: one(q.on), groupBy: list(q.groupBy), filter: filterOf(q) }, `case-stock-${one(q.on) ?? ''}`),
    'istat-residential': async (ctx, q) => {
      const year = Number(one(q.year));
      const result = await run<{ istatResidentialTable: IstatData & { minCellSize: number } }>(ctx, ISTAT_QUERY, { year: Number.isInteger(year) ? year : null });
      if (result.errors?.length || !result.data) return { errors: result.errors ?? [] };
      return { table: istatTable(result.data.istatResidentialTable), filename: `istat-residential-${year}`, note: 'Suppressed cells are empty; the column "suppressed" lists them (PRIVACY.md §10).' };
    },
  };

  app.get('/reports/:name.:format', async (req, res) => {
    const builder = builders[req.params.name];
    const format = req.params.format as Format;
    if (!builder || (format !== 'csv' && format !== 'xlsx')) {
      res.status(404).json({ errors: [{ message: 'No such report export', extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    const ctx = callerContext(req, res, deps.contextFor);
    if (!ctx) return;
    const built = await builder(ctx, req.query);
    if ('errors' in built) return sendError(res, built.errors);
    res.set('Cache-Control', 'no-store');
    if (format === 'csv') {
      res.status(200).type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="${built.filename}.csv"`).send(toCsv(built.table));
      return;
    }
    const xlsx = await toXlsx(built.table, 'report', built.note);
    res
      .status(200)
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .set('Content-Disposition', `attachment; filename="${built.filename}.xlsx"`)
      .send(xlsx);
  });
}
