import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../../../../shared/auth/principal';
import { requireRole } from '../../../../shared/auth/requireRole';
import { badInput } from '../../../../shared/errors';
import { cursorCodec, pageSize, toPage } from '../../../../shared/graphql/pagination';
import { pseudonymOf } from '../../../../shared/privacy/pseudonym';
import type { Clock } from '../../../../shared/time';
import type { AsmiLoaders } from '../loaders';
import type { PlacementRow } from '../repositories/placementRepository';
import type { QualityPlacementRow } from '../repositories/qualityRepository';
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

/** The index of the first line whose key is above `after` (lines sorted by key; binary search). */
function firstAfter(lines: readonly { key: string }[], after: string): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lines[mid].key <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface ListingCacheLimits {
  /** How long a computed listing serves the following pages (ms). */
  ttlMs?: number;
  /** The most lines held by all the listings together; the oldest listings are evicted first, a larger listing is not kept. */
  maxLines?: number;
}

/** A listing serves its following pages for 60 s; at most 250,000 lines held in all (about 0.5 KB each, so some 120 MB at worst, usually far less). */
export const LISTING_TTL_MS = 60_000;
export const LISTING_MAX_LINES = 250_000;

/**
 * The computed, sorted lines of the last data-quality listings, by key (scope,
 * filter, today), so the pages after the first of one listing are sliced from
 * it instead of recomputing every issue of the scope (docs/architecture.md,
 * "Data-quality listings"). In process, bounded: entries expire after ttlMs,
 * and the oldest are evicted while the lines held exceed maxLines.
 */
export class ListingCache<L> {
  private readonly entries = new Map<string, { lines: readonly L[]; at: number }>();
  private held = 0;
  private readonly ttlMs: number;
  private readonly maxLines: number;

  constructor(limits: ListingCacheLimits, private readonly now: () => number = Date.now) {
    this.ttlMs = limits.ttlMs ?? LISTING_TTL_MS;
    this.maxLines = limits.maxLines ?? LISTING_MAX_LINES;
  }

  get(key: string): readonly L[] | undefined {
    this.expire();
    return this.entries.get(key)?.lines;
  }

  /** Keeps (or refreshes) a listing; returns nothing, the caller keeps its lines. */
  set(key: string, lines: readonly L[]): void {
    const old = this.entries.get(key);
    if (old?.lines === lines) return; // served from the cache: its age stays that of its computation
    this.delete(key);
    if (lines.length > this.maxLines || this.ttlMs <= 0) return;
    this.entries.set(key, { lines, at: this.now() });
    this.held += lines.length;
    for (const k of this.entries.keys()) {
      if (this.held <= this.maxLines) break;
      this.delete(k);
    }
  }

  /** Number of listings and lines held (tests, logs). */
  size(): { listings: number; lines: number } {
    this.expire();
    return { listings: this.entries.size, lines: this.held };
  }

  private expire(): void {
    const limit = this.now() - this.ttlMs;
    for (const [k, e] of this.entries) if (e.at <= limit) this.delete(k);
  }

  private delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.held -= e.lines.length;
    this.entries.delete(key);
  }
}

const lineCursor = cursorCodec('quality:', (k) => /^[0-9a-f-]{36}\|[A-Z_]+$/.test(k));

/**
 * The data-quality issues of the caller's scope (docs/privacy.md §5 "aggregate
 * reports" has the same scoping): REGIONAL_ANALYST the whole region,
 * SUPERVISOR the structures of its provinces, STRUCTURE_OPERATOR its own
 * structure; FORBIDDEN for others.
 */
export function createQualityService(deps: { dataSource: DataSource; upstream: Upstream; clock: Clock; pseudonymKey: string; listingCache?: ListingCacheLimits }) {
  const { dataSource, upstream, clock, pseudonymKey } = deps;
  const listings = new ListingCache<QualityIssueLine & { key: string }>(deps.listingCache ?? {});

  /** Every line of the scope, sorted by key (placement id, flag). */
  async function compute(scope: PlacementVisibility, filter: QualityIssueFilter | null | undefined, today: string): Promise<(QualityIssueLine & { key: string })[]> {
    const structureCode = filter?.structureCode ?? null;
    const rows = await findPlacementsForQuality(dataSource.manager, scope, structureCode);
    const issues = await computeQualityIssues(dataSource.manager, upstream, rows, today, scope.kind === 'all', scope.kind === 'all' && structureCode === null);
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
    return lines;
  }

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
      const today = clock();
      const cacheKey = JSON.stringify([scope, filter?.structureCode ?? null, filter?.flag ?? null, today]);
      // A following page (cursor) of a listing computed less than LISTING_TTL_MS ago is served from it; a first page always computes afresh.
      const lines = (afterKey !== null ? listings.get(cacheKey) : undefined) ?? (await compute(scope, filter, today));
      listings.set(cacheKey, lines);
      const start = afterKey === null ? 0 : firstAfter(lines, afterKey);
      const rest = lines.slice(start, start + size + 1);
      return toPage(rest, size, (l) => l.key, lineCursor);
    },
  };
}

export type QualityService = ReturnType<typeof createQualityService>;
