import { fakerIT } from '@faker-js/faker';
import { findCode, getCodeList, isEntryValidOn } from '@shared/codes';
import type { CodeEntry } from '@shared/codes';
import { Rng, Weighted, ageOnDay, birthdayDay, dayToIso } from './random';
import { COUNTRIES, LAZIO_PROVINCES, SERVICES_BY_PROVINCE, loadPlaces, type Place } from './places';
import { uniqueFiscalCode } from './fiscalCode';

/*
 * The synthetic regional data set, built in memory before it is written:
 * structures with their acts (ASSO), minors, cases and interventions (SINBA),
 * placements (ASMI). Every rule the services enforce holds by construction
 * (see docs/benchmarks.md "Generator"), so the rows can be written straight
 * into the tables.
 */

export interface GenerateOptions {
  readonly minors: number;
  readonly seed: number;
  /** Last day of the history (inclusive): placements still open on it are open in the data. */
  readonly until: number;
  /** Years of history before `until`. */
  readonly years: number;
}

export interface StructureRow {
  code: string;
  name: string;
  type: string;
  municipality: string;
  province: string;
  address: string;
  managingEntity: string;
  managingEntityTaxCode: string;
  capacity: number;
  emergencyCapacity: number;
  minAge: number;
  maxAge: number;
  contactEmail: string;
  registeredOn: number;
  /** Status windows (day numbers): authorised from `activeFrom`, not ACTIVE inside each [from, to). */
  activeFrom: number;
  blocked: { from: number; to: number }[];
}

export interface ActRow {
  id: string;
  structureCode: string;
  kind: string;
  number: string;
  date: number;
  validFrom: number;
  validTo: number | null;
  issuingBody: string;
}

export interface MinorRow {
  id: string;
  fiscalCode: string;
  firstName: string;
  lastName: string;
  birthDay: number;
  sex: 'M' | 'F';
  citizenship: string;
  birthMunicipality: string | null;
  residenceMunicipality: string;
  unaccompanied: boolean;
  province: string;
}

export interface CaseRow {
  id: string;
  minorId: string;
  serviceId: string;
  startDay: number;
  endDay: number | null;
  closureReason: string | null;
}

export interface PlacementRow {
  id: string;
  minor: number;
  structure: number;
  admissionDay: number;
  dischargeDay: number | null;
  kind: string;
  referringService: string;
  legalBasis: string;
  courtOrderReference: string | null;
  dischargeOutcome: string | null;
}

export interface InterventionRow {
  id: string;
  caseId: string;
  minorId: string;
  type: string;
  startDay: number;
  endDay: number | null;
  structureCode: string | null;
}

export interface DataSet {
  readonly from: number;
  readonly until: number;
  readonly structures: StructureRow[];
  readonly acts: ActRow[];
  readonly minors: MinorRow[];
  readonly cases: CaseRow[];
  readonly placements: PlacementRow[];
  readonly interventions: InterventionRow[];
  /** Structures whose capacity had to be raised to fit the placements (reported, normally 0). */
  readonly capacityRaised: number;
}

/** 1,500 structures for 200,000 minors (issue 8), scaled with the number of minors, at least 30. */
export function structureCount(minors: number): number {
  return Math.max(30, Math.round((1500 * minors) / 200_000));
}

interface TypeProfile {
  readonly weight: number;
  readonly capacity: readonly [number, number];
  readonly emergency: readonly [number, number];
  readonly ages: readonly [number, number];
  readonly residential: boolean;
}

/** Structure types (STRUCTURE_TYPE list) with their share of the registry, places and authorised ages. */
const TYPE_PROFILES: Readonly<Record<string, TypeProfile>> = {
  CFM: { weight: 18, capacity: [6, 6], emergency: [1, 2], ages: [0, 17], residential: true },
  CEM: { weight: 26, capacity: [10, 14], emergency: [1, 3], ages: [6, 17], residential: true },
  CEI: { weight: 4, capacity: [8, 12], emergency: [1, 2], ages: [6, 17], residential: true },
  CPAM: { weight: 9, capacity: [12, 16], emergency: [2, 4], ages: [0, 17], residential: true },
  // seed 003 §3.9.6: "accoglie solo ragazzi con accentuato livello di autonomia (17 - 21 anni)" (HIGH_AUTONOMY_COMMUNITY).
  CAM: { weight: 8, capacity: [6, 10], emergency: [0, 1], ages: [17, 21], residential: true },
  CABG: { weight: 6, capacity: [10, 14], emergency: [1, 2], ages: [0, 17], residential: true },
  CRF: { weight: 2, capacity: [6, 8], emergency: [1, 2], ages: [0, 17], residential: true },
  CFMU: { weight: 4, capacity: [6, 6], emergency: [1, 2], ages: [0, 17], residential: true },
  CFAM: { weight: 4, capacity: [8, 10], emergency: [1, 2], ages: [0, 17], residential: true },
  CSRD: { weight: 2, capacity: [8, 12], emergency: [0, 1], ages: [14, 21], residential: true },
  CMSNA1: { weight: 5, capacity: [20, 40], emergency: [2, 6], ages: [12, 17], residential: true },
  CMSNA2: { weight: 7, capacity: [12, 24], emergency: [1, 3], ages: [12, 17], residential: true },
  SEM: { weight: 2, capacity: [10, 20], emergency: [0, 0], ages: [6, 17], residential: false },
  SEI: { weight: 1, capacity: [10, 20], emergency: [0, 0], ages: [6, 17], residential: false },
  CDD: { weight: 2, capacity: [10, 20], emergency: [0, 0], ages: [14, 21], residential: false },
};

const TYPE_NAMES: Readonly<Record<string, string>> = {
  CFM: 'Casa famiglia',
  CEM: 'Comunità educativa',
  CEI: 'Comunità educativo integrata',
  CPAM: 'Pronta accoglienza',
  CAM: 'Gruppo appartamento',
  CABG: 'Casa madre bambino',
  CRF: 'Casa rifugio',
  CFMU: 'Casa famiglia multiutenza',
  CFAM: 'Comunità familiare',
  CSRD: 'Centro residenziale',
  CMSNA1: 'Centro di prima accoglienza',
  CMSNA2: 'Centro di seconda accoglienza',
  SEM: 'Centro diurno',
  SEI: 'Centro diurno integrato',
  CDD: 'Centro diurno disabili',
};

const PROVINCE_PREFIX: Readonly<Record<string, string>> = { '058': 'RM', '059': 'LT', '060': 'FR', '056': 'VT', '057': 'RI' };

/** Structure types a placement may go to, by kind and by whether the minor is unaccompanied. */
function preferredTypes(kind: string, unaccompanied: boolean, age: number): readonly (readonly [string, number])[] {
  switch (kind) {
    case 'EMERGENCY':
      return unaccompanied ? [['CMSNA1', 8], ['CPAM', 2]] : [['CPAM', 9], ['CEM', 1]];
    case 'MOTHER_AND_CHILD':
      return [['CABG', 8], ['CRF', 2]];
    case 'SEMI_AUTONOMY':
      return [['CAM', 1]];
    default:
      if (unaccompanied) return [['CMSNA2', 7], ['CEM', 2], ['CAM', age >= 17 ? 1 : 0]];
      if (age < 6) return [['CFM', 6], ['CFMU', 2], ['CFAM', 2]];
      return [['CEM', 10], ['CFM', 5], ['CEI', 2], ['CFMU', 1], ['CFAM', 2], ['CSRD', age >= 14 ? 1 : 0]];
  }
}

/** Partita IVA (11 digits) with its check digit (Luhn-like, DPR 633/1972). */
function partitaIva(rng: Rng): string {
  const digits = Array.from({ length: 10 }, () => rng.int(0, 9));
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    if (i % 2 === 0) sum += digits[i];
    else {
      const d = digits[i] * 2;
      sum += d > 9 ? d - 9 : d;
    }
  }
  return digits.join('') + String((10 - (sum % 10)) % 10);
}

class MinHeap {
  private readonly a: number[] = [];
  get size(): number {
    return this.a.length;
  }
  peek(): number {
    return this.a[0];
  }
  push(v: number): void {
    const a = this.a;
    a.push(v);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p] <= a[i]) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): number {
    const a = this.a;
    const top = a[0];
    const last = a.pop() as number;
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l] < a[m]) m = l;
        if (r < a.length && a[r] < a[m]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

const OPEN = Number.POSITIVE_INFINITY;

/** Build the whole data set. Pure given the options: same options, same rows. */
export function buildDataSet(options: GenerateOptions): DataSet {
  const rng = new Rng(options.seed);
  fakerIT.seed(options.seed);
  const places = loadPlaces();
  const until = options.until;
  const from = until - Math.round(options.years * 365.25);
  const provinces = new Weighted(LAZIO_PROVINCES);

  // ---- ASSO: structures and acts -------------------------------------------------------
  const structures: StructureRow[] = [];
  const acts: ActRow[] = [];
  const typeDraw = new Weighted(Object.entries(TYPE_PROFILES).map(([t, p]) => [t, p.weight] as const));
  const seqByPrefix = new Map<string, number>();
  const nStructures = structureCount(options.minors);
  for (let i = 0; i < nStructures; i++) {
    // the first ones cover every residential type in every province, so small data sets have all of them
    const province = i < 60 ? LAZIO_PROVINCES[i % LAZIO_PROVINCES.length][0] : provinces.draw(rng);
    const residentialTypes = Object.keys(TYPE_PROFILES).filter((t) => TYPE_PROFILES[t].residential);
    const type = i < 60 ? residentialTypes[Math.floor(i / LAZIO_PROVINCES.length) % residentialTypes.length] : typeDraw.draw(rng);
    const profile = TYPE_PROFILES[type];
    const place = (places.lazio.get(province) as Weighted<Place>).draw(rng);
    const prefix = PROVINCE_PREFIX[province];
    const seq = (seqByPrefix.get(prefix) ?? 0) + 1;
    seqByPrefix.set(prefix, seq);
    const code = `${prefix}-S${String(seq).padStart(4, '0')}`;
    // most structures were authorised before the history starts, some open during it
    const opened = rng.chance(0.85) ? from - rng.int(30, 3650) : rng.int(from, until - 60);
    const entity = `${rng.pick(['Cooperativa Sociale', 'Associazione', 'Fondazione', 'Consorzio'])} ${fakerIT.person.lastName()}`;
    const s: StructureRow = {
      code,
      name: `${TYPE_NAMES[type]} ${fakerIT.person.lastName()} ${seq}`,
      type,
      municipality: place.istat,
      province,
      address: `${fakerIT.location.street()} ${rng.int(1, 200)}, ${place.name}`,
      managingEntity: entity,
      managingEntityTaxCode: partitaIva(rng),
      capacity: rng.int(profile.capacity[0], profile.capacity[1]),
      emergencyCapacity: rng.int(profile.emergency[0], profile.emergency[1]),
      minAge: profile.ages[0],
      maxAge: profile.ages[1],
      contactEmail: `${code.toLowerCase()}@strutture.example.org`,
      registeredOn: opened,
      activeFrom: opened,
      blocked: [],
    };
    structures.push(s);
    const issuingBody = place.istat === '058091' ? 'Roma Capitale' : `Comune di ${place.name}`;
    let actSeq = 0;
    const act = (kind: string, date: number, validTo: number | null = null) => {
      actSeq++;
      acts.push({ id: rng.uuid(), structureCode: code, kind, number: `${kind.slice(0, 3)}-${dayToIso(date).slice(0, 4)}-${code}-${actSeq}`, date, validFrom: date, validTo, issuingBody });
    };
    // acts are facts: none after the end of the history
    act('AUTHORISATION', opened);
    const accreditation = opened + rng.int(30, 700);
    if (rng.chance(0.4) && accreditation <= until) act('ACCREDITATION', accreditation);
    if (rng.chance(0.06)) act('WARNING', rng.int(Math.max(opened, from), until - 10));
    const r = rng.next();
    const suspendFrom = Math.max(opened + 30, from);
    const revokeFrom = Math.max(opened + 60, from + 180);
    if (r < 0.05 && suspendFrom <= until - 200) {
      // suspended for a while (not ACTIVE from S to E inclusive), then ACTIVE again
      const s0 = rng.int(suspendFrom, until - 200);
      const e0 = s0 + rng.int(30, 180);
      act('SUSPENSION', s0, e0);
      s.blocked.push({ from: s0, to: e0 + 1 });
    } else if (r >= 0.05 && r < 0.08 && revokeFrom <= until - 30) {
      // revoked for good
      const r0 = rng.int(revokeFrom, until - 30);
      act('REVOCATION', r0);
      s.blocked.push({ from: r0, to: OPEN });
    }
  }

  // ---- SINBA: minors ----------------------------------------------------------------------
  const taken = new Set<string>();
  const minors: MinorRow[] = [];
  const msnaCountries = new Weighted(COUNTRIES.map((c) => [c, c.msna] as const));
  const residentCountries = new Weighted(COUNTRIES.map((c) => [c, c.resident] as const));
  const ageBands = new Weighted<readonly [number, number]>([
    [[0, 2], 10],
    [[3, 5], 8],
    [[6, 10], 14],
    [[11, 13], 16],
    [[14, 17], 52],
  ]);
  /** First day of care (first case or admission) of each minor. */
  const firstDay: number[] = [];
  for (let i = 0; i < options.minors; i++) {
    const foreign = rng.chance(0.3);
    const unaccompanied = foreign && rng.chance(0.55);
    const sex: 'M' | 'F' = rng.chance(unaccompanied ? 0.9 : 0.55) ? 'M' : 'F';
    const start = rng.int(from, until);
    const [lo, hi] = unaccompanied ? ([14, 17] as const) : ageBands.draw(rng);
    const age = unaccompanied && rng.chance(0.15) ? rng.int(12, 13) : rng.int(lo, hi);
    const birthDay = start - age * 365 - rng.int(0, 364);
    firstDay.push(start);
    const province = unaccompanied && rng.chance(0.6) ? '058' : provinces.draw(rng);
    const residence = (places.lazio.get(province) as Weighted<Place>).draw(rng);
    let citizenship = '100';
    let birthMunicipality: string | null;
    let cadastral: string;
    if (foreign) {
      const country = unaccompanied ? msnaCountries.draw(rng) : residentCountries.draw(rng);
      citizenship = country.istat;
      const bornInItaly = !unaccompanied && rng.chance(0.5);
      const birthPlace = bornInItaly ? (places.lazio.get(province) as Weighted<Place>).draw(rng) : null;
      birthMunicipality = birthPlace?.istat ?? null;
      cadastral = birthPlace?.cadastral ?? country.cadastral;
    } else {
      const birthPlace = rng.chance(0.9) ? (places.lazio.get(province) as Weighted<Place>).draw(rng) : places.italy.draw(rng);
      birthMunicipality = birthPlace.istat;
      cadastral = birthPlace.cadastral;
    }
    const firstName = fakerIT.person.firstName(sex === 'M' ? 'male' : 'female');
    const lastName = fakerIT.person.lastName();
    const birthIso = dayToIso(birthDay);
    minors.push({
      id: rng.uuid(),
      fiscalCode: uniqueFiscalCode(taken, lastName, firstName, birthIso, sex, cadastral),
      firstName,
      lastName,
      birthDay,
      sex,
      citizenship,
      birthMunicipality,
      residenceMunicipality: residence.istat,
      unaccompanied,
      province,
    });
  }

  // ---- ASMI: placement episodes per minor, exactly 2N --------------------------------------
  const counts = new Array<number>(options.minors).fill(0);
  const countDraw = new Weighted([[1, 35], [2, 27], [3, 18], [4, 11], [5, 6], [6, 3]] as const);
  let total = 0;
  for (let i = 0; i < options.minors; i++) {
    if (rng.chance(0.12)) continue; // followed by the services without a placement in a structure
    counts[i] = countDraw.draw(rng);
    total += counts[i];
  }
  const target = 2 * options.minors;
  while (total !== target) {
    const i = rng.int(0, options.minors - 1);
    if (total < target && counts[i] > 0 && counts[i] < 8) {
      counts[i]++;
      total++;
    } else if (total > target && counts[i] > 1) {
      counts[i]--;
      total--;
    } else if (total < target && counts[i] === 0 && rng.chance(0.01)) {
      counts[i]++; // very small data sets may need a minor without placements to get one
      total++;
    }
  }

  const kindsFor = (age: number, unaccompanied: boolean, first: boolean): string => {
    if (first && rng.chance(unaccompanied ? 0.6 : 0.35)) return 'EMERGENCY';
    if (!first && rng.chance(0.08)) return 'EMERGENCY';
    if (age <= 5 && rng.chance(0.25)) return 'MOTHER_AND_CHILD';
    if (age >= 17 && rng.chance(0.3)) return 'SEMI_AUTONOMY'; // seed 003 §3.9.6: autonomy communities 17-21
    return 'ORDINARY';
  };
  const durationOf = (kind: string, unaccompanied: boolean): number => {
    switch (kind) {
      case 'EMERGENCY':
        if (rng.chance(0.02)) return 0; // a few hours in pronta accoglienza: admitted and discharged the same day
        // seed 003 §3.9.6: at most 2 months, 6 for unaccompanied minors; a few go beyond (data-quality report)
        return unaccompanied ? Math.min(240, Math.round(rng.logNormal(45, 0.6))) : Math.min(90, Math.max(1, Math.round(rng.logNormal(18, 0.7))));
      case 'MOTHER_AND_CHILD':
        return Math.min(720, Math.max(30, Math.round(rng.logNormal(180, 0.5))));
      case 'SEMI_AUTONOMY':
        return Math.min(720, Math.max(30, Math.round(rng.logNormal(200, 0.5))));
      default:
        return Math.min(1460, Math.max(7, Math.round(rng.logNormal(95, 0.8))));
    }
  };

  interface Episode {
    minor: number;
    seq: number;
    admission: number;
    discharge: number | null;
    kind: string;
    outcome: string | null;
    age: number;
  }
  const episodes: Episode[] = [];
  for (let i = 0; i < options.minors; i++) {
    const k = counts[i];
    if (!k) continue;
    const m = minors[i];
    const eighteen = birthdayDay(m.birthDay, 18);
    const windowEnd = Math.min(until + 1, eighteen); // exclusive: placements end by the 18th birthday
    let start = Math.min(firstDay[i], windowEnd - 1);
    const plan: { kind: string; duration: number; gap: number }[] = [];
    let age = ageOnDay(m.birthDay, start);
    for (let e = 0; e < k; e++) {
      const kind = kindsFor(age, m.unaccompanied, e === 0);
      const duration = durationOf(kind, m.unaccompanied);
      const transfer = e < k - 1 && rng.chance(0.45);
      plan.push({ kind, duration, gap: transfer ? 0 : rng.int(15, 365) });
      age = Math.min(17, age + Math.round(duration / 365));
    }
    // Fit the episodes in the window: start earlier if possible, then compress.
    const span = plan.reduce((s, p, idx) => s + p.duration + (idx < k - 1 ? p.gap : 0), 0);
    const earliest = Math.max(from, m.birthDay + 1);
    if (start + span >= windowEnd) start = Math.max(earliest, Math.min(start, windowEnd - 1 - span));
    const room = windowEnd - 1 - start;
    const scale = span > room ? room / span : 1;
    let day = start;
    for (let e = 0; e < k; e++) {
      const p = plan[e];
      const duration = Math.floor(p.duration * scale);
      const admission = day;
      let discharge: number | null = admission + duration;
      const last = e === k - 1;
      let outcome: string | null;
      if (!last && p.gap === 0) outcome = 'OTHER_STRUCTURE';
      else if (last && discharge >= windowEnd - 1 && windowEnd === eighteen && eighteen <= until) {
        discharge = eighteen;
        outcome = 'COMING_OF_AGE';
      } else if (last && (discharge >= until || (scale < 1 && windowEnd === until + 1 && rng.chance(0.7)))) {
        discharge = null; // still placed at the end of the history
        outcome = null;
      } else {
        const a = ageOnDay(m.birthDay, admission);
        outcome = new Weighted<string>([
          ['RETURN_TO_FAMILY', m.unaccompanied ? 2 : 45],
          ['FOSTER_CARE', m.unaccompanied ? 3 : 20],
          ['UNAUTHORISED_DEPARTURE', m.unaccompanied ? 25 : 6],
          ['AUTONOMY', a >= 16 ? 10 : 0],
          ['ADOPTION', last && a <= 6 ? 8 : 0],
          ['TRANSFER_OUT_OF_REGION', 3],
          ['REPATRIATION', last && m.unaccompanied ? 4 : 0],
          ['OTHER', 5],
        ]).draw(rng);
      }
      if (discharge !== null && discharge > until) discharge = until;
      episodes.push({ minor: i, seq: e, admission, discharge, kind: p.kind, outcome, age: ageOnDay(m.birthDay, admission) });
      // the compression keeps every episode inside the window, so k episodes are always written
      if (discharge !== null) day = discharge + (last ? 0 : Math.floor(p.gap * scale));
    }
  }
  if (episodes.length !== target) throw new Error(`generator: ${episodes.length} placements planned instead of ${target}`);

  // ---- allocate structures: sweep by admission day, capacity per structure on every day ------
  episodes.sort((a, b) => a.admission - b.admission || a.minor - b.minor || a.seq - b.seq);
  const residential = structures.map((s, idx) => ({ s, idx })).filter(({ s }) => TYPE_PROFILES[s.type].residential);
  const byType = new Map<string, number[]>();
  const byTypeProvince = new Map<string, number[]>();
  for (const { s, idx } of residential) {
    (byType.get(s.type) ?? byType.set(s.type, []).get(s.type)!).push(idx);
    const key = `${s.type}/${s.province}`;
    (byTypeProvince.get(key) ?? byTypeProvince.set(key, []).get(key)!).push(idx);
  }
  const heaps = structures.map(() => new MinHeap());
  const extra = new Array<number>(structures.length).fill(0);
  const previous = new Map<number, number>();
  let capacityRaised = 0;
  const fits = (idx: number, e: Episode, prev: number | undefined): boolean => {
    if (idx === prev) return false;
    const s = structures[idx];
    if (e.age < s.minAge || e.age > s.maxAge || e.admission < s.activeFrom) return false;
    const end = e.discharge === null ? OPEN : Math.max(e.discharge, e.admission + 1);
    for (const w of s.blocked) if (e.admission < w.to && w.from < end) return false;
    if (e.discharge === e.admission) return true; // a same-day stay takes no place on any day
    const heap = heaps[idx];
    while (heap.size && heap.peek() <= e.admission) heap.pop();
    return heap.size < s.capacity + s.emergencyCapacity + extra[idx];
  };
  const placements: PlacementRow[] = [];
  const placementOfEpisode: { e: Episode; structure: number }[] = [];
  for (const e of episodes) {
    const m = minors[e.minor];
    const prev = previous.get(e.minor);
    const types = preferredTypes(e.kind, m.unaccompanied, e.age).filter(([, w]) => w > 0);
    let chosen = -1;
    const order: string[] = [];
    const draw = new Weighted(types);
    for (let t = 0; t < 3; t++) order.push(draw.draw(rng));
    for (const [t] of types) if (!order.includes(t)) order.push(t);
    const sameProvince = rng.chance(0.85);
    outer: for (const t of order) {
      const lists = sameProvince ? [byTypeProvince.get(`${t}/${m.province}`) ?? [], byType.get(t) ?? []] : [byType.get(t) ?? []];
      for (const list of lists) {
        if (!list.length) continue;
        const offset = rng.int(0, list.length - 1);
        for (let j = 0; j < list.length; j++) {
          const idx = list[(offset + j) % list.length];
          if (fits(idx, e, prev)) {
            chosen = idx;
            break outer;
          }
        }
      }
    }
    if (chosen < 0) {
      // any residential structure that takes the minor's age
      const offset = rng.int(0, residential.length - 1);
      for (let j = 0; j < residential.length && chosen < 0; j++) {
        const idx = residential[(offset + j) % residential.length].idx;
        if (fits(idx, e, prev)) chosen = idx;
      }
    }
    if (chosen < 0) {
      // last resort: a structure of the preferred type, ACTIVE for the whole stay, gets one more place
      const list = byType.get(order[0]) ?? [];
      for (const idx of [...list, ...residential.map((r) => r.idx)]) {
        extra[idx]++;
        if (fits(idx, e, prev)) {
          chosen = idx;
          capacityRaised++;
          break;
        }
        extra[idx]--;
      }
    }
    if (chosen < 0) throw new Error(`No structure can take placement ${e.minor}/${e.seq}`);
    if (e.discharge !== e.admission) heaps[chosen].push(e.discharge === null ? OPEN : e.discharge);
    previous.set(e.minor, chosen);
    placementOfEpisode.push({ e, structure: chosen });
  }
  for (let idx = 0; idx < structures.length; idx++) structures[idx].capacity += extra[idx];

  // ---- SINBA: one case per minor, held by a service of the minor's province ---------------
  const byMinor: { e: Episode; structure: number }[][] = minors.map(() => []);
  for (const p of placementOfEpisode) byMinor[p.e.minor].push(p);
  const cases: CaseRow[] = [];
  const interventions: InterventionRow[] = [];
  const interventionTypes = getCodeList('INTERVENTION_TYPE').entries.filter(
    // not placements (written with the placements) nor housing in a structure, foster care, adoption or health data,
    // which would contradict the placements or need data the generator does not write
    (c: CodeEntry) => c.attributes?.structurePlacement === undefined && !c.attributes?.health && !c.attributes?.adoption && !c.attributes?.fosterCare,
  );
  const otherTypes = interventionTypes.filter((c) => c.group !== '3.9.6');
  const sisamOf = (type: string): string => {
    const code = findCode('STRUCTURE_TYPE', type)?.attributes?.sisamIntervention;
    if (typeof code !== 'string' || !findCode('INTERVENTION_TYPE', code)) throw new Error(`STRUCTURE_TYPE ${type} has no intervention type`);
    return code;
  };
  const legal = new Weighted([['CONSENSUAL', 35], ['COURT_ORDER', 55]] as const);
  let otherBudget = 5 * options.minors - 2 * options.minors;
  const otherCounts = new Array<number>(options.minors).fill(1);
  otherBudget -= options.minors;
  while (otherBudget > 0) {
    otherCounts[rng.int(0, options.minors - 1)]++;
    otherBudget--;
  }
  for (let i = 0; i < options.minors; i++) {
    const m = minors[i];
    const ps = byMinor[i].sort((a, b) => a.e.admission - b.e.admission || a.e.seq - b.e.seq);
    const services = SERVICES_BY_PROVINCE[m.province];
    const serviceId = services[rng.int(0, services.length - 1)];
    const firstAdmission = ps.length ? ps[0].e.admission : firstDay[i];
    const caseStart = Math.max(m.birthDay, Math.min(firstAdmission, firstAdmission - rng.int(0, 365)));
    const last = ps[ps.length - 1];
    const lastEnd = ps.length ? (last.e.discharge === null ? null : last.e.discharge) : caseStart + rng.int(60, 900);
    let endDay: number | null = null;
    let closureReason: string | null = null;
    if (lastEnd !== null) {
      const eighteen = birthdayDay(m.birthDay, 18);
      if (eighteen <= until && rng.chance(0.7)) {
        endDay = Math.max(eighteen, lastEnd);
        closureReason = 'COMING_OF_AGE';
      } else if (rng.chance(0.6)) {
        endDay = lastEnd + rng.int(0, 180);
        closureReason = 'PROJECT_COMPLETED';
      }
      if (endDay !== null && endDay > until) {
        endDay = null;
        closureReason = null;
      }
    }
    const c: CaseRow = { id: rng.uuid(), minorId: m.id, serviceId, startDay: caseStart, endDay, closureReason };
    cases.push(c);
    for (const p of ps) {
      const s = structures[p.structure];
      const basis = p.e.kind === 'EMERGENCY' && rng.chance(0.6) ? 'URGENT_ART_403' : legal.draw(rng);
      placements.push({
        id: rng.uuid(),
        minor: i,
        structure: p.structure,
        admissionDay: p.e.admission,
        dischargeDay: p.e.discharge,
        kind: p.e.kind,
        referringService: serviceId,
        legalBasis: basis,
        courtOrderReference: basis === 'COURT_ORDER' ? `TM Roma ${rng.int(100, 9999)}/${dayToIso(p.e.admission).slice(0, 4)}` : null,
        dischargeOutcome: p.e.outcome,
      });
      interventions.push({ id: rng.uuid(), caseId: c.id, minorId: m.id, type: sisamOf(s.type), startDay: p.e.admission, endDay: p.e.discharge, structureCode: s.code });
    }
    const caseEnd = endDay ?? until;
    for (let j = 0; j < otherCounts[i]; j++) {
      const startDay = rng.int(caseStart, caseEnd);
      const startIso = dayToIso(startDay);
      const valid = otherTypes.filter((t) => isEntryValidOn(t, startIso));
      const type = valid[rng.int(0, valid.length - 1)];
      const ends = endDay !== null || rng.chance(0.6);
      const end = ends ? Math.min(caseEnd, startDay + rng.int(0, 365)) : null;
      interventions.push({ id: rng.uuid(), caseId: c.id, minorId: m.id, type: type.code, startDay, endDay: end, structureCode: null });
    }
  }
  return { from, until, structures, acts, minors, cases, placements, interventions, capacityRaised };
}
