import type { EntityManager } from 'typeorm';
import { getCodeList } from '@shared/codes';
import { groupBy } from '@shared/db';
import { findEpisodesOfMinors, findStructurePeriods, type QualityPlacementRow } from '../repositories/qualityRepository';
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

/*
 * The data-quality issues of a batch of placements (issue 7): the one
 * computation behind both the Placement.qualityFlags loader (src/loaders/)
 * and the stored flags' rewrite (qualityService.ts). It reads the facts the
 * rules need in a fixed number of calls and statements, then applies the pure
 * rules of rules/qualityRules.ts.
 */

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
