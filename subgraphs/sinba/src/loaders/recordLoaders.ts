import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { groupByKey as groupByKeyIn, byKey as byKeyIn } from '@shared/db';
import { isUuid } from '@shared/ids';
import { AdditionalDataEntity } from '../entities/AdditionalData';
import { CoPlanningEntity } from '../entities/CoPlanning';
import { CourtOrderEntity } from '../entities/CourtOrder';
import { FamilyMemberEntity } from '../entities/FamilyMember';
import { FamilyProblemEntity, MinorProblemEntity } from '../entities/Problem';
import { ViolenceRecordEntity } from '../entities/ViolenceRecord';
import { findAdditionalDataByMinorIds } from '../repositories/additionalDataRepository';
import { findVisibleByMinorIds } from '../repositories/minorRecords';
import type { CaseVisibility } from '../repositories/visibility';

const lower = (k: string) => k.toLowerCase();
const uuids = (keys: readonly string[]) => [...new Set(keys.filter(isUuid).map(lower))];

/**
 * Per-request loaders of the minor's record of seed 003 §3.3–§3.8, §3.11 and
 * court orders, keyed by minor id: ONE statement per loader per request
 * (no N+1), with the request's CASE_HOLDER visibility in the SQL.
 */
export interface RecordLoaders {
  readonly familyMembersByMinorId: DataLoader<string, FamilyMemberEntity[]>;
  readonly additionalDataByMinorId: DataLoader<string, AdditionalDataEntity | null>;
  /** Every problem of the minor; the resolvers split health-related from the others. */
  readonly minorProblemsByMinorId: DataLoader<string, MinorProblemEntity[]>;
  readonly familyProblemsByMinorId: DataLoader<string, FamilyProblemEntity[]>;
  readonly coPlanningByMinorId: DataLoader<string, CoPlanningEntity[]>;
  readonly violenceRecordsByMinorId: DataLoader<string, ViolenceRecordEntity[]>;
  readonly courtOrdersByMinorId: DataLoader<string, CourtOrderEntity[]>;
}

export function createRecordLoaders(dataSource: DataSource, visibility: CaseVisibility): RecordLoaders {
  const db = dataSource.manager;
  const listLoader = <T extends ObjectLiteral & { minorId: string }>(entity: EntityTarget<T>, orderBy: string) =>
    new DataLoader<string, T[]>(async (keys) => groupByKeyIn(keys, await findVisibleByMinorIds(db, entity, uuids(keys), visibility, orderBy), (r) => r.minorId, lower));
  return {
    familyMembersByMinorId: listLoader(FamilyMemberEntity, 'created_at'),
    additionalDataByMinorId: new DataLoader(async (keys) => byKeyIn(keys, await findAdditionalDataByMinorIds(db, uuids(keys), visibility), (a) => a.minorId, lower)),
    minorProblemsByMinorId: listLoader(MinorProblemEntity, 'start_date'),
    familyProblemsByMinorId: listLoader(FamilyProblemEntity, 'start_date'),
    coPlanningByMinorId: listLoader(CoPlanningEntity, 'start_date'),
    violenceRecordsByMinorId: listLoader(ViolenceRecordEntity, 'knowledge_date'),
    courtOrdersByMinorId: listLoader(CourtOrderEntity, 'order_date'),
  };
}
