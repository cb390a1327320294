import type express from 'express';
import type { ApolloServer } from '@apollo/server';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { GatewayContext } from '../context';
import { callerContext, createRun, csvField, sendError } from './downloads';

/*
 * GET /reports/prosecutor-list/:structureCode/:year/:half.csv and .pdf — the
 * six-monthly list a structure owes the juvenile prosecutor (L. 184/1983
 * art. 9 c. 2), as files. Each runs the GraphQL query `prosecutorList`
 * through the same server with the caller's own token, like the routes of
 * downloads.ts: only the structure's operator gets it (FORBIDDEN otherwise),
 * the privacy engine masks per row what the operator may no longer read, and
 * the audit trail records the read. A masked value is an empty cell.
 */

export const PROSECUTOR_LIST_QUERY = `query ProsecutorListDownload($structureCode: ID!, $year: Int!, $half: Int!) {
  prosecutorList(structureCode: $structureCode, year: $year, half: $half) {
    structure { code name }
    year half periodStart periodEnd generatedOn
    rows {
      id admittedBeforePeriod dischargedAfterPeriod minorPseudonym minorBirthDate minorSex minorCitizenship identityNote
      placement { admissionDate dischargeDate kind legalBasis courtOrderReference referringService minor { fiscalCode firstName lastName }
        careObservations { date familyRelations parentsResidenceMunicipality psychophysicalCondition } }
    }
  }
}`;

export interface ProsecutorListData {
  structure: { code: string; name: string | null };
  year: number;
  half: number;
  periodStart: string;
  periodEnd: string;
  generatedOn: string;
  rows: {
    id: string;
    admittedBeforePeriod: boolean | null;
    dischargedAfterPeriod: boolean | null;
    minorPseudonym: string | null;
    minorBirthDate: string | null;
    minorSex: string | null;
    minorCitizenship: string | null;
    identityNote: string | null;
    placement: {
      admissionDate: string | null;
      dischargeDate: string | null;
      kind: string | null;
      legalBasis: string | null;
      courtOrderReference: string | null;
      referringService: string | null;
      minor: { fiscalCode: string | null; firstName: string | null; lastName: string | null } | null;
      careObservations?: { date: string | null; familyRelations: string | null; parentsResidenceMunicipality: string | null; psychophysicalCondition: string | null }[] | null;
    } | null;
  }[];
}

type Row = ProsecutorListData['rows'][number];

/** The latest care observation of a row's placement (L. 184/1983 art. 9: family relations, parents' residence, condition). */
const latest = (r: Row) => {
  const all = r.placement?.careObservations ?? [];
  return all.length ? all[all.length - 1] : undefined;
};

/** CSV columns, in order, and how each is read from a row of the GraphQL result. */
export const PROSECUTOR_LIST_COLUMNS: readonly (readonly [string, (r: Row, l: ProsecutorListData) => unknown])[] = [
  ['structureCode', (_r, l) => l.structure.code],
  ['periodStart', (_r, l) => l.periodStart],
  ['periodEnd', (_r, l) => l.periodEnd],
  ['placementId', (r) => r.id],
  ['admissionDate', (r) => r.placement?.admissionDate],
  ['dischargeDate', (r) => r.placement?.dischargeDate],
  ['admittedBeforePeriod', (r) => r.admittedBeforePeriod],
  ['dischargedAfterPeriod', (r) => r.dischargedAfterPeriod],
  ['kind', (r) => r.placement?.kind],
  ['legalBasis', (r) => r.placement?.legalBasis],
  ['courtOrderReference', (r) => r.placement?.courtOrderReference],
  ['referringService', (r) => r.placement?.referringService],
  ['fiscalCode', (r) => r.placement?.minor?.fiscalCode],
  ['lastName', (r) => r.placement?.minor?.lastName],
  ['firstName', (r) => r.placement?.minor?.firstName],
  ['minorPseudonym', (r) => r.minorPseudonym],
  ['minorBirthDate', (r) => r.minorBirthDate],
  ['minorSex', (r) => r.minorSex],
  ['minorCitizenship', (r) => r.minorCitizenship],
  ['familyRelations', (r) => latest(r)?.familyRelations],
  ['parentsResidenceMunicipality', (r) => latest(r)?.parentsResidenceMunicipality],
  ['psychophysicalCondition', (r) => latest(r)?.psychophysicalCondition],
  ['observedOn', (r) => latest(r)?.date],
  ['note', (r) => r.identityNote],
];

/** RFC 4180: a header row, CRLF line ends, fields quoted when needed (csvField). */
export function prosecutorListCsv(list: ProsecutorListData): string {
  const lines = [PROSECUTOR_LIST_COLUMNS.map(([name]) => name).join(','), ...list.rows.map((r) => PROSECUTOR_LIST_COLUMNS.map(([, get]) => csvField(get(r, list))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** Standard PDF fonts write WinAnsi only: other characters become '?'. */
function winAnsi(text: string): string {
  return text.replace(/[^\x20-\x7E\xA0-\xFF]/g, '?');
}

/** The text cut to fit the width, with an ellipsis. */
function fit(text: string, font: PDFFont, size: number, width: number): string {
  let t = winAnsi(text);
  if (font.widthOfTextAtSize(t, size) <= width) return t;
  while (t.length > 0 && font.widthOfTextAtSize(`${t}...`, size) > width) t = t.slice(0, -1);
  return `${t}...`;
}

const yesNo = (b: boolean | null) => (b === null ? '' : b ? 'yes' : 'no');

/** PDF columns: header, width (points), value. */
const PDF_COLUMNS: readonly (readonly [string, number, (r: Row, i: number) => string])[] = [
  ['#', 22, (_r, i) => String(i + 1)],
  ['Admission', 58, (r) => r.placement?.admissionDate ?? ''],
  ['Discharge', 58, (r) => r.placement?.dischargeDate ?? ''],
  ['Before / after period', 62, (r) => (r.admittedBeforePeriod === null ? '' : `${yesNo(r.admittedBeforePeriod)} / ${yesNo(r.dischargedAfterPeriod)}`)],
  ['Kind', 70, (r) => r.placement?.kind ?? ''],
  ['Legal basis', 70, (r) => r.placement?.legalBasis ?? ''],
  ['Court order', 80, (r) => r.placement?.courtOrderReference ?? ''],
  ['Referring service', 70, (r) => r.placement?.referringService ?? ''],
  [
    'Minor',
    170,
    (r) => {
      const m = r.placement?.minor;
      if (m?.lastName || m?.firstName) return [m.lastName, m.firstName].filter(Boolean).join(' ') + (m.fiscalCode ? ` (${m.fiscalCode})` : '');
      return r.minorPseudonym ? `pseudonym ${r.minorPseudonym}` : '';
    },
  ],
  ['Born / sex / citiz.', 95, (r) => [r.minorBirthDate, r.minorSex, r.minorCitizenship].filter(Boolean).join(' / ')],
];

/**
 * A4 landscape; title with the structure and the half-year, a table with the
 * header repeated on every page, the note of each row whose minor the
 * operator no longer hosts under it, page numbers and the generation date in
 * the footer.
 */
export async function prosecutorListPdf(list: ProsecutorListData): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Prosecutor list ${list.structure.code} ${list.year} H${list.half}`);
  doc.setCreator('sirmi-hub');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const [W, H] = [841.89, 595.28];
  const margin = 36;
  const size = 8;
  const lineH = 12;
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;

  const tableHeader = () => {
    let x = margin;
    for (const [title, width] of PDF_COLUMNS) {
      page.drawText(fit(title, bold, size, width - 4), { x, y, size, font: bold });
      x += width;
    }
    y -= 4;
    page.drawLine({ start: { x: margin, y }, end: { x: W - margin, y }, thickness: 0.5, color: rgb(0.3, 0.3, 0.3) });
    y -= lineH;
  };
  const newPage = () => {
    page = doc.addPage([W, H]);
    pages.push(page);
    y = H - margin;
    if (pages.length === 1) {
      page.drawText(winAnsi('Six-monthly list of minors hosted (L. 184/1983 art. 9) - for the juvenile prosecutor'), { x: margin, y, size: 14, font: bold });
      y -= 20;
      page.drawText(fit(`Structure ${list.structure.code}${list.structure.name ? ` - ${list.structure.name}` : ''}`, font, 11, W - 2 * margin), { x: margin, y, size: 11, font });
      y -= 15;
      page.drawText(`Half-year ${list.half} of ${list.year}: ${list.periodStart} to ${list.periodEnd}    Placements listed: ${list.rows.length}`, { x: margin, y, size: 11, font });
      y -= 22;
    }
    tableHeader();
  };

  newPage();
  if (list.rows.length === 0) page.drawText('No minor was hosted in the half-year.', { x: margin, y, size: 10, font });
  list.rows.forEach((r, i) => {
    const o = latest(r);
    const needed = (1 + (r.identityNote ? 1 : 0) + (o ? 1 : 0)) * lineH;
    if (y - needed < margin + 20) newPage();
    let x = margin;
    for (const [, width, value] of PDF_COLUMNS) {
      page.drawText(fit(value(r, i), font, size, width - 4), { x, y, size, font });
      x += width;
    }
    y -= lineH;
    if (o) {
      const text = `Family relations: ${o.familyRelations ?? ''}; parents' residence: ${o.parentsResidenceMunicipality ?? ''}; condition: ${o.psychophysicalCondition ?? ''} (${o.date ?? ''})`;
      page.drawText(fit(text, font, size - 1, W - 2 * margin - 22), { x: margin + 22, y: y + 2, size: size - 1, font });
      y -= lineH;
    }
    if (r.identityNote) {
      page.drawText(fit(`Note: ${r.identityNote}.`, font, size - 1, W - 2 * margin - 22), { x: margin + 22, y: y + 2, size: size - 1, font, color: rgb(0.35, 0.35, 0.35) });
      y -= lineH;
    }
  });
  pages.forEach((p, i) => {
    p.drawText(`Generated on ${list.generatedOn} by sirmi-hub - page ${i + 1} of ${pages.length}`, { x: margin, y: margin - 16, size: 8, font, color: rgb(0.35, 0.35, 0.35) });
  });
  return doc.save();
}

/** 400 BAD_USER_INPUT naming the path parameter. */
function badPath(res: express.Response, field: 'year' | 'half', message: string): void {
  sendError(res, [{ message, extensions: { code: 'BAD_USER_INPUT', field } }]);
}

export function registerProsecutorListRoutes(app: express.Express, deps: { server: ApolloServer<GatewayContext>; contextFor: (req: express.Request) => GatewayContext }): void {
  const run = createRun(deps.server);
  app.get('/reports/prosecutor-list/:structureCode/:year/:file', async (req, res) => {
    const file = /^([^.]*)\.(csv|pdf)$/.exec(req.params.file);
    if (!file) {
      res.status(404).json({ errors: [{ message: 'The list is served as .csv or .pdf', extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    const [, halfText, format] = file;
    if (!/^\d{1,4}$/.test(req.params.year)) return badPath(res, 'year', 'year must be a year, e.g. 2024');
    if (!/^\d{1,2}$/.test(halfText)) return badPath(res, 'half', 'half must be 1 (January to June) or 2 (July to December)');
    const ctx = callerContext(req, res, deps.contextFor);
    if (!ctx) return;
    const result = await run<{ prosecutorList: ProsecutorListData | null }>(ctx, PROSECUTOR_LIST_QUERY, {
      structureCode: req.params.structureCode,
      year: Number(req.params.year),
      half: Number(halfText),
    });
    const list = result.data?.prosecutorList;
    // Masked fields come with UNAUTHORIZED_FIELD_OR_TYPE errors and the list itself: they are empty cells, not a failure.
    // Any other error (SINBA or ASSO not answering) fails the download: a list with silently empty identities must not pass for complete.
    const failures = (result.errors ?? []).filter((e) => e.extensions?.code !== 'UNAUTHORIZED_FIELD_OR_TYPE');
    if (!list || failures.length > 0) return sendError(res, failures.length > 0 ? failures : (result.errors ?? []));
    const name = `prosecutor-list-${list.structure.code.replace(/[^A-Za-z0-9_-]/g, '_')}-${list.year}-H${list.half}.${format}`;
    res.set('Cache-Control', 'no-store').set('Content-Disposition', `attachment; filename="${name}"`);
    if (format === 'csv') {
      res.status(200).type('text/csv; charset=utf-8').send(prosecutorListCsv(list));
      return;
    }
    res.status(200).type('application/pdf').send(Buffer.from(await prosecutorListPdf(list)));
  });
}
