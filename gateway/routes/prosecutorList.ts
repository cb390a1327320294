import type express from 'express';
import type { ApolloServer } from '@apollo/server';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { GatewayContext } from '../context';
import { findCode } from '@shared/codes';
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
    structure { code name address municipality municipalityName managingEntity }
    year half periodStart periodEnd generatedOn
    rows {
      id admittedBeforePeriod dischargedAfterPeriod minorPseudonym minorBirthDate minorSex minorCitizenship identityNote
      placement { admissionDate dischargeDate kind legalBasis courtOrderReference referringService minor { fiscalCode firstName lastName }
        careObservations { date familyRelations parentsResidenceMunicipality psychophysicalCondition } }
    }
  }
}`;

/**
 * The art. 9 content the privacy work (issue 13) adds to each row: the care
 * observations (parents' place of residence, relations with the family,
 * psycho-physical condition). Not in the query until ASMI serves them; the
 * columns are in the document already, empty until then.
 */
export interface CareObservations {
  readonly parentsResidence?: string | null;
  readonly familyRelations?: string | null;
  readonly psychoPhysicalCondition?: string | null;
}

export interface ProsecutorListData {
  structure: { code: string; name: string | null; address?: string | null; municipality?: string | null; municipalityName?: string | null; managingEntity?: string | null };
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
    care?: CareObservations | null;
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

/** The art. 9 content of a row for the document: names and labels, not codes (the code itself when unknown). */
function careOf(r: Row): CareObservations | undefined {
  const o = latest(r);
  if (!o) return r.care ?? undefined;
  const municipality = o.parentsResidenceMunicipality ? findCode('MUNICIPALITY', o.parentsResidenceMunicipality)?.label ?? o.parentsResidenceMunicipality : '';
  const relations = o.familyRelations ? findCode('FAMILY_RELATIONS', o.familyRelations)?.label ?? o.familyRelations : '';
  return { parentsResidence: municipality, familyRelations: relations, psychoPhysicalCondition: o.psychophysicalCondition };
}

/** dd/mm/yyyy, the form of Italian official documents (empty for no date). */
export function italianDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The label of a code in its list (Italian, shared/codes), the code itself when unknown. */
function label(list: 'PLACEMENT_KIND' | 'LEGAL_BASIS', code: string | null | undefined): string {
  if (!code) return '';
  return findCode(list, code)?.label ?? code;
}

/**
 * The citizenship's name. The hub has no list of ISTAT country codes yet, so
 * only Italy (100) is named; another state is written with its ISTAT code.
 */
export function citizenshipName(code: string | null | undefined): string {
  if (!code) return '';
  return code === '100' ? 'italiana' : `estera (Stato ISTAT ${code})`;
}

const sexLabel = (s: string | null | undefined) => (s === 'F' ? 'F' : s === 'M' ? 'M' : '');

/** Why a row has no identity: in Italian for the document (ASMI's note is for developers). */
const IDENTITY_NOTE_IT = 'Minore dimesso da oltre 30 giorni: i dati identificativi non sono più visibili alla struttura e sono conservati dal servizio sociale titolare del caso.';

const minorName = (r: Row) => {
  const m = r.placement?.minor;
  return m?.lastName || m?.firstName ? [m.lastName, m.firstName].filter(Boolean).join(' ') : '';
};

/**
 * CSV columns (Italian headings: the file goes with the PDF to the Procura,
 * issue 18 item 1), in order, and how each is read from a row. Codes are
 * written as their labels and dates as dd/mm/yyyy; the placement id stays as
 * the last column for reconciliation.
 */
export const PROSECUTOR_LIST_COLUMNS: readonly (readonly [string, (r: Row, l: ProsecutorListData) => unknown])[] = [
  ['Struttura', (_r, l) => l.structure.name ?? l.structure.code],
  ['Codice regionale struttura', (_r, l) => l.structure.code],
  ['Dal', (_r, l) => italianDate(l.periodStart)],
  ['Al', (_r, l) => italianDate(l.periodEnd)],
  ['Cognome', (r) => r.placement?.minor?.lastName],
  ['Nome', (r) => r.placement?.minor?.firstName],
  ['Codice fiscale', (r) => r.placement?.minor?.fiscalCode],
  ['Data di nascita', (r) => italianDate(r.minorBirthDate)],
  ['Sesso', (r) => sexLabel(r.minorSex)],
  ['Cittadinanza', (r) => citizenshipName(r.minorCitizenship)],
  ['Data di ingresso', (r) => italianDate(r.placement?.admissionDate)],
  ['Data di dimissione', (r) => italianDate(r.placement?.dischargeDate)],
  ['Accolto prima del semestre', (r) => (r.admittedBeforePeriod === null ? '' : r.admittedBeforePeriod ? 'sì' : 'no')],
  ['Ancora accolto a fine semestre', (r) => (r.dischargedAfterPeriod === null ? '' : r.dischargedAfterPeriod ? 'sì' : 'no')],
  ['Tipo di accoglienza', (r) => label('PLACEMENT_KIND', r.placement?.kind)],
  ['Base giuridica', (r) => label('LEGAL_BASIS', r.placement?.legalBasis)],
  ['Estremi del provvedimento', (r) => r.placement?.courtOrderReference],
  ['Servizio inviante', (r) => r.placement?.referringService],
  ['Luogo di residenza dei genitori', (r) => careOf(r)?.parentsResidence],
  ['Rapporti con la famiglia', (r) => careOf(r)?.familyRelations],
  ['Condizioni psicofisiche', (r) => careOf(r)?.psychoPhysicalCondition],
  ['Pseudonimo', (r) => r.minorPseudonym],
  ['Note', (r) => (r.identityNote ? IDENTITY_NOTE_IT : '')],
  ['Id accoglienza', (r) => r.id],
];

/** RFC 4180: a header row, CRLF line ends, fields quoted when needed (csvField). */
export function prosecutorListCsv(list: ProsecutorListData): string {
  const lines = [PROSECUTOR_LIST_COLUMNS.map(([name]) => csvField(name)).join(','), ...list.rows.map((r) => PROSECUTOR_LIST_COLUMNS.map(([, get]) => csvField(get(r, list))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** Standard PDF fonts write WinAnsi only: other characters become '?' (typographic quotes and dashes are WinAnsi). */
function winAnsi(text: string): string {
  return text.replace(/[^\x20-\x7E\xA0-\xFF\u2018\u2019\u201C\u201D\u2013\u2014\u2026\u20AC]/g, '?');
}

/** The text broken into lines that fit the width (words kept whole unless one alone is too wide). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n').map(winAnsi)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      let w = word;
      while (font.widthOfTextAtSize(w, size) > width && w.length > 1) {
        let cut = w.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(w.slice(0, cut), size) > width) cut--;
        out.push(w.slice(0, cut));
        w = w.slice(cut);
      }
      line = w;
    }
    out.push(line);
  }
  return out;
}

/** PDF columns: Italian heading, width (points; 770 in all), value. The last three are the art. 9 content. */
const PDF_COLUMNS: readonly (readonly [string, number, (r: Row, i: number) => string])[] = [
  ['N.', 20, (_r, i) => String(i + 1)],
  ['Minore (cognome e nome, codice fiscale)', 110, (r) => {
    const name = minorName(r);
    if (name) return name + (r.placement?.minor?.fiscalCode ? `\n${r.placement.minor.fiscalCode}` : '');
    return r.identityNote ? IDENTITY_NOTE_IT : '';
  }],
  ['Nascita, sesso, cittadinanza', 70, (r) => [italianDate(r.minorBirthDate), sexLabel(r.minorSex), citizenshipName(r.minorCitizenship)].filter(Boolean).join('\n')],
  ['Ingresso', 52, (r) => italianDate(r.placement?.admissionDate) + (r.admittedBeforePeriod ? '\n(prima del semestre)' : '')],
  ['Dimissione', 52, (r) => (r.placement?.dischargeDate ? italianDate(r.placement.dischargeDate) : r.placement ? 'ancora accolto' : '')],
  ['Tipo di accoglienza', 66, (r) => label('PLACEMENT_KIND', r.placement?.kind)],
  ['Base giuridica ed estremi del provvedimento', 90, (r) => [label('LEGAL_BASIS', r.placement?.legalBasis), r.placement?.courtOrderReference].filter(Boolean).join('\n')],
  ['Servizio inviante', 60, (r) => r.placement?.referringService ?? ''],
  ['Luogo di residenza dei genitori', 80, (r) => careOf(r)?.parentsResidence ?? ''],
  ['Rapporti con la famiglia', 80, (r) => careOf(r)?.familyRelations ?? ''],
  ['Condizioni psicofisiche', 90, (r) => careOf(r)?.psychoPhysicalCondition ?? ''],
];

const HALF_NAME = ['', 'primo semestre', 'secondo semestre'];

/**
 * The list as the official document a structure signs and sends to the
 * Procura della Repubblica presso il Tribunale per i minorenni (L. 184/1983
 * art. 9 c. 2; issue 18 item 1): A4 landscape, in Italian; addressee, title,
 * the structure's name, address, managing entity and legal representative (a
 * blank line to fill: the registry has no such field), the half-year; a table
 * whose cells wrap (no truncated heading or value), header repeated on every
 * page; place, date and signature block after the last row; "Pagina N di M".
 */
export async function prosecutorListPdf(list: ProsecutorListData): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Elenco semestrale minori ospitati ${list.structure.code} ${list.year} S${list.half}`);
  doc.setLanguage('it-IT');
  doc.setCreator('sirmi-hub');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const [W, H] = [841.89, 595.28];
  const margin = 36;
  const size = 7.5;
  const lineH = 9.5;
  const footerY = margin - 14;
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const grey = rgb(0.35, 0.35, 0.35);
  const s = list.structure;
  const place = s.municipalityName ?? '';

  const text = (t: string, x: number, size_: number, f: PDFFont = font, color = rgb(0, 0, 0)) => page.drawText(winAnsi(t), { x, y, size: size_, font: f, color });
  // Columns' x positions.
  const xs: number[] = [];
  PDF_COLUMNS.reduce((x, [, width]) => (xs.push(x), x + width), margin);
  const tableHeader = () => {
    const cells = PDF_COLUMNS.map(([title, width]) => wrap(title, bold, size, width - 4));
    const lines = Math.max(...cells.map((c) => c.length));
    cells.forEach((c, col) => c.forEach((l, j) => page.drawText(l, { x: xs[col], y: y - j * lineH, size, font: bold })));
    y -= (lines - 1) * lineH + 4;
    page.drawLine({ start: { x: margin, y }, end: { x: W - margin, y }, thickness: 0.6, color: grey });
    y -= lineH;
  };

  const newPage = () => {
    page = doc.addPage([W, H]);
    pages.push(page);
    y = H - margin;
    if (pages.length === 1) {
      text('Alla Procura della Repubblica', W - margin - 250, 10, bold);
      y -= 12;
      text('presso il Tribunale per i minorenni', W - margin - 250, 10, bold);
      y -= 22;
      text('Elenco semestrale dei minori ospitati', margin, 15, bold);
      y -= 14;
      text('(art. 9, comma 2, legge 4 maggio 1983, n. 184)', margin, 10);
      y -= 20;
      const facts: [string, string][] = [
        ['Struttura', `${s.name ?? s.code} (codice regionale ${s.code})`],
        ['Sede', [s.address, place].filter(Boolean).join(', ')],
        ['Ente gestore', s.managingEntity ?? ''],
        ['Legale rappresentante', '_______________________________________________'],
        ['Periodo', `${HALF_NAME[list.half] ?? `semestre ${list.half}`} ${list.year}, dal ${italianDate(list.periodStart)} al ${italianDate(list.periodEnd)}`],
        ['Minori elencati', String(list.rows.length)],
      ];
      for (const [k, v] of facts) {
        text(`${k}:`, margin, 9.5, bold);
        text(v, margin + 120, 9.5);
        y -= 13;
      }
      y -= 8;
    }
    tableHeader();
  };

  newPage();
  if (list.rows.length === 0) {
    text('Nessun minore è stato ospitato nel semestre.', margin, 10);
    y -= lineH;
  }
  list.rows.forEach((r, i) => {
    const cells = PDF_COLUMNS.map(([, width, value]) => wrap(value(r, i), font, size, width - 4));
    const lines = Math.max(...cells.map((c) => c.length));
    if (y - lines * lineH < margin + 8) newPage();
    cells.forEach((c, col) => c.forEach((l, j) => page.drawText(l, { x: xs[col], y: y - j * lineH, size, font })));
    y -= lines * lineH - lineH + 4;
    page.drawLine({ start: { x: margin, y }, end: { x: W - margin, y }, thickness: 0.3, color: rgb(0.7, 0.7, 0.7) });
    y -= lineH;
  });

  // Place, date and signature, after the last row.
  if (y - 90 < margin + 8) {
    page = doc.addPage([W, H]);
    pages.push(page);
    y = H - margin;
  }
  y -= 16;
  text(`Luogo e data: ${place ? `${place}, ` : ''}${italianDate(list.generatedOn)}`, margin, 10);
  text('Il legale rappresentante', W - margin - 250, 10);
  y -= 12;
  text('(timbro e firma)', W - margin - 250, 8.5, font, grey);
  y -= 36;
  page.drawLine({ start: { x: W - margin - 250, y }, end: { x: W - margin, y }, thickness: 0.6 });

  pages.forEach((p, i) => {
    p.drawText(winAnsi(`Elenco semestrale per la Procura - ${s.name ?? s.code} - ${HALF_NAME[list.half] ?? ''} ${list.year} - generato il ${italianDate(list.generatedOn)}`), { x: margin, y: footerY, size: 7.5, font, color: grey });
    const n = `Pagina ${i + 1} di ${pages.length}`;
    p.drawText(n, { x: W - margin - font.widthOfTextAtSize(n, 8), y: footerY, size: 8, font, color: grey });
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
