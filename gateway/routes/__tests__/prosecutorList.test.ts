import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { PROSECUTOR_LIST_COLUMNS, prosecutorListCsv, prosecutorListPdf, type ProsecutorListData } from '../prosecutorList';
import { parseCsv } from '../../../test/support/csv';

const row = (i: number, over: Partial<ProsecutorListData['rows'][number]> = {}): ProsecutorListData['rows'][number] => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  admittedBeforePeriod: false,
  dischargedAfterPeriod: true,
  minorPseudonym: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  minorBirthDate: '2010-01-01',
  minorSex: 'F',
  minorCitizenship: '100',
  identityNote: null,
  placement: { admissionDate: '2024-01-02', dischargeDate: null, kind: 'ORDINARY', legalBasis: 'CONSENSUAL', courtOrderReference: null, referringService: 'S1', minor: { fiscalCode: null, firstName: 'Anna', lastName: 'Rossi' } },
  ...over,
});
const list = (rows: ProsecutorListData['rows']): ProsecutorListData => ({ structure: { code: 'X-1', name: 'Comunità “Il Faro”', address: 'Via dei Gelsi 12', municipality: '058091', municipalityName: 'Roma', managingEntity: 'Cooperativa Sociale Il Ponte' }, year: 2024, half: 1, periodStart: '2024-01-01', periodEnd: '2024-06-30', generatedOn: '2024-07-05', rows });

describe('prosecutor list files', () => {
  it('writes RFC 4180 CSV: header row, CRLF, quotes around commas, quotes and line breaks', () => {
    const l = list([row(1, { placement: { ...row(1).placement!, minor: { fiscalCode: null, firstName: 'A, "B"', lastName: 'C\nD' } } }), row(2, { placement: null, identityNote: 'held elsewhere' })]);
    const text = prosecutorListCsv(l);
    const [header, first, second] = parseCsv(text);
    expect(header).toEqual(PROSECUTOR_LIST_COLUMNS.map(([n]) => n));
    expect(first[header.indexOf('Nome')]).toBe('A, "B"');
    expect(first[header.indexOf('Cognome')]).toBe('C\nD');
    // Italian for the Procura (issue 18 item 1): labels, not codes; dd/mm/yyyy; the citizenship named.
    expect(first[header.indexOf('Tipo di accoglienza')]).toBe('Accoglienza ordinaria');
    expect(first[header.indexOf('Base giuridica')]).toMatch(/^Consensuale/);
    expect(first[header.indexOf('Data di ingresso')]).toBe('02/01/2024');
    expect(first[header.indexOf('Cittadinanza')]).toBe('italiana');
    expect(header).toEqual(expect.arrayContaining(['Luogo di residenza dei genitori', 'Rapporti con la famiglia', 'Condizioni psicofisiche']));
    expect(second[header.indexOf('Data di ingresso')]).toBe('');
    expect(second[header.indexOf('Note')]).toMatch(/servizio sociale titolare del caso/);
  });

  it('breaks a long list over several A4 pages and writes characters outside WinAnsi as "?"', async () => {
    const bytes = await prosecutorListPdf(list(Array.from({ length: 120 }, (_, i) => row(i, i % 3 === 0 ? { placement: null, identityNote: 'Identity held elsewhere' } : { placement: { ...row(i).placement!, minor: { fiscalCode: null, firstName: 'Zoë 李', lastName: 'Ñandú' } } }))));
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThan(2);
    for (const p of doc.getPages()) expect([Math.round(p.getWidth()), Math.round(p.getHeight())]).toEqual([842, 595]);
  });

  it('writes an empty list as one page', async () => {
    expect((await PDFDocument.load(await prosecutorListPdf(list([])))).getPageCount()).toBe(1);
  });
});

/** pdftoppm / pdftotext (poppler-utils) read the PDF back as a person would see it. */
function poppler(tool: 'pdftoppm' | 'pdftotext', args: string[]): void {
  try {
    execFileSync(tool, args, { stdio: 'pipe' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${tool} not found: this test renders the prosecutor list's PDF with poppler-utils. Install it with "apt-get install -y poppler-utils".`);
    throw err;
  }
}

/** The PDF's text (pdftotext -raw: in drawing order, so a wrapped cell reads as one phrase) and its first page rendered to PNG (pdftoppm). */
async function readBack(bytes: Uint8Array, dpi = 60): Promise<{ text: string; png: Buffer }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prosecutor-list-'));
  try {
    const pdf = path.join(dir, 'list.pdf');
    fs.writeFileSync(pdf, bytes);
    poppler('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, path.join(dir, 'list.txt')]);
    poppler('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, path.join(dir, 'page1')]);
    return { text: fs.readFileSync(path.join(dir, 'list.txt'), 'utf8'), png: fs.readFileSync(path.join(dir, 'page1.png')) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the prosecutor list as an Italian official document (issue 18 item 1), rendered and read back', () => {
  const rows = [
    row(1, { placement: { ...row(1).placement!, minor: { fiscalCode: 'RSSNNA10A41H501X', firstName: 'Anna', lastName: 'Rossi' } } }),
    row(2, { admittedBeforePeriod: true, placement: { ...row(2).placement!, admissionDate: '2023-11-20', dischargeDate: '2024-03-15', kind: 'EMERGENCY', legalBasis: 'COURT_ORDER', courtOrderReference: 'Decreto TM Roma n. 123/2023 del 18/11/2023', minor: { fiscalCode: null, firstName: 'Karim', lastName: 'Haddad' } }, minorCitizenship: '404', minorSex: 'M' }),
    row(3, { placement: null, identityNote: 'held elsewhere' }),
  ];

  it('is in Italian: addressee, title, structure, legal representative line, period, labels, dd/mm/yyyy, art. 9 columns, place, date, signature, Pagina N di M', async () => {
    const bytes = await prosecutorListPdf(list(rows));
    const { text, png } = await readBack(bytes, process.env.UPDATE_SCREENSHOTS === '1' ? 80 : 40);
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'Alla Procura della Repubblica',
      'presso il Tribunale per i minorenni',
      'Elenco semestrale dei minori ospitati',
      'art. 9, comma 2, legge 4 maggio 1983, n. 184',
      'Comunità “Il Faro” (codice regionale X-1)',
      'Via dei Gelsi 12, Roma',
      'Cooperativa Sociale Il Ponte',
      'Legale rappresentante: ____',
      'primo semestre 2024, dal 01/01/2024 al 30/06/2024',
      'Rossi Anna',
      'RSSNNA10A41H501X',
      '02/01/2024',
      '20/11/2023',
      '15/03/2024',
      'Accoglienza ordinaria',
      'Pronta accoglienza',
      'Giudiziale',
      'Decreto TM Roma n. 123/2023',
      'italiana',
      "Costa d'Avorio", // the country's name from the ISTAT list (issue 18 item 6), not its code 404
      'servizio sociale titolare del caso',
      'Luogo e data: Roma, 05/07/2024',
      'Il legale rappresentante',
      '(timbro e firma)',
      'Pagina 1 di 1',
    ]) {
      expect(flat).toContain(expected);
    }
    // The art. 9 content columns, headings whole (no ellipsis).
    for (const heading of ['residenza dei genitori', 'Rapporti con la famiglia', 'Condizioni psicofisiche', 'Tipo di accoglienza']) expect(flat).toContain(heading);
    expect(flat).not.toMatch(/ORDINARY|COURT_ORDER|CONSENSUAL|2024-01-02|Six-monthly|Half-year|Legal basis|Stato ISTAT|\.\.\./);
    // A real PNG of the first page (what the README shows).
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(5_000);
    if (process.env.UPDATE_SCREENSHOTS === '1') fs.writeFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'screenshots', 'prosecutor-list-pdf.png'), png);
  });

  it('numbers every page "Pagina N di M" and signs after the last row', async () => {
    const bytes = await prosecutorListPdf(list(Array.from({ length: 60 }, (_, i) => row(i))));
    const pages = (await PDFDocument.load(bytes)).getPageCount();
    expect(pages).toBeGreaterThan(1);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prosecutor-list-'));
    try {
      fs.writeFileSync(path.join(dir, 'l.pdf'), bytes);
      const pageText = (n: number) => {
        poppler('pdftotext', ['-f', String(n), '-l', String(n), '-enc', 'UTF-8', path.join(dir, 'l.pdf'), path.join(dir, `p${n}.txt`)]);
        return fs.readFileSync(path.join(dir, `p${n}.txt`), 'utf8');
      };
      expect(pageText(1)).toContain(`Pagina 1 di ${pages}`);
      expect(pageText(1)).not.toContain('(timbro e firma)');
      expect(pageText(2)).toContain('Condizioni psicofisiche'); // the header again
      expect(pageText(pages)).toContain(`Pagina ${pages} di ${pages}`);
      expect(pageText(pages)).toContain('(timbro e firma)');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
