import type { EntityManager } from 'typeorm';
import type { PlacementEntity } from '../entities/Placement';
import { HOSTING_GRACE_DAYS } from '../rules/placementRules';
import { visibilityCondition, type PlacementVisibility } from './visibility';

export const COLUMNS = `p.id, p.minor_id AS "minorId", p.structure_code AS "structureCode",
  to_char(p.admission_date, 'YYYY-MM-DD') AS "admissionDate", to_char(p.discharge_date, 'YYYY-MM-DD') AS "dischargeDate",
  p.kind, p.referring_service AS "referringService", p.legal_basis AS "legalBasis",
  p.court_order_reference AS "courtOrderReference", p.discharge_outcome AS "dischargeOutcome",
  to_char(p.minor_birth_date, 'YYYY-MM-DD') AS "minorBirthDate", p.minor_sex AS "minorSex", p.minor_citizenship AS "minorCitizenship",
  p.minor_unaccompanied AS "minorUnaccompanied", p.structure_type AS "structureType", p.structure_province AS "structureProvince",
  p.created_by AS "createdBy", p.updated_by AS "updatedBy"`;

export type PlacementRow = PlacementEntity;

export { isUuid } from '@shared/ids';

export async function findPlacementsByIds(db: EntityManager, ids: readonly string[], v: PlacementVisibility): Promise<PlacementRow[]> {
  if (ids.length === 0 || v.kind === 'none') return [];
  const params: unknown[] = [[...ids]];
  return db.query(`SELECT ${COLUMNS} FROM asmi.placement p WHERE p.id = ANY($1::uuid[]) AND ${visibilityCondition(v, params)}`, params);
}

export async function findPlacementsByMinorIds(db: EntityManager, minorIds: readonly string[], v: PlacementVisibility): Promise<PlacementRow[]> {
  if (minorIds.length === 0 || v.kind === 'none') return [];
  const params: unknown[] = [[...minorIds]];
  return db.query(`SELECT ${COLUMNS} FROM asmi.placement p WHERE p.minor_id = ANY($1::uuid[]) AND ${visibilityCondition(v, params)} ORDER BY p.admission_date, p.id`, params);
}

/**
 * Placements of several structures, each key optionally restricted to those
 * active on a date (one statement for all keys); each row comes back with the
 * key it answers.
 */
export async function findPlacementsByStructures(
  db: EntityManager,
  keys: readonly { code: string; activeOn: string | null }[],
  v: PlacementVisibility,
): Promise<{ key: { code: string; activeOn: string | null }; placement: PlacementRow }[]> {
  if (keys.length === 0 || v.kind === 'none') return [];
  const params: unknown[] = [keys.map((k) => k.code), keys.map((k) => k.activeOn)];
  const rows: (PlacementRow & { keyActiveOn: string | null })[] = await db.query(
    `SELECT ${COLUMNS}, to_char(k.active_on, 'YYYY-MM-DD') AS "keyActiveOn"
       FROM unnest($1::text[], $2::date[]) AS k(code, active_on)
       JOIN asmi.placement p ON p.structure_code = k.code
      WHERE (k.active_on IS NULL OR (p.admission_date <= k.active_on AND (p.discharge_date IS NULL OR p.discharge_date > k.active_on)))
        AND ${visibilityCondition(v, params)}
      ORDER BY p.admission_date, p.id`,
    params,
  );
  return rows.map(({ keyActiveOn, ...placement }) => ({ key: { code: placement.structureCode, activeOn: keyActiveOn }, placement }));
}

/** Minors hosted on each (structure, date): active placements, counted in one statement. */
export async function countOccupancy(db: EntityManager, keys: readonly { code: string; on: string }[]): Promise<{ code: string; on: string; n: number }[]> {
  if (keys.length === 0) return [];
  const rows: { code: string; on: string; n: string }[] = await db.query(
    `SELECT k.code, to_char(k.on_date, 'YYYY-MM-DD') AS "on", count(p.id) AS n
       FROM unnest($1::text[], $2::date[]) AS k(code, on_date)
       LEFT JOIN asmi.placement p ON p.structure_code = k.code AND p.admission_date <= k.on_date AND (p.discharge_date IS NULL OR p.discharge_date > k.on_date)
      GROUP BY k.code, k.on_date`,
    [keys.map((k) => k.code), keys.map((k) => k.on)],
  );
  return rows.map((r) => ({ code: r.code, on: r.on, n: Number(r.n) }));
}

/** Provinces of structures as ASMI knows them from their placements (for the supervisor's territory on occupancy). */
export async function findStructureProvinces(db: EntityManager, codes: readonly string[]): Promise<{ code: string; province: string }[]> {
  if (codes.length === 0) return [];
  return db.query('SELECT DISTINCT structure_code AS code, structure_province AS province FROM asmi.placement WHERE structure_code = ANY($1::text[])', [[...codes]]);
}

/** Periods of the minor's placements (overlap rule); `exceptId` leaves out the placement being corrected. */
export async function findPeriodsOfMinor(db: EntityManager, minorId: string, exceptId?: string): Promise<{ admissionDate: string; dischargeDate: string | null }[]> {
  return db.query(
    `SELECT to_char(admission_date, 'YYYY-MM-DD') AS "admissionDate", to_char(discharge_date, 'YYYY-MM-DD') AS "dischargeDate" FROM asmi.placement WHERE minor_id = $1${exceptId ? ' AND id <> $2' : ''}`,
    exceptId ? [minorId, exceptId] : [minorId],
  );
}

/** Periods of the structure's placements still open on or after a date (capacity rule); `exceptId` leaves out the placement being corrected. */
export async function findPeriodsOfStructureFrom(db: EntityManager, structureCode: string, from: string, exceptId?: string): Promise<{ admissionDate: string; dischargeDate: string | null }[]> {
  return db.query(
    `SELECT to_char(admission_date, 'YYYY-MM-DD') AS "admissionDate", to_char(discharge_date, 'YYYY-MM-DD') AS "dischargeDate"
       FROM asmi.placement WHERE structure_code = $1 AND (discharge_date IS NULL OR discharge_date > $2::date)${exceptId ? ' AND id <> $3' : ''}`,
    exceptId ? [structureCode, from, exceptId] : [structureCode, from],
  );
}

/** Serialise admissions into one structure for the length of the transaction (capacity under concurrency). */
export async function lockStructure(db: EntityManager, structureCode: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('asmi.structure:' || $1, 0))`, [structureCode]);
}

/** Serialise writes on one minor's placements for the length of the transaction. */
export async function lockMinor(db: EntityManager, minorId: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('asmi.minor:' || $1, 0))`, [minorId]);
}

export interface NewPlacement {
  minorId: string;
  structureCode: string;
  admissionDate: string;
  kind: string;
  referringService: string | null;
  legalBasis: string | null;
  courtOrderReference: string | null;
  minorBirthDate: string | null;
  minorSex: string | null;
  minorCitizenship: string | null;
  minorUnaccompanied: boolean | null;
  structureType: string;
  structureProvince: string;
  actor: string;
}

export async function insertPlacement(db: EntityManager, p: NewPlacement): Promise<string> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO asmi.placement (minor_id, structure_code, admission_date, kind, referring_service, legal_basis, court_order_reference,
       minor_birth_date, minor_sex, minor_citizenship, minor_unaccompanied, structure_type, structure_province, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id`,
    [p.minorId, p.structureCode, p.admissionDate, p.kind, p.referringService, p.legalBasis, p.courtOrderReference, p.minorBirthDate, p.minorSex, p.minorCitizenship, p.minorUnaccompanied, p.structureType, p.structureProvince, p.actor],
  );
  return rows[0].id;
}

/** The placement row locked for update (discharge). */
export async function findPlacementForUpdate(db: EntityManager, id: string): Promise<PlacementRow | null> {
  const rows: PlacementRow[] = await db.query(`SELECT ${COLUMNS} FROM asmi.placement p WHERE p.id = $1 FOR UPDATE`, [id]);
  return rows[0] ?? null;
}

export async function setDischarge(db: EntityManager, id: string, dischargeDate: string, outcome: string, actor: string): Promise<void> {
  await db.query('UPDATE asmi.placement SET discharge_date = $2, discharge_outcome = $3, updated_at = now(), updated_by = $4 WHERE id = $1', [id, dischargeDate, outcome, actor]);
}

/** Cancel a discharge (issue 18 item 5): the placement is open again; who and when are kept in updated_by/updated_at. */
export async function clearDischarge(db: EntityManager, id: string, actor: string): Promise<void> {
  await db.query('UPDATE asmi.placement SET discharge_date = NULL, discharge_outcome = NULL, updated_at = now(), updated_by = $2 WHERE id = $1', [id, actor]);
}

/** docs/privacy.md §3 HOSTING for the gateway: which of the minors the structure hosts on `on` or discharged at most 30 days before. */
/**
 * The structures hosting each of the minors on `on` (or that discharged it at
 * most HOSTING_GRACE_DAYS before): HOSTING for many minors and structures in
 * one statement (SINBA's PLACEMENT_WITHOUT_ADMISSION check).
 */
export async function findHostingStructures(db: EntityManager, minorIds: readonly string[], on: string): Promise<{ minorId: string; structureCode: string }[]> {
  if (minorIds.length === 0) return [];
  return db.query(
    `SELECT DISTINCT minor_id AS "minorId", structure_code AS "structureCode" FROM asmi.placement
      WHERE minor_id = ANY($1::uuid[]) AND admission_date <= $2::date
        AND (discharge_date IS NULL OR discharge_date >= $2::date - $3::int)`,
    [[...minorIds], on, HOSTING_GRACE_DAYS],
  );
}

export async function findHostedMinors(db: EntityManager, minorIds: readonly string[], structureCode: string, on: string): Promise<string[]> {
  if (minorIds.length === 0) return [];
  const rows: { minorId: string }[] = await db.query(
    `SELECT DISTINCT minor_id AS "minorId" FROM asmi.placement
      WHERE minor_id = ANY($1::uuid[]) AND structure_code = $2 AND admission_date <= $3::date
        AND (discharge_date IS NULL OR discharge_date >= $3::date - $4::int)`,
    [[...minorIds], structureCode, on, HOSTING_GRACE_DAYS],
  );
  return rows.map((r) => r.minorId);
}
