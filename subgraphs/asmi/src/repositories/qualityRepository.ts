import type { EntityManager } from 'typeorm';
import type { PlacementRow } from './placementRepository';
import { visibilityCondition, type PlacementVisibility } from './visibility';

/** The columns of a placement the data-quality rules read (services/qualityService.ts), nothing else. */
export type QualityPlacementRow = Pick<
  PlacementRow,
  'id' | 'minorId' | 'structureCode' | 'structureProvince' | 'admissionDate' | 'dischargeDate' | 'kind' | 'dischargeOutcome' | 'minorUnaccompanied'
>;

const QUALITY_COLUMNS = `p.id, p.minor_id AS "minorId", p.structure_code AS "structureCode", p.structure_province AS "structureProvince",
  to_char(p.admission_date, 'YYYY-MM-DD') AS "admissionDate", to_char(p.discharge_date, 'YYYY-MM-DD') AS "dischargeDate",
  p.kind, p.discharge_outcome AS "dischargeOutcome", p.minor_unaccompanied AS "minorUnaccompanied"`;

/**
 * Every placement the data-quality query looks at, within the caller's scope
 * (visibility in the SQL), optionally one structure; one statement. Only the
 * columns the rules read (at 400,000 placements the full rows took twice as
 * long to read and parse).
 */
export async function findPlacementsForQuality(db: EntityManager, v: PlacementVisibility, structureCode: string | null): Promise<QualityPlacementRow[]> {
  if (v.kind === 'none') return [];
  const params: unknown[] = [structureCode];
  return db.query(`SELECT ${QUALITY_COLUMNS} FROM asmi.placement p WHERE ($1::text IS NULL OR p.structure_code = $1) AND ${visibilityCondition(v, params)} ORDER BY p.id`, params);
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
