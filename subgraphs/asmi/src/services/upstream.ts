import type { ServiceClient } from '@shared/graphql';
import { addDays } from '@shared/time';

/** What ASMI needs to know of a structure to admit a minor (asked to ASSO at write time). */
export interface StructureFacts {
  code: string;
  type: string;
  province: string;
  capacity: number;
  emergencyCapacity: number;
  minAge: number | null;
  maxAge: number | null;
  statusOn: string;
}

/** The quasi-identifiers a structure must report (asked to SINBA; never names or fiscal codes, docs/privacy.md §9). */
export interface MinorFacts {
  id: string;
  birthDate: string | null;
  sex: string | null;
  citizenship: string | null;
  unaccompanied: boolean | null;
  /** Registered before birth (NASCITURO, seed 003 §3.2.1): cannot be admitted. */
  unborn?: boolean | null;
}

/** A case period of a minor (asked to SINBA; dates only). */
export interface MinorCasePeriod {
  minorId: string;
  startDate: string;
  endDate: string | null;
}

/** What the data-quality flags need of a structure: its places today and its status over time (one entry per change point). */
export interface StructureQualityFacts {
  code: string;
  places: number;
  timeline: { from: string; status: string }[];
}

export interface Upstream {
  /** Every case period of the minors (SINBA casePeriods), one call for all of them. */
  casePeriods(minorIds: readonly string[]): Promise<MinorCasePeriod[]>;
  /**
   * Places and status timeline of structures, in key order (null: unknown):
   * one call for the acts' dates, one for the status on each date an act
   * starts or ends (the only days the status can change; ASSO derives it).
   */
  structureQuality(codes: readonly string[], today: string): Promise<(StructureQualityFacts | null)[]>;
  structure(code: string, date: string): Promise<StructureFacts | null>;
  minor(id: string): Promise<MinorFacts | null>;
  /** The services holding a case open on the date for each minor (SINBA caseHolders; docs/privacy.md §3a), one call. */
  caseHolders(minorIds: readonly string[], on: string): Promise<{ minorId: string; serviceId: string }[]>;
  /** The registry's province of each structure, in key order (null: no such structure); one call for all codes. */
  provinces(codes: readonly string[]): Promise<(string | null)[]>;
  /** Every structure of the registry (code, type, province), paged through ASSO's public `structures`. */
  registeredStructures(): Promise<{ code: string; type: string; province: string }[]>;
}

export function createUpstream(clients: { asso: ServiceClient; sinba: ServiceClient }): Upstream {
  return {
    async registeredStructures() {
      type Page = { structures: { nodes: { code: string; type: string; province: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } };
      const out: { code: string; type: string; province: string }[] = [];
      let after: string | null = null;
      for (;;) {
        const page: Page = await clients.asso.query<Page>(
          'query AsmiRegistry($after: String) { structures(first: 100, after: $after) { nodes { code type province } pageInfo { endCursor hasNextPage } } }',
          { after },
        );
        out.push(...page.structures.nodes);
        if (!page.structures.pageInfo.hasNextPage) return out;
        after = page.structures.pageInfo.endCursor;
      }
    },
    async structure(code, date) {
      const data = await clients.asso.query<{ structure: StructureFacts | null }>(
        'query AsmiStructure($code: ID!, $date: Date!) { structure(code: $code) { code type province capacity emergencyCapacity minAge maxAge statusOn(date: $date) } }',
        { code, date },
      );
      return data.structure;
    },
    async minor(id) {
      const data = await clients.sinba.query<{ minor: MinorFacts | null }>('query AsmiMinor($id: ID!) { minor(id: $id) { id birthDate sex citizenship unaccompanied unborn } }', { id });
      return data.minor;
    },
    async caseHolders(minorIds, on) {
      const out: { minorId: string; serviceId: string }[] = [];
      for (let i = 0; i < minorIds.length; i += 1000) {
        const data = await clients.sinba.query<{ caseHolders: { minorId: string; serviceId: string }[] }>(
          'query AsmiCaseHolders($ids: [ID!]!, $on: Date!) { caseHolders(minorIds: $ids, on: $on) { minorId serviceId } }',
          { ids: minorIds.slice(i, i + 1000), on },
        );
        out.push(...data.caseHolders);
      }
      return out;
    },
    async casePeriods(minorIds) {
      const out: MinorCasePeriod[] = [];
      // SINBA takes at most 1000 ids per call (MAX_CASE_PERIOD_IDS).
      for (let i = 0; i < minorIds.length; i += 1000) {
        const data = await clients.sinba.query<{ casePeriods: MinorCasePeriod[] }>('query AsmiCasePeriods($ids: [ID!]!) { casePeriods(minorIds: $ids) { minorId startDate endDate } }', {
          ids: minorIds.slice(i, i + 1000),
        });
        out.push(...data.casePeriods);
      }
      return out;
    },
    async structureQuality(codes, today) {
      if (codes.length === 0) return [];
      type Facts = { code: string; capacity: number; emergencyCapacity: number; acts: { validFrom: string; validTo: string | null }[] } | null;
      const first = await clients.asso.query<{ _entities: Facts[] }>(
        'query AsmiStructureActs($r: [_Any!]!) { _entities(representations: $r) { ... on Structure { code capacity emergencyCapacity acts { validFrom validTo } } } }',
        { r: codes.map((code) => ({ __typename: 'Structure', code })) },
      );
      const facts = first._entities;
      const changeDays = facts.map((f) =>
        f === null ? [] : [...new Set(f.acts.flatMap((a) => [a.validFrom, ...(a.validTo ? [addDays(a.validTo, 1)] : [])]))].filter((d) => d <= today).sort(),
      );
      // One query: per structure an _entities field (alias s<i>) asking statusOn (alias d<j>) at each of its change days.
      const parts = facts
        .map((f, i) => (f === null || changeDays[i].length === 0 ? '' : `s${i}: _entities(representations: [$s${i}]) { ... on Structure { ${changeDays[i].map((d, j) => `d${j}: statusOn(date: "${d}")`).join(' ')} } }`))
        .filter((p) => p !== '');
      const statuses: Record<string, Record<string, string> | null> = {};
      if (parts.length > 0) {
        const used = facts.map((f, i) => (f !== null && changeDays[i].length > 0 ? i : -1)).filter((i) => i >= 0);
        const data = await clients.asso.query<Record<string, (Record<string, string> | null)[]>>(
          `query AsmiStructureStatuses(${used.map((i) => `$s${i}: _Any!`).join(', ')}) { ${parts.join(' ')} }`,
          Object.fromEntries(used.map((i) => [`s${i}`, { __typename: 'Structure', code: codes[i] }])),
        );
        for (const i of used) statuses[i] = data[`s${i}`][0];
      }
      return facts.map((f, i) =>
        f === null
          ? null
          : { code: f.code, places: f.capacity + f.emergencyCapacity, timeline: changeDays[i].map((from, j) => ({ from, status: statuses[i]?.[`d${j}`] ?? 'NOT_AUTHORISED' })) },
      );
    },
    async provinces(codes) {
      const data = await clients.asso.query<{ _entities: ({ code: string; province: string } | null)[] }>(
        'query AsmiStructureProvinces($r: [_Any!]!) { _entities(representations: $r) { ... on Structure { code province } } }',
        { r: codes.map((code) => ({ __typename: 'Structure', code })) },
      );
      return data._entities.map((s) => s?.province ?? null);
    },
  };
}
