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
 * - GET /reports/data-quality.{csv,xlsx} (the region's data-quality lines, see dataQualityTable)
 * A suppressed cell is an empty count with suppressed=true; the last line is
 * the total.
 */

const REPORT_FIELDS = 'dimensions rows { keys count suppressed } total totalSuppressed minCellSize generatedAt';
const FILTER_LISTS = ['provinces', 'structureTypes', 'structureCodes', 'services'] as const;
const FILTER_DATES = ['startedFrom', 'startedTo'] as const;
/** Query parameters that take one value. */
const SINGLE_PARAMS = ['on', 'from', 'to', 'direction', 'year', ...FILTER_DATES] as const;

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

/** A list parameter, comma-separated and/or repeated (?provinces=058&provinces=059): a repeated one is never dropped. */
const list = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.flatMap(list)
    : typeof v === 'string' && v !== ''
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

/** Lines per page and the most lines read per source for the data-quality download (1,000 pages of 100). */
export const DATA_QUALITY_PAGE_SIZE = 100;
export const DATA_QUALITY_MAX_LINES = 100_000;

const PLACEMENT_QUALITY_QUERY = `query DataQualityPlacements($first: Int, $after: String) { placementQualityIssues(first: $first, after: $after) {
  nodes { placementId minorPseudonym structureCode flag since } pageInfo { endCursor hasNextPage } } }`;
const CASE_QUALITY_QUERY = `query DataQualityCases($first: Int, $after: String) { caseQualityIssues(first: $first, after: $after) {
  nodes { minorPseudonym serviceId flag since } pageInfo { endCursor hasNextPage } } }`;

type QualityNode = { placementId?: string | null; minorPseudonym: string | null; structureCode?: string | null; serviceId?: string | null; flag: string | null; since: string | null };
type QualityPart = { lines: QualityNode[]; truncated: boolean } | { errors: readonly import('graphql').GraphQLFormattedError[] };

/** Every page of one data-quality list, up to `max` lines (truncated = more exist). */
async function allQualityLines(run: ReturnType<typeof createRun>, ctx: GatewayContext, query: string, field: string, max: number): Promise<QualityPart> {
  const lines: QualityNode[] = [];
  let after: string | null = null;
  for (;;) {
    type Page = { nodes: QualityNode[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
    const result: { data?: Record<string, Page> | null; errors?: readonly import('graphql').GraphQLFormattedError[] } = await run<Record<string, Page>>(ctx, query, { first: DATA_QUALITY_PAGE_SIZE, after });
    // Fields the privacy engine masked on some line (e.g. a structure operator's long-discharged minor) stay empty; any other error fails the list.
    const masked = (result.errors ?? []).every((e) => e.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE');
    if (!result.data?.[field] || !masked) return { errors: result.errors ?? [] };
    const page: Page = result.data[field];
    lines.push(...page.nodes);
    if (lines.length > max || (lines.length === max && page.pageInfo.hasNextPage)) return { lines: lines.slice(0, max), truncated: true };
    if (!page.pageInfo.hasNextPage) return { lines, truncated: false };
    after = page.pageInfo.endCursor;
  }
}

export const DATA_QUALITY_HEADER = ['source', 'flag', 'since', 'minorPseudonym', 'placementId', 'structureCode', 'serviceId'];

/**
 * The region's data-quality report as one table (issue 8): the lines of
 * placementQualityIssues (source PLACEMENT) then of caseQualityIssues (source
 * CASE), each as its query gives them to the caller. A role allowed only one
 * of the two lists gets that part; a NOTE line at the end says which part is
 * missing (NOT_ALLOWED) or was cut at DATA_QUALITY_MAX_LINES (TRUNCATED).
 * Returns the errors when neither list may be read (FORBIDDEN → 403,
 * UNAUTHENTICATED → 401) or a list failed otherwise.
 */
export async function dataQualityTable(run: ReturnType<typeof createRun>, ctx: GatewayContext, max = DATA_QUALITY_MAX_LINES): Promise<Built> {
  const parts = [
    { source: 'PLACEMENT', part: await allQualityLines(run, ctx, PLACEMENT_QUALITY_QUERY, 'placementQualityIssues', max) },
    { source: 'CASE', part: await allQualityLines(run, ctx, CASE_QUALITY_QUERY, 'caseQualityIssues', max) },
  ];
  const codeOf = (p: QualityPart) => ('errors' in p ? String(p.errors[0]?.extensions?.code ?? '') : null);
  // A part refused to this role is left out; any other error (or both refused) fails the download.
  const failed = parts.find(({ part }) => 'errors' in part && codeOf(part) !== 'FORBIDDEN');
  if (failed && 'errors' in failed.part) return { errors: failed.part.errors };
  if (parts.every(({ part }) => 'errors' in part)) return { errors: (parts[0].part as { errors: readonly import('graphql').GraphQLFormattedError[] }).errors };
  const lines: Table['lines'] = [];
  const notes: string[] = [];
  for (const { source, part } of parts) {
    if ('errors' in part) {
      lines.push(['NOTE', 'NOT_ALLOWED', null, null, null, null, `${source} lines are not readable by your role`]);
      notes.push(`${source} lines not included (not readable by your role).`);
      continue;
    }
    for (const l of part.lines) lines.push([source, l.flag, l.since, l.minorPseudonym, l.placementId ?? null, l.structureCode ?? null, l.serviceId ?? null]);
    if (part.truncated) {
      lines.push(['NOTE', 'TRUNCATED', null, null, null, null, `${source} lines stopped at ${max}; more exist`]);
      notes.push(`${source} lines stopped at ${max}; more exist: narrow the GraphQL query.`);
    }
  }
  return {
    table: { header: DATA_QUALITY_HEADER, lines },
    filename: 'data-quality',
    note: `Pseudonymous data-quality lines (PRIVACY.md §8) of your scope. ${notes.join(' ')}`.trim(),
  };
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
    'data-quality': (ctx) => dataQualityTable(run, ctx),
    'istat-residential': async (ctx, q) => {
      const year = Number(one(q.year));
      const result = await run<{ istatResidentialTable: IstatData & { minCellSize: number } }>(ctx, ISTAT_QUERY, { year: Number.isInteger(year) ? year : null });
      if (result.errors?.length || !result.data) return { errors: result.errors ?? [] };
      return { table: istatTable(result.data.istatResidentialTable), filename: `istat-residential-${year}`, note: 'Suppressed cells are empty; the column "suppressed" lists them (PRIVACY.md §10).' };
    },
  };

  app.get('/reports/:name.:format', async (req, res) => {
    // Own keys only: `__proto__`, `constructor` or `toString` must be an unknown report, not Object.prototype's.
    const builder = Object.prototype.hasOwnProperty.call(builders, req.params.name) ? builders[req.params.name] : undefined;
    const format = req.params.format as Format;
    if (!builder || (format !== 'csv' && format !== 'xlsx')) {
      res.status(404).json({ errors: [{ message: 'No such report export', extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    const ctx = callerContext(req, res, deps.contextFor);
    if (!ctx) return;
    // A single-valued parameter given twice would be dropped (an optional filter silently not applied): refused instead.
    const repeated = SINGLE_PARAMS.find((p) => Array.isArray(req.query[p]));
    if (repeated) return sendError(res, [{ message: `${repeated} is given more than once`, extensions: { code: 'BAD_USER_INPUT', field: repeated } }]);
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
