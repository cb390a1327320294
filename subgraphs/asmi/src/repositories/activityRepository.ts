import type { EntityManager } from 'typeorm';
import { visibilityCondition, type PlacementVisibility } from './visibility';

export interface ActivityRow {
  id: string;
  placementId: string;
  type: string;
  date: string;
  endDate: string | null;
  notes: string | null;
}

const COLUMNS = `a.id, a.placement_id AS "placementId", a.type,
  to_char(a.date, 'YYYY-MM-DD') AS "date", to_char(a.end_date, 'YYYY-MM-DD') AS "endDate", a.notes`;

/** Activities of several placements, the placement's visibility applied in the SQL (one statement). */
export async function findActivitiesByPlacementIds(db: EntityManager, ids: readonly string[], v: PlacementVisibility): Promise<ActivityRow[]> {
  if (ids.length === 0 || v.kind === 'none') return [];
  const params: unknown[] = [[...ids]];
  return db.query(
    `SELECT ${COLUMNS} FROM asmi.activity a JOIN asmi.placement p ON p.id = a.placement_id
      WHERE a.placement_id = ANY($1::uuid[]) AND ${visibilityCondition(v, params)} ORDER BY a.date, a.id`,
    params,
  );
}

export async function insertActivity(
  db: EntityManager,
  a: { placementId: string; type: string; date: string; endDate: string | null; notes: string | null; actor: string },
): Promise<ActivityRow> {
  const rows: ActivityRow[] = await db.query(
    `INSERT INTO asmi.activity AS a (placement_id, type, date, end_date, notes, created_by, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING ${COLUMNS}`,
    [a.placementId, a.type, a.date, a.endDate, a.notes, a.actor],
  );
  return rows[0];
}
