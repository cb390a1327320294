import type { EntityManager } from 'typeorm';
import { AdditionalDataEntity } from '../entities/AdditionalData';
import { caseHolderCondition, caseHolderParameters, type CaseVisibility } from './visibility';

export interface AdditionalDataValues {
  readonly schoolingLevel: string | null;
  readonly employmentCondition: string | null;
  readonly nomad: boolean | null;
  readonly orphan: boolean | null;
}

/** Additional data of the given minors the caller may see; one statement. */
export async function findAdditionalDataByMinorIds(db: EntityManager, minorIds: readonly string[], visibility: CaseVisibility): Promise<AdditionalDataEntity[]> {
  if (minorIds.length === 0 || visibility.kind === 'none') return [];
  return db
    .getRepository(AdditionalDataEntity)
    .createQueryBuilder('a')
    .where('a.minor_id = ANY(:minorIds)', { minorIds })
    .andWhere(caseHolderCondition('a.minor_id'), caseHolderParameters(visibility))
    .getMany();
}

/** The minor's additional data locked for an update (null when none recorded yet). */
export async function findAdditionalDataForUpdate(db: EntityManager, minorId: string): Promise<AdditionalDataEntity | null> {
  return db.getRepository(AdditionalDataEntity).createQueryBuilder('a').where('a.minor_id = :minorId', { minorId }).setLock('pessimistic_write').getOne();
}

/** Insert or replace the minor's additional data (one row per minor). */
export async function upsertAdditionalData(db: EntityManager, minorId: string, values: AdditionalDataValues, updatedBy: string): Promise<AdditionalDataEntity> {
  const rows = (await db.query(
    `INSERT INTO sinba.additional_data (minor_id, schooling_level, employment_condition, nomad, orphan, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, now(), $6)
     ON CONFLICT (minor_id) DO UPDATE SET
       schooling_level = EXCLUDED.schooling_level, employment_condition = EXCLUDED.employment_condition, nomad = EXCLUDED.nomad,
       orphan = EXCLUDED.orphan, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
     RETURNING updated_at`,
    [minorId, values.schoolingLevel, values.employmentCondition, values.nomad, values.orphan, updatedBy],
  )) as { updated_at: Date }[];
  return db.getRepository(AdditionalDataEntity).create({ minorId, ...values, updatedAt: rows[0].updated_at, updatedBy });
}
