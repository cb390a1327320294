import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { byKey, groupByKey } from '@shared/db';
import { addDays } from '@shared/time';
import { HOSTING_GRACE_DAYS } from '../rules/placementRules';
import { countOccupancy, findHostedMinors, findPlacementsByIds, findPlacementsByMinorIds, findPlacementsByStructures, findStructureProvinces, isUuid, type PlacementRow } from '../repositories/placementRepository';
import type { PlacementVisibility } from '../repositories/visibility';
import { ABSENCES, ACTIVITIES, findRecordsByPlacementIds, type AbsenceRow, type ActivityRow } from '../repositories/structureRecordRepository';
import { findCareObservationsByPlacementIds, type CareObservationRow } from '../repositories/careObservationRepository';
import type { Upstream } from '../services/upstream';
import { computeQualityIssues } from '../services/qualityIssues';
import type { QualityIssue } from '../rules/qualityRules';
import { findRequestsByIds, findRequestsByMinors, findRequestsByStructures, type PlacementRequestRow, type RequestVisibility } from '../repositories/placementRequestRepository';
import type { PlacementRequestStatus } from '../rules/placementRequestRules';

const uuids = (keys: readonly string[]) => [...new Set(keys.filter(isUuid))];

/** A structure's placements, all of them (activeOn null) or those active on a date. */
export interface StructurePlacementsKey {
  readonly code: string;
  readonly activeOn: string | null;
}

/** A structure's occupancy on a date. */
export interface OccupancyKey {
  readonly code: string;
  readonly on: string;
}

/**
 * Per-request DataLoaders (docs/conventions.md: no N+1): one SQL statement per batch,
 * results in key order ([] / null / 0 for misses), the request's visibility
 * applied in the SQL, so no cache holds a row the caller may not see.
 */
export interface AsmiLoaders {
  /** Placement by id (Query.placement, Placement.__resolveReference). */
  readonly placementById: DataLoader<string, PlacementRow | null>;
  /** Minor.placements. */
  readonly placementsByMinorId: DataLoader<string, PlacementRow[]>;
  /** Structure.placements(activeOn). */
  readonly placementsByStructureCode: DataLoader<StructurePlacementsKey, PlacementRow[], string>;
  /** Structure.occupancy(on): a count, no rows, so no visibility filter (the service decides who may read it). */
  readonly occupancyByStructure: DataLoader<OccupancyKey, number, string>;
  /**
   * A structure's province (supervisors' territory on occupancy): from ASMI's
   * own placements, which keep it from the admission (one statement), and for
   * structures ASMI has never seen from the registry (one ASSO call per batch).
   */
  readonly structureProvince: DataLoader<string, string | null>;
  /** The caller's HOSTING relationship per minor today (docs/privacy.md §3; false for every role but a structure operator). */
  readonly viewerHosts: DataLoader<string, boolean>;
  /** Placement.absences (one statement, the placement's visibility in the SQL). */
  readonly absencesByPlacementId: DataLoader<string, AbsenceRow[]>;
  /** Placement.activities (one statement, the placement's visibility in the SQL). */
  readonly activitiesByPlacementId: DataLoader<string, ActivityRow[]>;
  /** Placement.careObservations (one statement; the placement itself was reached through the visibility). */
  readonly careObservationsByPlacementId: DataLoader<string, CareObservationRow[]>;
  /** Placement.qualityFlags: the issues of every placement of the response in one batch (one SINBA call, two ASSO calls, one statement). */
  readonly qualityIssues: DataLoader<PlacementRow, QualityIssue[], string>;
  /** Placement request by id (PlacementRequest.__resolveReference, Notification.request); the requests' visibility in the SQL. */
  readonly requestById: DataLoader<string, PlacementRequestRow | null>;
  /** Minor.placementRequests: the caller's requests about each minor. */
  readonly requestsByMinor: DataLoader<string, PlacementRequestRow[]>;
  /** Structure.placementRequests(status): one statement per status asked in the batch. */
  readonly requestsByStructure: DataLoader<{ code: string; status: PlacementRequestStatus | null }, PlacementRequestRow[], string>;
}

export function createLoaders(
  dataSource: DataSource,
  visibility: PlacementVisibility,
  today: string,
  upstream: Pick<Upstream, 'provinces' | 'casePeriods' | 'structureQuality'>,
  requestVisibility: RequestVisibility = { kind: 'none' },
): AsmiLoaders {
  const db = dataSource.manager;
  const structureKey = (k: StructurePlacementsKey) => `${k.code}|${k.activeOn ?? ''}`;
  const occupancyKey = (k: OccupancyKey) => `${k.code}|${k.on}`;
  const viewerHosts = new DataLoader<string, boolean>(async (ids) => {
    if (visibility.kind !== 'structure') return ids.map(() => false);
    const hosted = new Set(await findHostedMinors(db, uuids(ids), visibility.structureCode, today));
    return ids.map((id) => hosted.has(id.toLowerCase()));
  });
  // A placement row read for the request that makes its minor hosted by the
  // caller's structure today (findHostedMinors' rule: admitted, not
  // discharged more than HOSTING_GRACE_DAYS ago) answers Minor.viewerHosts
  // without another statement: the gateway asks it of every guest it shows.
  const hostedSince = addDays(today, -HOSTING_GRACE_DAYS);
  const noteHosting = <T extends readonly PlacementRow[]>(rows: T): T => {
    if (visibility.kind !== 'structure') return rows;
    for (const p of rows) {
      if (p.structureCode === visibility.structureCode && p.admissionDate <= today && (p.dischargeDate === null || p.dischargeDate >= hostedSince)) viewerHosts.prime(p.minorId.toLowerCase(), true);
    }
    return rows;
  };
  return {
    placementById: new DataLoader(async (ids) => byKey(ids, noteHosting(await findPlacementsByIds(db, uuids(ids), visibility)), (p) => p.id)),
    placementsByMinorId: new DataLoader(async (ids) => groupByKey(ids, noteHosting(await findPlacementsByMinorIds(db, uuids(ids), visibility)), (p) => p.minorId)),
    placementsByStructureCode: new DataLoader(
      async (keys) => {
        const rows = await findPlacementsByStructures(db, keys, visibility);
        noteHosting(rows.map((r) => r.placement));
        return groupByKey(keys.map(structureKey), rows, (r) => structureKey(r.key)).map((list) => list.map((r) => r.placement));
      },
      { cacheKeyFn: structureKey },
    ),
    occupancyByStructure: new DataLoader(
      async (keys) => {
        const counts = new Map((await countOccupancy(db, keys)).map((r) => [occupancyKey(r), r.n]));
        return keys.map((k) => counts.get(occupancyKey(k)) ?? 0);
      },
      { cacheKeyFn: occupancyKey },
    ),
    structureProvince: new DataLoader(async (codes) => {
      const known = byKey(codes, await findStructureProvinces(db, codes), (r) => r.code).map((r) => r?.province ?? null);
      const unknown = codes.filter((_c, i) => known[i] === null);
      const provinces = unknown.length > 0 ? await upstream.provinces(unknown) : [];
      const fromRegistry = new Map(unknown.map((c, i) => [c, provinces[i]]));
      return codes.map((c, i) => known[i] ?? fromRegistry.get(c) ?? null);
    }),
    viewerHosts,
    absencesByPlacementId: new DataLoader(async (ids) => groupByKey(ids, await findRecordsByPlacementIds(db, ABSENCES, uuids(ids), visibility), (a) => a.placementId)),
    activitiesByPlacementId: new DataLoader(async (ids) => groupByKey(ids, await findRecordsByPlacementIds(db, ACTIVITIES, uuids(ids), visibility), (a) => a.placementId)),
    careObservationsByPlacementId: new DataLoader(async (ids) => groupByKey(ids, await findCareObservationsByPlacementIds(db, uuids(ids)), (o) => o.placementId)),
    // Episode flags only for callers who see every placement of a minor (services/qualityIssues.ts).
    qualityIssues: new DataLoader((rows) => computeQualityIssues(db, upstream, rows, today, visibility.kind === 'all'), { cacheKeyFn: (p) => p.id }),
    requestById: new DataLoader(async (ids) => byKey(ids, await findRequestsByIds(db, uuids(ids), today, requestVisibility), (r) => r.id)),
    requestsByMinor: new DataLoader(async (ids) => groupByKey(ids, await findRequestsByMinors(db, uuids(ids), today, requestVisibility), (r) => r.minorId)),
    requestsByStructure: new DataLoader(
      async (keys) => {
        const statuses = [...new Set(keys.map((k) => k.status))];
        const found = new Map<string, PlacementRequestRow[]>();
        for (const status of statuses) {
          const codes = [...new Set(keys.filter((k) => k.status === status).map((k) => k.code))];
          for (const r of await findRequestsByStructures(db, codes, status, today, requestVisibility)) {
            const key = `${r.structureCode}|${status ?? ''}`;
            found.set(key, [...(found.get(key) ?? []), r]);
          }
        }
        return keys.map((k) => found.get(`${k.code}|${k.status ?? ''}`) ?? []);
      },
      { cacheKeyFn: (k) => `${k.code}|${k.status ?? ''}` },
    ),
  };
}
