import type { EntityManager } from 'typeorm';

/*
 * What only absences have (an end set later, closed at discharge); the
 * statements shared with activities are in structureRecordRepository.ts.
 */

export async function setAbsenceEnd(db: EntityManager, id: string, endDate: string, actor: string): Promise<void> {
  await db.query('UPDATE asmi.absence SET end_date = $2, updated_at = now(), updated_by = $3 WHERE id = $1', [id, endDate, actor]);
}

/** At discharge, an absence still open ends on the discharge day (the minor never came back to this placement). */
export async function closeOpenAbsences(db: EntityManager, placementId: string, date: string, actor: string): Promise<void> {
  await db.query('UPDATE asmi.absence SET end_date = $2, updated_at = now(), updated_by = $3 WHERE placement_id = $1 AND end_date IS NULL', [placementId, date, actor]);
}
