import DataLoader from 'dataloader';
import { byKey as byKeyIn, groupByKey as groupByKeyIn } from '@shared/db';

/** Ids are compared lower-case (UUIDs may be asked in either case). */
const lower = (k: string) => k.toLowerCase();
const byKey = <T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string) => byKeyIn(keys, rows, keyOf, lower);
const groupByKey = <T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string) => groupByKeyIn(keys, rows, keyOf, lower);
import type { DataSource } from 'typeorm';
import { findMinorIdsHeldBy } from '../repositories/caseRepository';
import type { CaseEntity } from '../entities/Case';
import type { HealthDataEntity } from '../entities/HealthData';
import type { InterventionEntity } from '../entities/Intervention';
import type { MinorEntity } from '../entities/Minor';
import type { ReferralEntity } from '../entities/Referral';
import { findReferralsByMinorIds } from '../repositories/referralRepository';
import { findCasesByIds, findCasesByMinorIds } from '../repositories/caseRepository';
import { findHealthDataByMinorIds } from '../repositories/healthDataRepository';
import { findInterventionsByCaseIds, findInterventionsByIds, findInterventionsByMinorIds } from '../repositories/interventionRepository';
import { findMinorsByIds } from '../repositories/minorRepository';
import type { CaseVisibility } from '../repositories/visibility';
import { createInterventionDetailLoaders, type InterventionDetailLoaders } from './interventionDetailLoaders';
import { createRecordLoaders, type RecordLoaders } from './recordLoaders';

/**
 * Per-request DataLoaders (docs/conventions.md: no N+1). Each batch function sends ONE
 * statement and returns results in key order (null / [] for misses). The CASE
 * and HEALTH loaders apply the request's visibility in their SQL, so the
 * cache never holds a row the caller may not see.
 */
export interface SinbaLoaders extends InterventionDetailLoaders, RecordLoaders {
  readonly minorById: DataLoader<string, MinorEntity | null>;
  readonly caseById: DataLoader<string, CaseEntity | null>;
  readonly casesByMinorId: DataLoader<string, CaseEntity[]>;
  readonly interventionById: DataLoader<string, InterventionEntity | null>;
  readonly interventionsByMinorId: DataLoader<string, InterventionEntity[]>;
  readonly interventionsByCaseId: DataLoader<string, InterventionEntity[]>;
  readonly healthDataByMinorId: DataLoader<string, HealthDataEntity | null>;
  /** seed 003 §3.1 referrals, CASE visibility. */
  readonly referralsByMinorId: DataLoader<string, ReferralEntity[]>;
  /** The caller's CASE_HOLDER relationship per minor (false for every role but a social worker). */
  readonly viewerHoldsCase: DataLoader<string, boolean>;
}

import { isUuid } from '@shared/ids';

export { isUuid };

function uuids(keys: readonly string[]): string[] {
  return [...new Set(keys.filter(isUuid).map((k) => k.toLowerCase()))];
}


export function createLoaders(dataSource: DataSource, visibility: CaseVisibility): SinbaLoaders {
  const db = dataSource.manager;
  return {
    // seed 003 §3.9.10, §3.10, §3.9.6
    ...createInterventionDetailLoaders(dataSource, visibility),
    // seed 003 §3.3–§3.8, §3.11, court orders
    ...createRecordLoaders(dataSource, visibility),
    minorById: new DataLoader(async (keys) => byKey(keys, await findMinorsByIds(db, uuids(keys)), (m) => m.id)),
    caseById: new DataLoader(async (keys) => byKey(keys, await findCasesByIds(db, uuids(keys), visibility), (c) => c.id)),
    casesByMinorId: new DataLoader(async (keys) => groupByKey(keys, await findCasesByMinorIds(db, uuids(keys), visibility), (c) => c.minorId)),
    interventionById: new DataLoader(async (keys) => byKey(keys, await findInterventionsByIds(db, uuids(keys), visibility), (i) => i.id)),
    interventionsByMinorId: new DataLoader(async (keys) => groupByKey(keys, await findInterventionsByMinorIds(db, uuids(keys), visibility), (i) => i.minorId)),
    interventionsByCaseId: new DataLoader(async (keys) => groupByKey(keys, await findInterventionsByCaseIds(db, uuids(keys), visibility), (i) => i.caseId)),
    healthDataByMinorId: new DataLoader(async (keys) => byKey(keys, await findHealthDataByMinorIds(db, uuids(keys), visibility), (h) => h.minorId)),
    referralsByMinorId: new DataLoader(async (keys) => groupByKey(keys, await findReferralsByMinorIds(db, uuids(keys), visibility), (r) => r.minorId)),
    viewerHoldsCase: new DataLoader(async (keys) => {
      if (visibility.kind !== 'caseHolder') return keys.map(() => false);
      const held = new Set(await findMinorIdsHeldBy(db, uuids(keys), visibility.serviceId, visibility.today));
      return keys.map((k) => held.has(k.toLowerCase()));
    }),
  };
}
