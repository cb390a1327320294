import type { EntityManager } from 'typeorm';
import { AdditionalDataEntity } from '../entities/AdditionalData';

export interface AdditionalDataValues {
  readonly schoolingLevel: string | null;
  readonly employmentCondition: string | null;
  readonly nomad: boolean | null;
  readonly orphan: boolean | null;
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
