import type { DataSource } from 'typeorm';
import type { Principal } from '@shared/auth';
import { AGE_BANDS, CITIZENSHIP_GROUPS, UNKNOWN, ageBandSql, citizenshipGroupSql, sexSql } from '@shared/reporting';
import { suppress, type PublishedRow } from '@shared/reporting';
import { checkYear } from './placementReports';
import { placementScope } from './scope';
import type { Upstream } from '../services/upstream';

/** The categories every line of the ISTAT table lists (zeros included, so the table has fixed columns). */
export const ISTAT_CATEGORIES = {
  sex: ['M', 'F', UNKNOWN],
  ageBand: [...AGE_BANDS.map((b) => b.label), UNKNOWN],
  citizenshipGroup: [...CITIZENSHIP_GROUPS, UNKNOWN],
} as const;

type Breakdown = keyof typeof ISTAT_CATEGORIES;

export interface IstatStructureRow {
  structure: { __typename: 'Structure'; code: string };
  structureType: string;
  province: string;
  hosted: { count: number | null; suppressed: boolean };
  hostedBySex: PublishedRow[];
  hostedByAgeBand: PublishedRow[];
  hostedByCitizenshipGroup: PublishedRow[];
  entries: { count: number | null; suppressed: boolean };
  exits: { count: number | null; suppressed: boolean };
}

export interface IstatResidentialTable {
  year: number;
  rows: IstatStructureRow[];
  minCellSize: number;
  generatedAt: string;
}

interface SqlRow {
  code: string;
  type: string;
  province: string;
  sex: string | null;
  age: string | null;
  cit: string | null;
  gs: number;
  ga: number;
  gc: number;
  hosted: number;
  entries: number;
  exits: number;
}

/**
 * Suppress a (structure × category) table as one two-dimensional report, so
 * that neither a structure's line (against its hosted total) nor a category's
 * column (against the regional stock by that category, which placementStock
 * publishes) lets a suppressed cell be recomputed.
 */
function suppressBreakdown(
  codes: string[],
  values: Map<string, number>,
  categories: readonly string[],
  minCellSize: number,
  hiddenHosted: ReadonlySet<string>,
): Map<string, PublishedRow[]> {
  const cells = codes.flatMap((code) => categories.map((c) => ({ keys: [code, c], count: values.get(`${code}|${c}`) ?? 0 })));
  const total = cells.reduce((s, c) => s + c.count, 0);
  // A structure whose hosted cell is hidden (docs/privacy.md §10) must hide a cell
  // of its line too, or its published cells add up to the hidden count: hide
  // its smallest non-zero cell and suppress again, until every such line
  // holds a hidden cell (the secondary step then covers the columns).
  const forced = cells.map(() => false);
  let table = suppress(cells, total, minCellSize, forced);
  for (;;) {
    let more = false;
    for (const code of hiddenHosted) {
      const line = cells.map((_c, i) => i).filter((i) => cells[i].keys[0] === code && cells[i].count > 0);
      if (line.length === 0 || line.some((i) => table.rows[i].suppressed)) continue;
      forced[line.sort((a, b) => cells[a].count - cells[b].count || a - b)[0]] = true;
      more = true;
    }
    if (!more) break;
    table = suppress(cells, total, minCellSize, forced);
  }
  const out = new Map<string, PublishedRow[]>();
  for (const row of table.rows) {
    const list = out.get(row.keys[0]) ?? [];
    list.push({ keys: [row.keys[1]], count: row.count, suppressed: row.suppressed });
    out.set(row.keys[0], list);
  }
  return out;
}

function suppressColumn(codes: string[], values: Map<string, number>, minCellSize: number): Map<string, { count: number | null; suppressed: boolean }> {
  const cells = codes.map((code) => ({ keys: [code], count: values.get(code) ?? 0 }));
  const total = cells.reduce((s, c) => s + c.count, 0);
  return new Map(suppress(cells, total, minCellSize).rows.map((r) => [r.keys[0], { count: r.count, suppressed: r.suppressed }]));
}

/** A cell as counted, not suppressed (the ISTAT transmission, docs/privacy.md §11). */
const raw = (count: number) => ({ count, suppressed: false });

/** Whether a status timeline (from ASSO) has the structure ACTIVE on at least one day of [from, to]. */
export function activeDuring(timeline: readonly { from: string; status: string }[], from: string, to: string): boolean {
  const sorted = [...timeline].sort((a, b) => a.from.localeCompare(b.from));
  return sorted.some((t, i) => t.status === 'ACTIVE' && t.from <= to && (i + 1 >= sorted.length || sorted[i + 1].from > from));
}

export function createIstatTable(deps: { dataSource: DataSource; minCellSize: number; now?: () => Date; upstream?: Pick<Upstream, 'registeredStructures' | 'structureQuality'> }) {
  const now = deps.now ?? (() => new Date());
  /** The unsuppressed table, one line per structure active in the year (zeros included). */
  async function transmissionTable(year: number, rows: SqlRow[], by: Record<Breakdown, Map<string, number>>): Promise<IstatResidentialTable> {
      const from = `${year}-01-01`;
      const to = `${year}-12-31`;
      const lines = new Map(rows.filter((r) => r.gs === 1 && r.ga === 1 && r.gc === 1).map((r) => [r.code, r]));
      if (deps.upstream) {
        const registry = await deps.upstream.registeredStructures();
        const timelines = await deps.upstream.structureQuality(registry.map((s) => s.code), to);
        registry.forEach((s, i) => {
          const t = timelines[i];
          if (!lines.has(s.code) && t && activeDuring(t.timeline, from, to)) {
            lines.set(s.code, { code: s.code, type: s.type, province: s.province, sex: null, age: null, cit: null, gs: 1, ga: 1, gc: 1, hosted: 0, entries: 0, exits: 0 });
          }
        });
      }
      const breakdown = (b: Breakdown, code: string) => ISTAT_CATEGORIES[b].map((c) => ({ keys: [c], ...raw(by[b].get(`${code}|${c}`) ?? 0) }));
      return {
        year,
        minCellSize: 1,
        generatedAt: now().toISOString(),
        rows: [...lines.values()]
          .sort((a, b) => a.code.localeCompare(b.code))
          .map((r) => ({
            structure: { __typename: 'Structure', code: r.code },
            structureType: r.type,
            province: r.province,
            hosted: raw(r.hosted),
            hostedBySex: breakdown('sex', r.code),
            hostedByAgeBand: breakdown('ageBand', r.code),
            hostedByCitizenshipGroup: breakdown('citizenshipGroup', r.code),
            entries: raw(r.entries),
            exits: raw(r.exits),
          })),
      };
    }

  return {
    /**
     * ISTAT "presidi residenziali" yearly table (docs/domain.md §7): per
     * structure with a placement in the year, minors hosted on 31 December
     * (stock rule of placementStock; one open placement per minor, so
     * count(*) counts minors) by sex, age band on 31 December and
     * citizenship group, and admissions and discharges in the year. One
     * statement (GROUPING SETS). Capacity is the registry's, read by the
     * client through `structure { capacity }` (one ASSO fetch for all lines).
     */
    async istatResidentialTable(principal: Principal, year: number, purpose?: string): Promise<IstatResidentialTable> {
      const params: unknown[] = [`${year}-01-01`, `${year}-12-31`];
      const scope = placementScope(principal, null, params);
      checkYear(year);
      // docs/privacy.md §11 ISTAT_TRANSMISSION: the analyst's transmission download (the gateway signs the purpose only there)
      // is not suppressed and lists every structure active in the year; everywhere else §10 applies.
      const transmission = principal.role === 'REGIONAL_ANALYST' && purpose === 'ISTAT_TRANSMISSION';
      const rows: SqlRow[] = await deps.dataSource.manager.query(
        `SELECT code, max(type) AS type, max(province) AS province, sex, age, cit,
                GROUPING(sex)::int AS gs, GROUPING(age)::int AS ga, GROUPING(cit)::int AS gc,
                (count(*) FILTER (WHERE hosted))::int AS hosted,
                (count(*) FILTER (WHERE entered))::int AS entries,
                (count(*) FILTER (WHERE exited))::int AS exits
           FROM (SELECT p.structure_code AS code, p.structure_type AS type, p.structure_province::text AS province, p.minor_id,
                        (p.discharge_date IS NULL OR p.discharge_date > $2::date) AS hosted,
                        (p.admission_date >= $1::date) AS entered,
                        (p.discharge_date <= $2::date) AS exited,
                        ${sexSql('p.minor_sex')} AS sex, ${ageBandSql('p.minor_birth_date', '$2::date')} AS age, ${citizenshipGroupSql('p.minor_citizenship')} AS cit
                   FROM asmi.placement p
                  WHERE p.admission_date <= $2::date AND (p.discharge_date IS NULL OR p.discharge_date >= $1::date)${scope.length ? ` AND ${scope.join(' AND ')}` : ''}) AS y
          GROUP BY GROUPING SETS ((code), (code, sex), (code, age), (code, cit))
          ORDER BY code`,
        params,
      );
      const lines = rows.filter((r) => r.gs === 1 && r.ga === 1 && r.gc === 1);
      const codes = lines.map((r) => r.code);
      const by: Record<Breakdown, Map<string, number>> = { sex: new Map(), ageBand: new Map(), citizenshipGroup: new Map() };
      for (const r of rows) {
        if (r.gs === 0) by.sex.set(`${r.code}|${r.sex}`, r.hosted);
        if (r.ga === 0) by.ageBand.set(`${r.code}|${r.age}`, r.hosted);
        if (r.gc === 0) by.citizenshipGroup.set(`${r.code}|${r.cit}`, r.hosted);
      }
      if (transmission) return transmissionTable(year, rows, by);
      const k = deps.minCellSize;
      const hosted = suppressColumn(codes, new Map(lines.map((r) => [r.code, r.hosted])), k);
      const hiddenHosted = new Set(codes.filter((c) => hosted.get(c)!.suppressed));
      const sex = suppressBreakdown(codes, by.sex, ISTAT_CATEGORIES.sex, k, hiddenHosted);
      const age = suppressBreakdown(codes, by.ageBand, ISTAT_CATEGORIES.ageBand, k, hiddenHosted);
      const cit = suppressBreakdown(codes, by.citizenshipGroup, ISTAT_CATEGORIES.citizenshipGroup, k, hiddenHosted);
      const entries = suppressColumn(codes, new Map(lines.map((r) => [r.code, r.entries])), k);
      const exits = suppressColumn(codes, new Map(lines.map((r) => [r.code, r.exits])), k);
      return {
        year,
        minCellSize: k,
        generatedAt: now().toISOString(),
        rows: lines.map((r) => ({
          structure: { __typename: 'Structure', code: r.code },
          structureType: r.type,
          province: r.province,
          hosted: hosted.get(r.code)!,
          hostedBySex: sex.get(r.code) ?? [],
          hostedByAgeBand: age.get(r.code) ?? [],
          hostedByCitizenshipGroup: cit.get(r.code) ?? [],
          entries: entries.get(r.code)!,
          exits: exits.get(r.code)!,
        })),
      };
    }
  };
}

export type IstatTable = ReturnType<typeof createIstatTable>;
