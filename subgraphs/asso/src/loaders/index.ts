import DataLoader from 'dataloader';
import { byKey, groupByKey } from '@shared/db';
import type { DataSource } from 'typeorm';
import type { ActEntity } from '../entities/Act';
import type { InspectionEntity } from '../entities/Inspection';
import type { StructureEntity } from '../entities/Structure';
import { findActDocumentsByActIds, type ActDocumentMeta } from '../repositories/actDocumentRepository';
import { findActsByStructureCodes } from '../repositories/actRepository';
import { findChangesByStructureCodes, type StructureChangeRow } from '../repositories/structureHistoryRepository';
import { findInspectionsByStructureCodes } from '../repositories/inspectionRepository';
import { findStructuresByCodes } from '../repositories/structureRepository';
import type { RegistryVisibility } from '../rules/registryAccess';
import { STRUCTURE_CODE } from '../rules/structureRegistration';

/**
 * Per-request DataLoaders (docs/conventions.md: no N+1). Each batch function sends ONE
 * statement whatever the number of keys and returns results in key order
 * (null / [] for misses). The inspections loader applies the request's
 * REGISTRY visibility in its SQL, so the cache never holds a row the caller
 * may not see.
 */
export interface AssoLoaders {
  /** `__resolveReference` and `structure(code)`. */
  readonly structureByCode: DataLoader<string, StructureEntity | null>;
  /** `Structure.acts`, `status`, `statusOn`: the acts of many structures in one statement. */
  readonly actsByStructureCode: DataLoader<string, ActEntity[]>;
  /** `Structure.inspections` (REGISTRY). */
  readonly inspectionsByStructureCode: DataLoader<string, InspectionEntity[]>;
  /** `Act.document`: metadata of the current documents of many acts in one statement (PUBLIC). */
  readonly actDocumentByActId: DataLoader<string, ActDocumentMeta | null>;
  /** `Structure.history` (REGISTRY; the service checks the caller first). */
  readonly changesByStructureCode: DataLoader<string, StructureChangeRow[]>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Codes that cannot be in the registry never reach the SQL. */
function plausibleCodes(keys: readonly string[]): string[] {
  return [...new Set(keys.filter((k) => STRUCTURE_CODE.test(k)))];
}


export function createLoaders(dataSource: DataSource, registryVisibility: RegistryVisibility): AssoLoaders {
  const db = dataSource.manager;
  return {
    structureByCode: new DataLoader(async (keys) => byKey(keys, await findStructuresByCodes(db, plausibleCodes(keys)), (s) => s.code)),
    actsByStructureCode: new DataLoader(async (keys) => groupByKey(keys, await findActsByStructureCodes(db, plausibleCodes(keys)), (a) => a.structureCode)),
    inspectionsByStructureCode: new DataLoader(async (keys) =>
      groupByKey(keys, await findInspectionsByStructureCodes(db, plausibleCodes(keys), registryVisibility), (i) => i.structureCode),
    ),
    changesByStructureCode: new DataLoader(async (keys) => groupByKey(keys, await findChangesByStructureCodes(db, plausibleCodes(keys)), (c) => c.structureCode)),
    actDocumentByActId: new DataLoader(async (keys) =>
      byKey(keys, await findActDocumentsByActIds(db, [...new Set(keys.filter((k) => UUID.test(k)))]), (d) => d.actId, (k) => k.toLowerCase()),
    ),
  };
}
