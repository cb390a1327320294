import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@shared/auth';
import { requireAuthenticated, requireRole } from '@shared/auth';
import { badInput, forbidden } from '@shared/errors';
import { isUuid } from '@shared/ids';
import { cursorCodec, pageSize, toPage } from '@shared/graphql';
import { pseudonymOf } from '@shared/privacy';
import type { Clock } from '@shared/time';
import type { AsmiLoaders } from '../loaders';
import type { PlacementRow } from '../repositories/placementRepository';
import type { QualityPlacementRow } from '../repositories/qualityRepository';
import { findEpisodesOfMinors, findPlacementsForQuality, findStructurePeriods } from '../repositories/qualityRepository';
import {
  findFlagPage,
  findPlacementsOfMinorsOrStructures,
  lockQualityState,
  markComputed,
  queueQualityRefresh,
  readQualityState,
  replaceFlags,
  takeQueued,
  type StoredFlagRow,
} from '../repositories/qualityFlagRepository';
import { getCodeList } from '@shared/codes';
import type { PlacementVisibility } from '../repositories/visibility';
import {
  afterFinalDischargeSince,
  emergencyOverLimitSince,
  noOpenCaseSince,
  notActiveSince,
  overCapacitySince,
  QUALITY_FLAGS,
  transferGapSince,
  type QualityFlag,
  type QualityIssue,
} from '../rules/qualityRules';
import type { Upstream } from './upstream';

/** The items by key, each group in the input order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** DISCHARGE_OUTCOME codes by the attribute the episode rules read (shared/codes/lists/dischargeOutcome.ts). */
function outcomesWith(attribute: 'continuation' | 'final'): ReadonlySet<string> {
  return new Set(getCodeList('DISCHARGE_OUTCOME').entries.filter((e) => e.attributes?.[attribute] === true).map((e) => e.code));
}

/**
 * Every data-quality issue of the placements (rules/qualityRules.ts), in
 * placement order, each placement's flags in QUALITY_FLAGS order. Whatever the
 * number of placements: SINBA casePeriods for all the minors (one call per
 * 1000 minors; services/upstream.ts), two ASSO calls (places
 * and status timeline of all the structures), one SQL statement for the
 * structures' placement periods (occupancy) and, with `episodeChecks`, one
 * for the minors' placements in every structure; neither when
 * `rowsAreEveryPlacement` (the rows are then both).
 * STRUCTURE_OVER_CAPACITY is evaluated today, with today's places, and put on
 * the placements hosted today; the others over each placement's own days.
 * The episode flags (TRANSFER_GAP, PLACEMENT_AFTER_FINAL_DISCHARGE) read the
 * minor's placements in other structures, so they are computed only for
 * callers who may see every placement (`episodeChecks`: social workers,
 * regional analysts, modules); a structure operator never learns from another
 * structure's placements, nor a supervisor from outside its territory
 * (docs/privacy.md §4; where silent, show less).
 */
export async function computeQualityIssues(
  db: EntityManager,
  upstream: Pick<Upstream, 'casePeriods' | 'structureQuality'>,
  rows: readonly QualityPlacementRow[],
  today: string,
  episodeChecks: boolean,
  rowsAreEveryPlacement = false,
): Promise<QualityIssue[][]> {
  if (rows.length === 0) return [];
  const minorIds = [...new Set(rows.map((r) => r.minorId))];
  const codes = [...new Set(rows.map((r) => r.structureCode))];
  // When the rows are every placement (the region's list, no filter), the structures' periods and the minors' episodes are those rows: not read again.
  const [cases, structures, periods, episodes] = await Promise.all([
    upstream.casePeriods(minorIds),
    upstream.structureQuality(codes, today),
    rowsAreEveryPlacement ? rows : findStructurePeriods(db, codes),
    !episodeChecks ? Promise.resolve([]) : rowsAreEveryPlacement ? rows : findEpisodesOfMinors(db, minorIds),
  ]);
  // Grouped once by key (Maps), so every lookup below is O(1): no scan of all periods or cases per structure or placement.
  const episodesOf = groupBy(episodes, (e) => e.minorId);
  const [continuation, final] = [outcomesWith('continuation'), outcomesWith('final')];
  const casesOf = groupBy(cases, (c) => c.minorId.toLowerCase());
  const facts = new Map(codes.map((code, i) => [code, structures[i]]));
  const periodsOf = groupBy(periods, (p) => p.structureCode);
  const overCapacity = new Map<string, string | null>();
  for (const code of codes) {
    const f = facts.get(code);
    overCapacity.set(code, f ? overCapacitySince(periodsOf.get(code) ?? [], f.places, today) : null);
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

/** One line of the region's data-quality list: pseudonymous (docs/privacy.md §4, §8), no minor id, no identity. */
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

/** The flags that read the minor's placements in other structures: only for callers who see every placement (computeQualityIssues `episodeChecks`). */
export const EPISODE_FLAGS: readonly QualityFlag[] = ['TRANSFER_GAP', 'PLACEMENT_AFTER_FINAL_DISCHARGE'];

/** refreshQualityFlags: at most this many minors and structures per call. */
export const MAX_REFRESH_KEYS = 1000;

/**
 * The data-quality issues of the caller's scope (docs/privacy.md §5 "aggregate
 * reports" has the same scoping): REGIONAL_ANALYST the whole region,
 * SUPERVISOR the structures of its provinces, STRUCTURE_OPERATOR its own
 * structure; FORBIDDEN for others.
 *
 * Stored, not computed per request (docs/architecture.md "Data-quality
 * listings", issue 17 §5): the flags of every placement live in
 * asmi.placement_quality_flag, rewritten by `refresh` for the minors and
 * structures queued by a change (a placement write queues itself through a
 * trigger; SINBA's cases and ASSO's places and acts through
 * refreshQualityFlags), and all of them once a day (they depend on today).
 * A page is one indexed statement whatever the size of the region; no
 * listing is held in memory, so every replica answers the same pages.
 */
export function createQualityService(deps: { dataSource: DataSource; upstream: Upstream; clock: Clock; pseudonymKey: string }) {
  const { dataSource, upstream, clock, pseudonymKey } = deps;

  /**
   * Rewrites the stored flags that need it, in one transaction under the
   * advisory lock (so replicas and concurrent requests never interleave two
   * rewrites; a second caller waits, then finds nothing left to do): all of
   * them when they were computed for another day, else the placements of the
   * queued minors and structures. The queue is emptied in the same
   * transaction: if SINBA or ASSO cannot answer, nothing is lost, the queue
   * stays for the next attempt. Returns the placements recomputed.
   */
  async function refresh(today: string, options: { wholeWhenStale: boolean } = { wholeWhenStale: true }): Promise<number> {
    return dataSource.transaction(async (tx) => {
      // A write never waits for another rewrite, nor pays for the day's rewrite of the whole region: the next read (or the daily job) does it, queue included.
      const computedOn = await lockQualityState(tx, options.wholeWhenStale);
      if (computedOn === undefined || (computedOn !== today && !options.wholeWhenStale)) return 0;
      const queued = await takeQueued(tx);
      if (computedOn !== today) {
        const rows = await findPlacementsForQuality(tx, { kind: 'all' }, null);
        const issues = await computeQualityIssues(tx, upstream, rows, today, true, true);
        await replaceFlags(tx, 'all', storedRows(rows, issues));
        await markComputed(tx, today);
        return rows.length;
      }
      if (queued.minorIds.length === 0 && queued.structureCodes.length === 0) return 0;
      const rows = await findPlacementsOfMinorsOrStructures(tx, queued.minorIds, queued.structureCodes);
      const issues = await computeQualityIssues(tx, upstream, rows, today, true);
      await replaceFlags(tx, { placementIds: rows.map((r) => r.id), ...queued }, storedRows(rows, issues));
      return rows.length;
    });
  }

  function storedRows(rows: readonly QualityPlacementRow[], issues: readonly QualityIssue[][]): StoredFlagRow[] {
    const out: StoredFlagRow[] = [];
    rows.forEach((p, i) => {
      for (const issue of issues[i] ?? []) out.push({ placementId: p.id, minorId: p.minorId, structureCode: p.structureCode, province: p.structureProvince, flag: issue.flag, since: issue.since });
    });
    return out;
  }

  /** Before a read: rewrites what a change or a new day left pending (usually nothing: one small statement). */
  async function ensureFresh(today: string): Promise<void> {
    const state = await readQualityState(dataSource.manager, today);
    if (state.stale || state.dirty) await refresh(today);
  }

  return {
    /** Placement.qualityFlags: the flags of a placement, through the request's batching loader. */
    async flagsOf(loaders: AsmiLoaders, placement: PlacementRow): Promise<QualityFlag[]> {
      return (await loaders.qualityIssues.load(placement)).map((i) => i.flag);
    },

    /** After an ASMI write has committed (the trigger queued it): rewrite now, so the next read finds nothing pending. */
    refreshPending: () => refresh(clock(), { wholeWhenStale: false }),

    /** The daily rewrite of every flag (they depend on today), idempotent: nothing to do when already computed for today and nothing is queued. */
    refreshAll: () => refresh(clock()),

    /**
     * refreshQualityFlags: SINBA after a case opens, closes or moves, ASSO
     * after places or an act change; module-to-module only (SERVICE). Queues
     * the minors and structures, then rewrites their placements' flags.
     */
    async refreshFor(principal: Principal, minorIds: readonly string[] | null | undefined, structureCodes: readonly string[] | null | undefined): Promise<number> {
      requireAuthenticated(principal);
      if (principal.role !== 'SERVICE') throw forbidden();
      const minors = [...new Set((minorIds ?? []).filter(isUuid).map((id) => id.toLowerCase()))];
      const codes = [...new Set(structureCodes ?? [])];
      if (minors.length > MAX_REFRESH_KEYS) throw badInput('minorIds', `At most ${MAX_REFRESH_KEYS} ids per call`);
      if (codes.length > MAX_REFRESH_KEYS) throw badInput('structureCodes', `At most ${MAX_REFRESH_KEYS} codes per call`);
      await queueQualityRefresh(dataSource.manager, minors, codes);
      return refresh(clock());
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
      await ensureFresh(clock());
      const [afterId, afterFlag] = afterKey === null ? [null, null] : afterKey.split('|');
      const rows = await findFlagPage(
        dataSource.manager,
        scope,
        { structureCode: filter?.structureCode ?? null, flag: filter?.flag ?? null },
        scope.kind === 'all' ? null : EPISODE_FLAGS,
        afterId && afterFlag ? { placementId: afterId, flag: afterFlag } : null,
        size + 1,
      );
      const lines: QualityIssueLine[] = rows.map((r) => ({ ...r, minorPseudonym: pseudonymOf(r.minorId, pseudonymKey) }));
      return toPage(lines, size, (l) => `${l.placementId}|${l.flag}`, lineCursor);
    },
  };
}

export type QualityService = ReturnType<typeof createQualityService>;
