import { createHash } from 'node:crypto';
import type { AuditStore } from '../audit/auditStore';
import type express from 'express';
import type { ApolloServer } from '@apollo/server';
import ExcelJS from 'exceljs';
import type { GatewayContext } from '../context';
import { findCode } from '@shared/codes';
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
  // One prefix per breakdown: UNKNOWN (and any other category) exists in each of them.
  const prefix = { hostedBySex: 'hosted_sex', hostedByAgeBand: 'hosted_age', hostedByCitizenshipGroup: 'hosted_citizenship' } as const;
  const categories = breakdowns.flatMap((b) => (first ? first[b].map((c) => `${prefix[b]}_${c.keys[0]}`) : []));
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
      notes.push(`Righe ${source === 'CASE' ? 'delle prese in carico' : 'delle accoglienze'} non incluse: non consentite al tuo profilo.`);
      continue;
    }
    for (const l of part.lines) lines.push([source, l.flag, l.since, l.minorPseudonym, l.placementId ?? null, l.structureCode ?? null, l.serviceId ?? null]);
    if (part.truncated) {
      lines.push(['NOTE', 'TRUNCATED', null, null, null, null, `${source} lines stopped at ${max}; more exist`]);
      notes.push(`Righe ${source === 'CASE' ? 'delle prese in carico' : 'delle accoglienze'} fermate a ${max} (stopped at ${max}): ce ne sono altre, restringi la ricerca.`);
    }
  }
  return {
    table: { header: DATA_QUALITY_HEADER, lines },
    filename: 'data-quality',
    // The note goes to the XLSX's "info" sheet, for people: in Italian (issue 18 item 2).
    note: `Segnalazioni di qualità dei dati del tuo ambito, pseudonime (docs/privacy.md §8). ${notes.join(' ')}`.trim(),
  };
}

export function toCsv(table: Table): string {
  return `${[table.header, ...table.lines].map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/*
 * The XLSX files are read by people (issue 18 item 2): Italian column headings
 * and Italian labels for the codes, true/false and the total line. The CSV
 * files are for programs and keep the stable English column names and codes
 * (README "Reporting"); both come from the same table, so they agree cell by
 * cell (`italianTable`).
 */
const HEADINGS_IT: Readonly<Record<string, string>> = {
  count: 'Numero',
  suppressed: 'Oscurato',
  AGE_BAND: 'Fascia di età',
  SEX: 'Sesso',
  CITIZENSHIP_GROUP: 'Cittadinanza',
  UNACCOMPANIED: 'Minore straniero non accompagnato',
  STRUCTURE_TYPE: 'Tipologia di struttura',
  PROVINCE: 'Provincia (codice ISTAT)',
  PLACEMENT_KIND: 'Tipo di accoglienza',
  DURATION_BAND: 'Durata',
  DISCHARGE_OUTCOME: 'Esito della dimissione',
  SERVICE: 'Servizio sociale',
  source: 'Fonte',
  flag: 'Segnalazione',
  since: 'Dal',
  minorPseudonym: 'Pseudonimo del minore',
  placementId: 'Id accoglienza',
  structureCode: 'Codice struttura',
  serviceId: 'Servizio sociale',
  code: 'Codice struttura',
  name: 'Denominazione',
  structureType: 'Tipologia di struttura',
  province: 'Provincia (codice ISTAT)',
  capacity: 'Posti autorizzati',
  hosted: 'Ospiti',
  entries: 'Ingressi',
  exits: 'Uscite',
  hosted_M: 'Ospiti maschi',
  hosted_F: 'Ospiti femmine',
  hosted_ITALIAN: 'Ospiti di cittadinanza italiana',
  hosted_FOREIGN: 'Ospiti di cittadinanza straniera',
};

/** Values written as words in the XLSX (the data-quality flags, groups, sources, yes/no). */
const VALUES_IT: Readonly<Record<string, string>> = {
  true: 'sì',
  false: 'no',
  TOTAL: 'Totale',
  NOTE: 'Nota',
  NOT_ALLOWED: 'Non consentito al profilo',
  TRUNCATED: 'Troncato',
  PLACEMENT: 'Accoglienza',
  CASE: 'Presa in carico',
  M: 'Maschio',
  F: 'Femmina',
  ITALIAN: 'Italiana',
  FOREIGN: 'Straniera',
  UNKNOWN: 'Non noto',
  EMERGENCY_OVER_LIMIT: 'Pronta accoglienza oltre il limite',
  NO_OPEN_CASE: 'Accolto da 30 giorni senza presa in carico aperta',
  STRUCTURE_OVER_CAPACITY: 'Struttura oltre i posti autorizzati',
  STRUCTURE_NOT_ACTIVE: 'Struttura non attiva',
  TRANSFER_GAP: 'Trasferimento senza ingresso nella nuova struttura',
  PLACEMENT_AFTER_FINAL_DISCHARGE: 'Accoglienza dopo una dimissione definitiva',
  CASE_WITHOUT_INTERVENTIONS: 'Presa in carico senza interventi',
};

const CODE_LIST_OF: Readonly<Record<string, 'PLACEMENT_KIND' | 'STRUCTURE_TYPE' | 'DISCHARGE_OUTCOME'>> = {
  PLACEMENT_KIND: 'PLACEMENT_KIND',
  STRUCTURE_TYPE: 'STRUCTURE_TYPE',
  structureType: 'STRUCTURE_TYPE',
  DISCHARGE_OUTCOME: 'DISCHARGE_OUTCOME',
};

/** An ISO date as dd/mm/yyyy. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The table as people read it: Italian headings, code labels, dd/mm/yyyy, sì/no (the CSV keeps the machine form). */
export function italianTable(table: Table): Table {
  const header = table.header.map((h) => HEADINGS_IT[h] ?? h);
  const lines = table.lines.map((line) =>
    line.map((v, i) => {
      if (typeof v !== 'string') return v;
      const list = CODE_LIST_OF[table.header[i]];
      const coded = list ? findCode(list, v)?.label : undefined;
      if (coded) return coded;
      if (v in VALUES_IT) return VALUES_IT[v];
      const d = ISO_DATE.exec(v);
      if (d) return `${d[3]}/${d[2]}/${d[1]}`;
      return v;
    }),
  );
  return { header, lines };
}

/** The XLSX for people: sheet "report" in Italian (italianTable), sheet "info" with the note. */
export async function toXlsx(table: Table, sheetName: string, note: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'sirmi-hub';
  const ws = wb.addWorksheet(sheetName);
  const it = italianTable(table);
  ws.addRow(it.header).font = { bold: true };
  for (const line of it.lines) ws.addRow(line.map((v) => (v === null ? null : v)));
  ws.columns.forEach((c, i) => {
    c.width = Math.min(45, Math.max(10, (it.header[i] ?? '').length + 2));
  });
  wb.addWorksheet('info').addRows([['Nota', note]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Format = 'csv' | 'xlsx';
type Built = { table: Table; filename: string; note: string } | { errors: readonly import('graphql').GraphQLFormattedError[] };

export function registerReportRoutes(app: express.Express, deps: { server: ApolloServer<GatewayContext>; contextFor: (req: express.Request) => GatewayContext; audit: AuditStore }): void {
  const run = createRun(deps.server);

  const report = async (ctx: GatewayContext, field: string, signature: string, args: string, variables: Record<string, unknown>, filename: string): Promise<Built> => {
    const result = await run<Record<string, ReportData>>(ctx, `query ReportExport(${signature}) { ${field}(${args}) { ${REPORT_FIELDS} } }`, variables);
    if (result.errors?.length || !result.data) return { errors: result.errors ?? [] };
    const r = result.data[field];
    return { table: reportTable(r), filename, note: `Generato il ${r.generatedAt}; le celle con valori da 1 a ${r.minCellSize - 1}, e quelle che permetterebbero di ricavarli, sono oscurate (docs/privacy.md §10).` };
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
    /**
     * docs/privacy.md §11 ISTAT_TRANSMISSION: the REGIONAL_ANALYST's yearly
     * transmission to ISTAT, without small-cell suppression, one line per
     * structure active in the year (zeros included). The purpose is signed
     * into the internal token for this download only (ASMI suppresses
     * everywhere else), and each download is audited (who, when, year; no
     * minor id) before the file leaves; if it cannot be, no file.
     */
    'istat-residential-transmission': async (ctx, q) => {
      const p = ctx.principal;
      if (p.role === 'ANONYMOUS') return { errors: [{ message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } }] };
      if (p.role !== 'REGIONAL_ANALYST') return { errors: [{ message: 'Only the regional analyst transmits the ISTAT table', extensions: { code: 'FORBIDDEN' } }] };
      const year = Number(one(q.year));
      const result = await run<{ istatResidentialTable: IstatData & { minCellSize: number } }>({ ...ctx, routePurpose: 'ISTAT_TRANSMISSION' }, ISTAT_QUERY, { year: Number.isInteger(year) ? year : null });
      if (result.errors?.length || !result.data) return { errors: result.errors ?? [] };
      try {
        await deps.audit.append([
          {
            subject: p.sub,
            role: p.role,
            organisation: null,
            operationName: 'IstatResidentialTransmission',
            operationHash: createHash('sha256').update(ISTAT_QUERY).digest('hex'),
            minorId: null,
            classesReturned: [],
            classesDenied: [],
            action: 'READ',
            requestId: ctx.requestId,
            purpose: 'ISTAT_TRANSMISSION',
            detail: `year=${year}`,
          },
        ]);
      } catch {
        return { errors: [{ message: 'The download could not be recorded in the audit trail, so no file is sent', extensions: { code: 'AUDIT_UNAVAILABLE' } }] };
      }
      return { table: istatTable(result.data.istatResidentialTable), filename: `istat-residential-transmission-${year}`, note: 'ISTAT transmission (docs/privacy.md §11): counts are not suppressed; every structure active in the year is listed.' };
    },
    'istat-residential': async (ctx, q) => {
      const year = Number(one(q.year));
      const result = await run<{ istatResidentialTable: IstatData & { minCellSize: number } }>(ctx, ISTAT_QUERY, { year: Number.isInteger(year) ? year : null });
      if (result.errors?.length || !result.data) return { errors: result.errors ?? [] };
      return { table: istatTable(result.data.istatResidentialTable), filename: `istat-residential-${year}`, note: 'Le celle oscurate sono vuote; la colonna «Oscurato» le elenca (docs/privacy.md §10).' };
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
