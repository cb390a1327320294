import type { Principal } from '@shared/auth';
import { requireAuthenticated } from '@shared/auth';
import { badInput } from '@shared/errors';
import { cursorCodec, pageSize, toPage } from '@shared/graphql';
import { addDays } from '@shared/time';
import { isUuid } from '../loaders';
import { searchMinorsInScope, type MinorSearchCriteria, type SearchScope } from '../repositories/minorSearchRepository';
import { normaliseFiscalCode } from '@shared/rules';
import type { ServiceDeps } from './deps';
import type { MinorPage } from './minorService';

export interface MinorSearchFilter {
  readonly name?: string | null;
  readonly fiscalCode?: string | null;
  readonly birthDate?: string | null;
}

/** At most this many name words (each one more LIKE in the SQL). */
const MAX_NAME_WORDS = 5;
/** docs/privacy.md §3 HOSTING: discharged at most 30 days ago. ASMI decides; this only narrows what is asked. */
const HOSTING_GRACE_DAYS = 30;

const searchCursor = cursorCodec('minor-search:', isUuid, (id) => id.toLowerCase());

interface StructurePlacements {
  _entities: ({ placements: { dischargeDate: string | null; minor: { id: string } }[] | null } | null)[];
}

const STRUCTURE_PLACEMENTS =
  'query SinbaHostedCandidates($reps: [_Any!]!) { _entities(representations: $reps) { ... on Structure { placements { dischargeDate minor { id } } } } }';
const HOSTED = 'query SinbaHosted($ids: [ID!]!, $code: ID!, $on: Date!) { hostedMinors(minorIds: $ids, structureCode: $code, on: $on) }';

export function normaliseCriteria(filter: MinorSearchFilter | null | undefined): MinorSearchCriteria {
  const words = (filter?.name ?? '').trim().toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length > MAX_NAME_WORDS) throw badInput('filter.name', `At most ${MAX_NAME_WORDS} words`);
  const fc = filter?.fiscalCode?.trim();
  return { nameWords: words, fiscalCode: fc ? normaliseFiscalCode(fc) : null, birthDate: filter?.birthDate ?? null };
}

/**
 * searchMinors (docs/privacy.md §6: list queries return only minors in a
 * relationship, filtered by the subgraph): a social worker searches the
 * minors their service holds a case for today (CASE_HOLDER, in SQL); a
 * structure operator the minors their structure hosts (HOSTING: ASMI, which
 * owns placements, names them; the SQL is then restricted to those ids);
 * every other role gets an empty connection.
 */
export function createMinorSearchService(deps: ServiceDeps) {
  const { dataSource, clock } = deps;

  async function hostedBy(structureCode: string, today: string): Promise<string[]> {
    if (!deps.asmi) return [];
    const data = await deps.asmi.query<StructurePlacements>(STRUCTURE_PLACEMENTS, { reps: [{ __typename: 'Structure', code: structureCode }] });
    const since = addDays(today, -HOSTING_GRACE_DAYS);
    const candidates = [...new Set((data._entities[0]?.placements ?? []).filter((p) => p.dischargeDate === null || p.dischargeDate >= since).map((p) => p.minor.id))];
    if (candidates.length === 0) return [];
    const hosted = await deps.asmi.query<{ hostedMinors: string[] }>(HOSTED, { ids: candidates, code: structureCode, on: today });
    return hosted.hostedMinors.filter(isUuid).map((id) => id.toLowerCase());
  }

  return {
    /**
     * Of `ids`, the minors whose IDENTITY and DEMOGRAPHIC the structure may read
     * today: HOSTING or REQUESTED (docs/privacy.md §3, §4), asked of ASMI in one
     * call: SINBA's own check on single lookups and _entities (§9).
     */
    async hostedAmong(structureCode: string, ids: readonly string[], today: string): Promise<string[]> {
      const candidates = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
      if (!deps.asmi || candidates.length === 0) return [];
      const data = await deps.asmi.query<{ hostedMinors: string[]; requestedMinors: string[] }>(
        'query SinbaHostedOrRequested($ids: [ID!]!, $code: ID!, $on: Date!) { hostedMinors(minorIds: $ids, structureCode: $code, on: $on) requestedMinors(minorIds: $ids, structureCode: $code, on: $on) }',
        { ids: candidates, code: structureCode, on: today },
      );
      return [...data.hostedMinors, ...data.requestedMinors].filter(isUuid).map((id) => id.toLowerCase());
    },

    async search(principal: Principal, filter: MinorSearchFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<MinorPage> {
      requireAuthenticated(principal);
      const size = pageSize(first);
      const afterId = searchCursor.after(after);
      const criteria = normaliseCriteria(filter);
      const today = clock();
      let scope: SearchScope;
      if (principal.role === 'SOCIAL_WORKER') scope = { kind: 'caseHolder', serviceId: principal.serviceId, today };
      else if (principal.role === 'STRUCTURE_OPERATOR') scope = { kind: 'ids', ids: await hostedBy(principal.structureCode, today) };
      else return { nodes: [], pageInfo: { endCursor: null, hasNextPage: false } };
      const rows = await searchMinorsInScope(dataSource.manager, { scope, criteria, afterId, limit: size + 1 });
      return toPage(rows, size, (m) => m.id, searchCursor);
    },
  };
}

export type MinorSearchService = ReturnType<typeof createMinorSearchService>;
