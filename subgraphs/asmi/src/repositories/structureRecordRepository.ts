import type { EntityManager } from 'typeorm';
import { visibilityCondition, type PlacementVisibility } from './visibility';

/*
 * The records a structure keeps about a placement it hosts (seed 001): the
 * absences (asmi.absence) and the activities (asmi.activity). Both tables
 * have one shape — placement, a coded value, a first day, an optional last
 * day, notes — under other column names; one set of statements serves both,
 * each table described once below.
 */

/** A record table: its name, its coded column (ABSENCE_KIND, ACTIVITY_TYPE) and its first-day column, with the row field each becomes. */
export interface StructureRecordTable<Code extends string, Start extends string> {
  readonly table: 'absence' | 'activity';
  readonly code: { readonly column: string; readonly field: Code };
  readonly start: { readonly column: string; readonly field: Start };
}

/** One record: the coded value under `Code`, the first day under `Start`. */
export type StructureRecordRow<Code extends string, Start extends string> = {
  id: string;
  placementId: string;
  endDate: string | null;
  notes: string | null;
} & { [K in Code]: string } & { [K in Start]: string };

/** Absences and unauthorised departures (ABSENCE_KIND; migration AsmiAbsences): days [startDate, endDate], endDate null while away. */
export const ABSENCES: StructureRecordTable<'kind', 'startDate'> = { table: 'absence', code: { column: 'kind', field: 'kind' }, start: { column: 'start_date', field: 'startDate' } };
export type AbsenceRow = StructureRecordRow<'kind', 'startDate'>;

/** Activities inside the structure (ACTIVITY_TYPE; migration AsmiActivities): on `date`, or over [date, endDate]. */
export const ACTIVITIES: StructureRecordTable<'type', 'date'> = { table: 'activity', code: { column: 'type', field: 'type' }, start: { column: 'date', field: 'date' } };
export type ActivityRow = StructureRecordRow<'type', 'date'>;

type AnyTable<C extends string, S extends string> = StructureRecordTable<C, S>;

const columns = <C extends string, S extends string>(t: AnyTable<C, S>) =>
  `a.id, a.placement_id AS "placementId", a.${t.code.column} AS "${t.code.field}",
  to_char(a.${t.start.column}, 'YYYY-MM-DD') AS "${t.start.field}", to_char(a.end_date, 'YYYY-MM-DD') AS "endDate", a.notes`;

/** Records of several placements, by first day, the placement's visibility applied in the SQL (one statement; the loaders). */
export async function findRecordsByPlacementIds<C extends string, S extends string>(db: EntityManager, t: AnyTable<C, S>, ids: readonly string[], v: PlacementVisibility): Promise<StructureRecordRow<C, S>[]> {
  if (ids.length === 0 || v.kind === 'none') return [];
  const params: unknown[] = [[...ids]];
  return db.query(
    `SELECT ${columns(t)} FROM asmi.${t.table} a JOIN asmi.placement p ON p.id = a.placement_id
      WHERE a.placement_id = ANY($1::uuid[]) AND ${visibilityCondition(v, params)} ORDER BY a.${t.start.column}, a.id`,
    params,
  );
}

/** Every record of one placement (the rules that compare a record with the others). */
export async function findRecordsOfPlacement<C extends string, S extends string>(db: EntityManager, t: AnyTable<C, S>, placementId: string): Promise<StructureRecordRow<C, S>[]> {
  return db.query(`SELECT ${columns(t)} FROM asmi.${t.table} a WHERE a.placement_id = $1`, [placementId]);
}

export async function findRecord<C extends string, S extends string>(db: EntityManager, t: AnyTable<C, S>, id: string): Promise<StructureRecordRow<C, S> | null> {
  const rows: StructureRecordRow<C, S>[] = await db.query(`SELECT ${columns(t)} FROM asmi.${t.table} a WHERE a.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function insertRecord<C extends string, S extends string>(
  db: EntityManager,
  t: AnyTable<C, S>,
  r: { placementId: string; code: string; start: string; endDate: string | null; notes: string | null; actor: string },
): Promise<StructureRecordRow<C, S>> {
  const rows: StructureRecordRow<C, S>[] = await db.query(
    `INSERT INTO asmi.${t.table} AS a (placement_id, ${t.code.column}, ${t.start.column}, end_date, notes, created_by, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING ${columns(t)}`,
    [r.placementId, r.code, r.start, r.endDate, r.notes, r.actor],
  );
  return rows[0];
}

/** Whether the placement has an absence or activity reaching past the date (a discharge on it would leave them outside the placement). */
export async function hasRecordsAfter(db: EntityManager, placementId: string, date: string): Promise<boolean> {
  const tables: AnyTable<string, string>[] = [ABSENCES, ACTIVITIES];
  const rows = await db.query(
    `${tables.map((t) => `SELECT 1 FROM asmi.${t.table} WHERE placement_id = $1 AND (${t.start.column} > $2 OR end_date > $2)`).join(' UNION ALL ')} LIMIT 1`,
    [placementId, date],
  );
  return rows.length > 0;
}
