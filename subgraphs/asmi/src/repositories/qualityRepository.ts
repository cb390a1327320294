import type { EntityManager } from 'typeorm';
import { COLUMNS, type PlacementRow } from './placementRepository';
import { visibilityCondition, type PlacementVisibility } from './visibility';

/** Every placement the data-quality query looks at, within the caller's scope (visibility in the SQL), optionally one structure; one statement. */
export async function findPlacementsForQuality(db: EntityManager, v: PlacementVisibility, structureCode: string | null): Promise<PlacementRow[]> {
  if (v.kind === 'none') return [];
  const params: unknown[] = [structureCode];
  return db.query(`SELECT ${COLUMNS} FROM asmi.placement p WHERE ($1::text IS NULL OR p.structure_code = $1) AND ${visibilityCondition(v, params)} ORDER BY p.id`, params);
}

/** The periods of every placement of the structures (occupancy over time for STRUCTURE_OVER_CAPACITY); one statement. */
export async function findStructurePeriods(db: EntityManager, codes: readonly string[]): Promise<{ structureCode: string; admissionDate: string; dischargeDate: string | null }[]> {
  if (codes.length === 0) return [];
  return db.query(
    `SELECT structure_code AS "structureCode", to_char(admission_date, 'YYYY-MM-DD') AS "admissionDate", to_char(discharge_date, 'YYYY-MM-DD') AS "dischargeDate"
       FROM asmi.placement WHERE structure_code = ANY($1::text[])`,
    [[...codes]],
  );
}

/** Every placement (any structure) of the minors, for the episode checks: only callers who may see them all get those flags (services/qualityService.ts); one statement. */
export async function findEpisodesOfMinors(db: EntityManager, minorIds: readonly string[]): Promise<{ id: string; minorId: string; admissionDate: string; dischargeDate: string | null; dischargeOutcome: string | null }[]> {
  if (minorIds.length === 0) return [];
  return db.query(
    `SELECT id, minor_id AS "minorId", to_char(admission_date, 'YYYY-MM-DD') AS "admissionDate", to_char(discharge_date, 'YYYY-MM-DD') AS "dischargeDate", discharge_outcome AS "dischargeOutcome"
       FROM asmi.placement WHERE minor_id = ANY($1::uuid[])`,
    [[...minorIds]],
  );
}
