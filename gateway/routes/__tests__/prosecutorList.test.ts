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
const list = (rows: ProsecutorListData['rows']): ProsecutorListData => ({ structure: { code: 'X-1', name: 'Comunità “Il Faro”' }, year: 2024, half: 1, periodStart: '2024-01-01', periodEnd: '2024-06-30', generatedOn: '2024-07-05', rows });

describe('prosecutor list files', () => {
  it('writes RFC 4180 CSV: header row, CRLF, quotes around commas, quotes and line breaks', () => {
    const l = list([row(1, { placement: { ...row(1).placement!, minor: { fiscalCode: null, firstName: 'A, "B"', lastName: 'C\nD' } } }), row(2, { placement: null, identityNote: 'held elsewhere' })]);
    const text = prosecutorListCsv(l);
    const [header, first, second] = parseCsv(text);
    expect(header).toEqual(PROSECUTOR_LIST_COLUMNS.map(([n]) => n));
    expect(first[header.indexOf('firstName')]).toBe('A, "B"');
    expect(first[header.indexOf('lastName')]).toBe('C\nD');
    expect(second[header.indexOf('admissionDate')]).toBe('');
    expect(second[header.indexOf('note')]).toBe('held elsewhere');
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
