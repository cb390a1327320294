import type { DataSource } from 'typeorm';
import { requireAuthenticated, requireRole } from '@shared/auth';
import { badInput, forbidden } from '@shared/errors';
import { isUuid } from '@shared/ids';
import { cursorCodec, pageSize, toPage } from '@shared/graphql';
import { pseudonymOf } from '@shared/privacy';
import type { Clock } from '@shared/time';
import type { PlacementRow } from '../repositories/placementRepository';
import type { QualityPlacementRow } from '../repositories/qualityRepository';
import { findPlacementsForQuality } from '../repositories/qualityRepository';
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
import type { PlacementVisibility } from '../repositories/visibility';
import { QUALITY_FLAGS, type QualityFlag, type QualityIssue } from '../rules/qualityRules';
import { computeQualityIssues } from './qualityIssues';
import type { Upstream } from './upstream';
import type { RequestScope } from './deps';
import type { QualityIssueFilter } from '../generated/graphql';

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
      // A write never waits for another rewrite, nor pays for the day's rewrite of the whole region: the daily rewrite (reporting/qualitySchedule.ts) or the next read does it, queue included.
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

  /** After an ASMI write has committed (the trigger queued it): rewrite now, so the next read finds nothing pending. */
  const refreshPending = () => refresh(clock(), { wholeWhenStale: false });

  return {
    refreshPending,

    /** The daily rewrite of every flag (they depend on today), idempotent: nothing to do when already computed for today and nothing is queued. */
    refreshAll: () => refresh(clock()),

    /** Whether the flags were computed for another day (or never): the daily rewrite is due (one small statement, no lock). */
    isStale: async () => (await readQualityState(dataSource.manager, clock())).stale,

    /** The quality operations of one request: its caller and its loaders (context.ts). */
    forRequest({ principal, loaders }: RequestScope) {
      return {
        refreshPending,

        /** Placement.qualityFlags: the flags of a placement, through the request's batching loader. */
        async flagsOf(placement: PlacementRow): Promise<QualityFlag[]> {
          return (await loaders.qualityIssues.load(placement)).map((i) => i.flag);
        },

        /**
         * refreshQualityFlags: SINBA after a case opens, closes or moves, ASSO
         * after places or an act change; module-to-module only (SERVICE). Queues
         * the minors and structures, then rewrites their placements' flags.
         */
        async refreshFor(minorIds: readonly string[] | null | undefined, structureCodes: readonly string[] | null | undefined): Promise<number> {
          requireAuthenticated(principal);
          if (principal.role !== 'SERVICE') throw forbidden();
          const minors = [...new Set((minorIds ?? []).filter(isUuid).map((id) => id.toLowerCase()))];
          const codes = [...new Set(structureCodes ?? [])];
          if (minors.length > MAX_REFRESH_KEYS) throw badInput('minorIds', `At most ${MAX_REFRESH_KEYS} ids per call`);
          if (codes.length > MAX_REFRESH_KEYS) throw badInput('structureCodes', `At most ${MAX_REFRESH_KEYS} codes per call`);
          await queueQualityRefresh(dataSource.manager, minors, codes);
          return refresh(clock());
        },

        async issues(filter: QualityIssueFilter | null | undefined, first: number | null | undefined, after: string | null | undefined) {
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
    },
  };
}

export type QualityModule = ReturnType<typeof createQualityService>;
/** The quality operations of one request (`ctx.services.quality`). */
export type QualityService = ReturnType<QualityModule['forRequest']>;
