import type { EntityManager } from 'typeorm';
import { FamilyProblemEntity, MinorProblemEntity } from '../entities/Problem';
import type { RecordPresence } from '../rules/problems';

/** The minor's problems open on `on` (start on or before, no end or end on or after), of one table; one statement. */
async function openCodes(db: EntityManager, table: 'minor_problem' | 'family_problem', minorId: string, on: string): Promise<string[]> {
  const rows = (await db.query(
    `SELECT code FROM sinba.${table} WHERE minor_id = $1 AND start_date <= $2 AND (end_date IS NULL OR end_date >= $2)`,
    [minorId, on],
  )) as { code: string }[];
  return rows.map((r) => r.code);
}

/** Codes of the minor's open problems (seed 003 §3.5) on `on`. */
export const openMinorProblemCodes = (db: EntityManager, minorId: string, on: string) => openCodes(db, 'minor_problem', minorId, on);

/** Codes of the family's open problems (seed 003 §3.8) on `on`. */
export const openFamilyProblemCodes = (db: EntityManager, minorId: string, on: string) => openCodes(db, 'family_problem', minorId, on);

/** Whether the problem `code` is already recorded without an end for the minor (the open-problem unique index). */
export async function hasUnendedProblem(db: EntityManager, entity: typeof MinorProblemEntity | typeof FamilyProblemEntity, minorId: string, code: string): Promise<boolean> {
  return (await db.getRepository(entity).createQueryBuilder('p').where('p.minor_id = :minorId AND p.code = :code AND p.end_date IS NULL', { minorId, code }).getCount()) > 0;
}


/** What the minor has recorded, in one statement (read inside the transaction that holds the minor's lock). */
export async function findRecordPresence(db: EntityManager, minorId: string): Promise<RecordPresence> {
  const rows = (await db.query(
    `SELECT
       EXISTS (SELECT 1 FROM sinba.health_data h WHERE h.minor_id = $1 AND num_nonnulls(h.npia_follow_up, h.invalidity, h.law104, h.law104_severe,
               h.npia_date, h.invalidity_date, h.invalidity_percentage, h.law104_date) > 0) AS health,
       EXISTS (SELECT 1 FROM sinba.additional_data a WHERE a.minor_id = $1 AND num_nonnulls(a.schooling_level, a.employment_condition, a.nomad, a.orphan) > 0) AS additional,
       EXISTS (SELECT 1 FROM sinba.violence_record v WHERE v.minor_id = $1) AS violence`,
    [minorId],
  )) as { health: boolean; additional: boolean; violence: boolean }[];
  return { healthData: rows[0].health, additionalData: rows[0].additional, violenceRecord: rows[0].violence };
}
