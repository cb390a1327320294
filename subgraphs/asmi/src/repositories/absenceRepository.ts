import type { EntityManager } from 'typeorm';
import { visibilityCondition, type PlacementVisibility } from './visibility';

export interface AbsenceRow {
  id: string;
  placementId: string;
  kind: string;
  startDate: string;
  endDate: string | null;
  notes: string | null;
}

const COLUMNS = `a.id, a.placement_id AS "placementId", a.kind,
  to_char(a.start_date, 'YYYY-MM-DD') AS "startDate", to_char(a.end_date, 'YYYY-MM-DD') AS "endDate", a.notes`;

/** Absences of several placements, the placement's visibility applied in the SQL (one statement). */
export async function findAbsencesByPlacementIds(db: EntityManager, ids: readonly string[], v: PlacementVisibility): Promise<AbsenceRow[]> {
  if (ids.length === 0 || v.kind === 'none') return [];
  const params: unknown[] = [[...ids]];
  return db.query(
    `SELECT ${COLUMNS} FROM asmi.absence a JOIN asmi.placement p ON p.id = a.placement_id
      WHERE a.placement_id = ANY($1::uuid[]) AND ${visibilityCondition(v, params)} ORDER BY a.start_date, a.id`,
    params,
  );
}

export async function findAbsencesOfPlacement(db: EntityManager, placementId: string): Promise<AbsenceRow[]> {
  return db.query(`SELECT ${COLUMNS} FROM asmi.absence a WHERE a.placement_id = $1`, [placementId]);
}

export async function findAbsence(db: EntityManager, id: string): Promise<AbsenceRow | null> {
  const rows: AbsenceRow[] = await db.query(`SELECT ${COLUMNS} FROM asmi.absence a WHERE a.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function insertAbsence(
  db: EntityManager,
  a: { placementId: string; kind: string; startDate: string; endDate: string | null; notes: string | null; actor: string },
): Promise<string> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO asmi.absence (placement_id, kind, start_date, end_date, notes, created_by, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
    [a.placementId, a.kind, a.startDate, a.endDate, a.notes, a.actor],
  );
  return rows[0].id;
}

export async function setAbsenceEnd(db: EntityManager, id: string, endDate: string, actor: string): Promise<void> {
  await db.query('UPDATE asmi.absence SET end_date = $2, updated_at = now(), updated_by = $3 WHERE id = $1', [id, endDate, actor]);
}

/** Whether the placement has an absence or activity reaching past the date (a discharge on it would leave them outside the placement). */
export async function hasRecordsAfter(db: EntityManager, placementId: string, date: string): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM asmi.absence WHERE placement_id = $1 AND (start_date > $2 OR end_date > $2)
     UNION ALL SELECT 1 FROM asmi.activity WHERE placement_id = $1 AND (date > $2 OR end_date > $2) LIMIT 1`,
    [placementId, date],
  );
  return rows.length > 0;
}

/** At discharge, an absence still open ends on the discharge day (the minor never came back to this placement). */
export async function closeOpenAbsences(db: EntityManager, placementId: string, date: string, actor: string): Promise<void> {
  await db.query('UPDATE asmi.absence SET end_date = $2, updated_at = now(), updated_by = $3 WHERE placement_id = $1 AND end_date IS NULL', [placementId, date, actor]);
}
