import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { byKey, groupByKey } from '../../../../shared/db/keyed';
import { countOccupancy, findPlacementsByIds, findPlacementsByMinorIds, findPlacementsByStructures, findStructureProvinces, type PlacementRow } from '../repositories/placementRepository';
import type { PlacementVisibility } from '../repositories/visibility';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuids = (keys: readonly string[]) => [...new Set(keys.filter((k) => UUID.test(k)))];

export interface StructureDateKey {
  readonly code: string;
  readonly date: string | null;
}
const keyOf = (k: StructureDateKey) => `${k.code}|${k.date ?? ''}`;

/**
 * Per-request DataLoaders (STYLE.md: no N+1): one statement per batch,
 * results in key order, the request's visibility applied in the SQL.
 */
export interface AsmiLoaders {
  readonly placementById: DataLoader<string, PlacementRow | null>;
  readonly placementsByMinorId: DataLoader<string, PlacementRow[]>;
  readonly placementsByStructure: DataLoader<StructureDateKey, PlacementRow[], string>;
  readonly occupancy: DataLoader<StructureDateKey, number, string>;
  readonly structureProvince: DataLoader<string, string | null>;
}

export function createLoaders(dataSource: DataSource, visibility: PlacementVisibility): AsmiLoaders {
  const db = dataSource.manager;
  return {
    placementById: new DataLoader(async (keys) => byKey(keys, await findPlacementsByIds(db, uuids(keys), visibility), (p) => p.id)),
    placementsByMinorId: new DataLoader(async (keys) => groupByKey(keys, await findPlacementsByMinorIds(db, uuids(keys), visibility), (p) => p.minorId)),
    placementsByStructure: new DataLoader(
      async (keys) => {
        const rows = (await findPlacementsByStructures(db, keys.map((k) => ({ code: k.code, activeOn: k.date })), visibility)) as (PlacementRow & { keyActiveOn: Date | string | null })[];
        const normalised = rows.map((r) => ({ row: r, key: `${r.structureCode}|${r.keyActiveOn === null ? '' : toIso(r.keyActiveOn)}` }));
        return groupByKey(keys.map(keyOf), normalised, (r) => r.key).map((list) => list.map(({ row }) => { const { keyActiveOn: _k, ...rest } = row; return rest as PlacementRow; }));
      },
      { cacheKeyFn: keyOf },
    ),
    occupancy: new DataLoader(
      async (keys) => {
        const rows = await countOccupancy(db, keys.map((k) => ({ code: k.code, on: k.date as string })));
        const map = new Map(rows.map((r) => [`${r.code}|${r.on}`, r.n]));
        return keys.map((k) => map.get(keyOf(k)) ?? 0);
      },
      { cacheKeyFn: keyOf },
    ),
    structureProvince: new DataLoader(async (keys) => byKey(keys, await findStructureProvinces(db, keys), (r) => r.code).map((r) => r?.province ?? null)),
  };
}

function toIso(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
