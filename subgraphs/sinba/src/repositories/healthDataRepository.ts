import type { EntityManager } from 'typeorm';
import { HealthDataEntity } from '../entities/HealthData';

export interface HealthDataValues {
  readonly npiaFollowUp: boolean | null;
  readonly invalidity: boolean | null;
  readonly law104: boolean | null;
  readonly law104Severe: boolean | null;
  readonly npiaDate: string | null;
  readonly invalidityDate: string | null;
  readonly invalidityPercentage: number | null;
  readonly law104Date: string | null;
}

/** Insert or replace the minor's health data (one row per minor); returns the stored row. */
export async function upsertHealthData(db: EntityManager, minorId: string, values: HealthDataValues, updatedBy: string): Promise<HealthDataEntity> {
  const rows = (await db.query(
    `INSERT INTO sinba.health_data (minor_id, npia_follow_up, invalidity, law104, law104_severe, updated_at, updated_by,
                                    npia_date, invalidity_date, invalidity_percentage, law104_date)
     VALUES ($1, $2, $3, $4, $5, now(), $6, $7, $8, $9, $10)
     ON CONFLICT (minor_id) DO UPDATE SET
       npia_follow_up = EXCLUDED.npia_follow_up, invalidity = EXCLUDED.invalidity, law104 = EXCLUDED.law104,
       law104_severe = EXCLUDED.law104_severe, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by,
       npia_date = EXCLUDED.npia_date, invalidity_date = EXCLUDED.invalidity_date,
       invalidity_percentage = EXCLUDED.invalidity_percentage, law104_date = EXCLUDED.law104_date
     RETURNING updated_at`,
    [minorId, values.npiaFollowUp, values.invalidity, values.law104, values.law104Severe, updatedBy, values.npiaDate, values.invalidityDate, values.invalidityPercentage, values.law104Date],
  )) as { updated_at: Date }[];
  return db.getRepository(HealthDataEntity).create({ minorId, ...values, updatedAt: rows[0].updated_at, updatedBy });
}
