import type { EntityManager } from 'typeorm';
import type { QualityFlag } from '../rules/qualityRules';
import type { QualityPlacementRow } from './qualityRepository';
import { visibilityCondition, type PlacementVisibility } from './visibility';

/*
 * The stored data-quality flags (migration AsmiStoredQualityFlags,
 * docs/architecture.md "Data-quality listings"): read one page at a time, and
 * rewritten by services/qualityService.ts refresh under one advisory lock.
 */

/** Key of the transaction-level advisory lock that serialises the rewrites of the stored flags (every replica). */
export const QUALITY_FLAGS_LOCK = 0x51a17f1a6;

export interface StoredFlagRow {
  placementId: string;
  minorId: string;
  structureCode: string;
  province: string;
  flag: QualityFlag;
  since: string;
}

/** Whether the stored flags need work before a read: computed for another day (or never), or minors/structures queued. */
export async function readQualityState(db: EntityManager, today: string): Promise<{ stale: boolean; dirty: boolean; never: boolean }> {
  const [row] = await db.query(
    `SELECT s.computed_on IS NULL AS never, s.computed_on IS DISTINCT FROM $1::date AS stale, EXISTS (SELECT 1 FROM asmi.quality_dirty) AS dirty
       FROM asmi.quality_state s WHERE s.id = 1`,
    [today],
  );
  return row ? { stale: row.stale, dirty: row.dirty, never: row.never } : { stale: true, dirty: false, never: true };
}

export async function queueQualityRefresh(db: EntityManager, minorIds: readonly string[], structureCodes: readonly string[]): Promise<void> {
  if (minorIds.length > 0) await db.query('INSERT INTO asmi.quality_dirty (minor_id) SELECT unnest($1::uuid[])', [[...minorIds]]);
  if (structureCodes.length > 0) await db.query('INSERT INTO asmi.quality_dirty (structure_code) SELECT unnest($1::text[])', [[...structureCodes]]);
}

/** Takes the lock (waits for a rewrite running on any replica, or with `wait` false gives up: undefined) and returns the day the flags were computed for, locked. */
export async function lockQualityState(tx: EntityManager, wait = true): Promise<string | null | undefined> {
  if (!wait) {
    const [got] = await tx.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [QUALITY_FLAGS_LOCK]);
    if (!got.locked) return undefined; // a rewrite is running: what it did not take stays queued for the next one
  } else await tx.query('SELECT pg_advisory_xact_lock($1)', [QUALITY_FLAGS_LOCK]);
  const [row] = await tx.query(`SELECT to_char(computed_on, 'YYYY-MM-DD') AS "computedOn" FROM asmi.quality_state WHERE id = 1 FOR UPDATE`);
  return row?.computedOn ?? null;
}

/** Empties the queue (first, so whatever is queued after this statement waits for the next rewrite); returns what was queued. */
export async function takeQueued(tx: EntityManager): Promise<{ minorIds: string[]; structureCodes: string[] }> {
  // TypeORM answers a DELETE ... RETURNING with [rows, count] on PostgreSQL.
  const result = await tx.query('DELETE FROM asmi.quality_dirty RETURNING minor_id AS "minorId", structure_code AS "structureCode"');
  const rows: { minorId: string | null; structureCode: string | null }[] = Array.isArray(result[0]) ? result[0] : result;
  const minorIds = [...new Set(rows.map((r) => r.minorId).filter((x): x is string => x !== null))];
  const structureCodes = [...new Set(rows.map((r) => r.structureCode).filter((x): x is string => x !== null))];
  return { minorIds, structureCodes };
}

const QUALITY_COLUMNS = `p.id, p.minor_id AS "minorId", p.structure_code AS "structureCode", p.structure_province AS "structureProvince",
  to_char(p.admission_date, 'YYYY-MM-DD') AS "admissionDate", to_char(p.discharge_date, 'YYYY-MM-DD') AS "dischargeDate",
  p.kind, p.discharge_outcome AS "dischargeOutcome", p.minor_unaccompanied AS "minorUnaccompanied"`;

/** The placements of the minors or in the structures (the ones whose flags a change of those can alter); one statement. */
export async function findPlacementsOfMinorsOrStructures(db: EntityManager, minorIds: readonly string[], structureCodes: readonly string[]): Promise<QualityPlacementRow[]> {
  return db.query(`SELECT ${QUALITY_COLUMNS} FROM asmi.placement p WHERE p.minor_id = ANY($1::uuid[]) OR p.structure_code = ANY($2::text[]) ORDER BY p.id`, [
    [...minorIds],
    [...structureCodes],
  ]);
}

/** Replaces the stored flags of the placements (and of any placement of the minors or structures no longer there) with `rows`. */
export async function replaceFlags(tx: EntityManager, scope: 'all' | { placementIds: readonly string[]; minorIds: readonly string[]; structureCodes: readonly string[] }, rows: readonly StoredFlagRow[]): Promise<void> {
  if (scope === 'all') await tx.query('DELETE FROM asmi.placement_quality_flag');
  else
    await tx.query('DELETE FROM asmi.placement_quality_flag WHERE placement_id = ANY($1::uuid[]) OR minor_id = ANY($2::uuid[]) OR structure_code = ANY($3::text[])', [
      [...scope.placementIds],
      [...scope.minorIds],
      [...scope.structureCodes],
    ]);
  const CHUNK = 10_000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await tx.query(
      `INSERT INTO asmi.placement_quality_flag (placement_id, flag, since, minor_id, structure_code, structure_province)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[], $4::uuid[], $5::text[], $6::text[])`,
      [chunk.map((r) => r.placementId), chunk.map((r) => r.flag), chunk.map((r) => r.since), chunk.map((r) => r.minorId), chunk.map((r) => r.structureCode), chunk.map((r) => r.province)],
    );
  }
}

export async function markComputed(tx: EntityManager, today: string): Promise<void> {
  await tx.query('UPDATE asmi.quality_state SET computed_on = $1::date, computed_at = now() WHERE id = 1', [today]);
}

/**
 * One page of stored flags in (placement id, flag) order after the cursor key,
 * within the caller's scope (visibility in the SQL, table alias `p` like the
 * placements'), optionally one structure and one flag, without the episode
 * flags when `episodeFlags` is false; one statement, an index range scan.
 */
export async function findFlagPage(
  db: EntityManager,
  v: PlacementVisibility,
  filter: { structureCode: string | null; flag: string | null },
  episodeFlags: readonly string[] | null,
  after: { placementId: string; flag: string } | null,
  limit: number,
): Promise<StoredFlagRow[]> {
  if (v.kind === 'none') return [];
  const params: unknown[] = [filter.structureCode, filter.flag, after?.placementId ?? null, after?.flag ?? null, limit];
  const conditions = [
    '($1::text IS NULL OR p.structure_code = $1)',
    '($2::text IS NULL OR p.flag = $2)',
    '($3::uuid IS NULL OR (p.placement_id, p.flag) > ($3::uuid, $4::text COLLATE "C"))',
    visibilityCondition(v, params),
  ];
  if (episodeFlags) {
    params.push([...episodeFlags]);
    conditions.push(`p.flag <> ALL($${params.length}::text[])`);
  }
  return db.query(
    `SELECT p.placement_id AS "placementId", p.minor_id AS "minorId", p.structure_code AS "structureCode", p.structure_province AS province, p.flag,
            to_char(p.since, 'YYYY-MM-DD') AS since
       FROM asmi.placement_quality_flag p
      WHERE ${conditions.join(' AND ')}
      ORDER BY p.placement_id, p.flag
      LIMIT $5`,
    params,
  );
}
