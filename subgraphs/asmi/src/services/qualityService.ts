import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../../../../shared/auth/principal';
import { requireRole } from '../../../../shared/auth/requireRole';
import { badInput } from '../../../../shared/errors';
import { cursorCodec, pageSize, toPage } from '../../../../shared/graphql/pagination';
import { pseudonymOf } from '../../../../shared/privacy/pseudonym';
import type { Clock } from '../../../../shared/time';
import type { AsmiLoaders } from '../loaders';
import type { PlacementRow } from '../repositories/placementRepository';
import { findEpisodesOfMinors, findPlacementsForQuality, findStructurePeriods } from '../repositories/qualityRepository';
import { getCodeList } from '../../../../shared/codes';
import type { PlacementVisibility } from '../repositories/visibility';
import {
  afterFinalDischargeSince,
  emergencyOverLimitSince,
  noOpenCaseSince,
  notActiveSince,
  overCapacitySince,
  QUALITY_FLAGS,
  transferGapSince,
  type Episode,
  type QualityFlag,
  type QualityIssue,
} from '../rules/qualityRules';
import type { Upstream } from './upstream';

/** DISCHARGE_OUTCOME codes by the attribute the episode rules read (shared/codes/lists/dischargeOutcome.ts). */
function outcomesWith(attribute: 'continuation' | 'final'): ReadonlySet<string> {
  return new Set(getCodeList('DISCHARGE_OUTCOME').entries.filter((e) => e.attributes?.[attribute] === true).map((e) => e.code));
}

/**
 * Every data-quality issue of the placements (rules/qualityRules.ts), in
 * placement order, each placement's flags in QUALITY_FLAGS order. Whatever the
 * number of placements: one SINBA call (case periods of all the minors), two
 * ASSO calls (places and status timeline of all the structures), one SQL
 * statement for the structures' placement periods (occupancy) and, with
 * `episodeChecks`, one for the minors' placements in every structure.
 * STRUCTURE_OVER_CAPACITY is evaluated today, with today's places, and put on
 * the placements hosted today; the others over each placement's own days.
 * The episode flags (TRANSFER_GAP, PLACEMENT_AFTER_FINAL_DISCHARGE) read the
 * minor's placements in other structures, so they are computed only for
 * callers who may see every placement (`episodeChecks`: social workers,
 * regional analysts, modules); a structure operator never learns from another
 * structure's placements, nor a supervisor from outside its territory
 * (PRIVACY.md §4; where silent, show less).
 */
export async function computeQualityIssues(
  db: EntityManager,
  upstream: Pick<Upstream, 'casePeriods' | 'structureQuality'>,
  rows: readonly PlacementRow[],
  today: string,
  episodeChecks: boolean,
): Promise<QualityIssue[][]> {
  if (rows.length === 0) return [];
  const minorIds = [...new Set(rows.map((r) => r.minorId))];
  const codes = [...new Set(rows.map((r) => r.structureCode))];
  const [cases, structures, periods, episodes] = await Promise.all([
    upstream.casePeriods(minorIds),
    upstream.structureQuality(codes, today),
    findStructurePeriods(db, codes),
    episodeChecks ? findEpisodesOfMinors(db, minorIds) : Promise.resolve([]),
  ]);
  const episodesOf = new Map<string, Episode[]>();
  for (const e of episodes) episodesOf.set(e.minorId, [...(episodesOf.get(e.minorId) ?? []), e]);
  const [continuation, final] = [outcomesWith('continuation'), outcomesWith('final')];
  const casesOf = new Map<string, { startDate: string; endDate: string | null }[]>();
  for (const c of cases) casesOf.set(c.minorId.toLowerCase(), [...(casesOf.get(c.minorId.toLowerCase()) ?? []), c]);
  const facts = new Map(codes.map((code, i) => [code, structures[i]]));
  const overCapacity = new Map<string, string | null>();
  for (const code of codes) {
    const f = facts.get(code);
    overCapacity.set(code, f ? overCapacitySince(periods.filter((p) => p.structureCode === code), f.places, today) : null);
  }
  return rows.map((p) => {
    const since: Record<QualityFlag, string | null> = {
      EMERGENCY_OVER_LIMIT: emergencyOverLimitSince(p, today),
      NO_OPEN_CASE: noOpenCaseSince(p, casesOf.get(p.minorId.toLowerCase()) ?? [], today),
      STRUCTURE_OVER_CAPACITY: p.admissionDate <= today && (p.dischargeDate === null || p.dischargeDate > today) ? (overCapacity.get(p.structureCode) ?? null) : null,
      STRUCTURE_NOT_ACTIVE: facts.get(p.structureCode) ? notActiveSince(p, facts.get(p.structureCode)!.timeline, today) : null,
      TRANSFER_GAP: episodeChecks ? transferGapSince(p, episodesOf.get(p.minorId) ?? [], continuation) : null,
      PLACEMENT_AFTER_FINAL_DISCHARGE: episodeChecks ? afterFinalDischargeSince(p, episodesOf.get(p.minorId) ?? [], final) : null,
    };
    return QUALITY_FLAGS.filter((flag) => since[flag] !== null).map((flag) => ({ flag, since: since[flag] as string }));
  });
}

export interface QualityIssueFilter {
  flag?: QualityFlag | null;
  structureCode?: string | null;
}

/** One line of the region's data-quality list: pseudonymous (PRIVACY.md §4, §8), no minor id, no identity. */
export interface QualityIssueLine {
  placementId: string;
  minorPseudonym: string;
  structureCode: string;
  province: string;
  flag: QualityFlag;
  since: string;
  /** Kept for the gateway's relationship anchor (Minor), never shown to roles that may not read the placement. */
  minorId: string;
}

const lineCursor = cursorCodec('quality:', (k) => /^[0-9a-f-]{36}\|[A-Z_]+$/.test(k));

/**
 * The data-quality issues of the caller's scope (PRIVACY.md §5 "aggregate
 * reports" has the same scoping): REGIONAL_ANALYST the whole region,
 * SUPERVISOR the structures of its provinces, STRUCTURE_OPERATOR its own
 * structure; FORBIDDEN for others.
 */
export function createQualityService(deps: { dataSource: DataSource; upstream: Upstream; clock: Clock; pseudonymKey: string }) {
  const { dataSource, upstream, clock, pseudonymKey } = deps;
  return {
    /** Placement.qualityFlags: the flags of a placement, through the request's batching loader. */
    async flagsOf(loaders: AsmiLoaders, placement: PlacementRow): Promise<QualityFlag[]> {
      return (await loaders.qualityIssues.load(placement)).map((i) => i.flag);
    },

    async issues(principal: Principal, filter: QualityIssueFilter | null | undefined, first: number | null | undefined, after: string | null | undefined) {
      requireRole(principal, ['REGIONAL_ANALYST', 'SUPERVISOR', 'STRUCTURE_OPERATOR'], 'Data-quality lists are for regional analysts, supervisors and structure operators');
      const size = pageSize(first);
      const afterKey = lineCursor.after(after);
      if (filter?.flag && !(QUALITY_FLAGS as readonly string[]).includes(filter.flag)) throw badInput('filter.flag', 'Unknown data-quality flag');
      const scope: PlacementVisibility =
        principal.role === 'REGIONAL_ANALYST'
          ? { kind: 'all' }
          : principal.role === 'SUPERVISOR'
            ? { kind: 'territory', provinces: principal.territory }
            : { kind: 'structure', structureCode: principal.structureCode };
      const rows = await findPlacementsForQuality(dataSource.manager, scope, filter?.structureCode ?? null);
      const today = clock();
      const issues = await computeQualityIssues(dataSource.manager, upstream, rows, today, scope.kind === 'all');
      const lines: (QualityIssueLine & { key: string })[] = [];
      rows.forEach((p, i) => {
        for (const issue of issues[i]) {
          if (filter?.flag && issue.flag !== filter.flag) continue;
          lines.push({
            key: `${p.id}|${issue.flag}`,
            placementId: p.id,
            minorPseudonym: pseudonymOf(p.minorId, pseudonymKey),
            structureCode: p.structureCode,
            province: p.structureProvince,
            flag: issue.flag,
            since: issue.since,
            minorId: p.minorId,
          });
        }
      });
      // Rows come ordered by placement id and flags in a fixed order, so keys ascend... except the flag order: sort by key.
      lines.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const start = afterKey === null ? 0 : lines.findIndex((l) => l.key > afterKey);
      const rest = start < 0 ? [] : lines.slice(start, start + size + 1);
      return toPage(rest, size, (l) => l.key, lineCursor);
    },
  };
}

export type QualityService = ReturnType<typeof createQualityService>;
