import type { EntityManager } from 'typeorm';
import type { AdmissionFacts } from '../rules/placementCorrectionRules';

/** Corrections of a placement's admission facts (migration 1733830000000; docs/domain.md "Correcting a placement"). */
export type CorrectionStatus = 'APPLIED' | 'PENDING' | 'REJECTED';
export type CorrectionPath = 'STRUCTURE' | 'SUPERVISOR';
/** The facts a correction changes, before or after (only those). */
export type CorrectionFacts = Partial<AdmissionFacts>;

export interface PlacementCorrectionRow {
  id: string;
  placementId: string;
  minorId: string;
  structureCode: string;
  structureProvince: string;
  path: CorrectionPath;
  status: CorrectionStatus;
  before: CorrectionFacts;
  after: CorrectionFacts;
  reason: string;
  requestedAt: string;
  requestedBy: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
}

const COLUMNS = `c.id, c.placement_id AS "placementId", c.minor_id AS "minorId", c.structure_code AS "structureCode",
  c.structure_province AS "structureProvince", c.path, c.status, c.before, c.after, c.reason,
  to_char(c.requested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "requestedAt", c.requested_by AS "requestedBy",
  to_char(c.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "decidedAt", c.decided_by AS "decidedBy", c.decision_reason AS "decisionReason"`;

/**
 * Who may read corrections (defence in depth behind the gateway): the
 * structure its own; a supervisor those of structures in its territory;
 * nobody else (a social worker reads the corrected placement itself).
 */
export type CorrectionVisibility = { kind: 'structure'; structureCode: string } | { kind: 'territory'; provinces: readonly string[] } | { kind: 'none' };

function condition(v: CorrectionVisibility, params: unknown[]): string {
  if (v.kind === 'none') return 'FALSE';
  params.push(v.kind === 'structure' ? v.structureCode : [...v.provinces]);
  return v.kind === 'structure' ? `c.structure_code = $${params.length}` : `c.structure_province = ANY($${params.length}::text[])`;
}

export async function insertCorrection(
  db: EntityManager,
  c: Omit<PlacementCorrectionRow, 'id' | 'requestedAt' | 'decidedAt' | 'decidedBy' | 'decisionReason'> & { decided: boolean },
): Promise<string> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO asmi.placement_correction (placement_id, minor_id, structure_code, structure_province, path, status, before, after, reason, requested_by, decided_at, decided_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, CASE WHEN $11 THEN now() END, CASE WHEN $11 THEN $10 END) RETURNING id`,
    [c.placementId, c.minorId, c.structureCode, c.structureProvince, c.path, c.status, JSON.stringify(c.before), JSON.stringify(c.after), c.reason, c.requestedBy, c.decided],
  );
  return rows[0].id;
}

export async function findCorrectionForUpdate(db: EntityManager, id: string): Promise<PlacementCorrectionRow | null> {
  const rows: PlacementCorrectionRow[] = await db.query(`SELECT ${COLUMNS} FROM asmi.placement_correction c WHERE c.id = $1 FOR UPDATE`, [id]);
  return rows[0] ?? null;
}

export async function findPendingOfPlacement(db: EntityManager, placementId: string): Promise<PlacementCorrectionRow | null> {
  const rows: PlacementCorrectionRow[] = await db.query(`SELECT ${COLUMNS} FROM asmi.placement_correction c WHERE c.placement_id = $1 AND c.status = 'PENDING'`, [placementId]);
  return rows[0] ?? null;
}

export async function setCorrectionDecision(db: EntityManager, id: string, d: { status: 'APPLIED' | 'REJECTED'; actor: string; reason: string | null }): Promise<void> {
  await db.query('UPDATE asmi.placement_correction SET status = $2, decided_at = now(), decided_by = $3, decision_reason = $4 WHERE id = $1', [id, d.status, d.actor, d.reason]);
}

/** The earliest admission date the placement ever had (the correction window counts from it). */
export async function firstAdmissionDate(db: EntityManager, placementId: string, current: string): Promise<string> {
  const rows: { first: string | null }[] = await db.query(
    `SELECT to_char(min((before->>'admissionDate')::date), 'YYYY-MM-DD') AS first FROM asmi.placement_correction WHERE placement_id = $1 AND status = 'APPLIED' AND before ? 'admissionDate'`,
    [placementId],
  );
  const first = rows[0]?.first ?? null;
  return first !== null && first < current ? first : current;
}

/** Write the corrected admission facts on the placement (who and when in updated_by/updated_at). */
export async function setAdmissionFacts(db: EntityManager, placementId: string, f: AdmissionFacts, actor: string): Promise<void> {
  await db.query(
    `UPDATE asmi.placement SET admission_date = $2, kind = $3, legal_basis = $4, court_order_reference = $5, referring_service = $6, updated_at = now(), updated_by = $7 WHERE id = $1`,
    [placementId, f.admissionDate, f.kind, f.legalBasis, f.courtOrderReference, f.referringService, actor],
  );
}

/** Absences, activities or care observations of the placement dated before a date (they must lie within the placement). */
export async function hasRecordsBefore(db: EntityManager, placementId: string, date: string): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM asmi.absence WHERE placement_id = $1 AND start_date < $2
     UNION ALL SELECT 1 FROM asmi.activity WHERE placement_id = $1 AND date < $2
     UNION ALL SELECT 1 FROM asmi.care_observation WHERE placement_id = $1 AND date < $2 LIMIT 1`,
    [placementId, date],
  );
  return rows.length > 0;
}

/** Corrections of several placements (Placement.corrections), oldest first; one statement. */
export async function findCorrectionsByPlacements(db: EntityManager, placementIds: readonly string[], v: CorrectionVisibility): Promise<PlacementCorrectionRow[]> {
  if (placementIds.length === 0) return [];
  const params: unknown[] = [[...placementIds]];
  return db.query(`SELECT ${COLUMNS} FROM asmi.placement_correction c WHERE c.placement_id = ANY($1::uuid[]) AND ${condition(v, params)} ORDER BY c.requested_at, c.id`, params);
}

/** One correction the caller may read (entity references). */
export async function findCorrectionsById(db: EntityManager, id: string, v: CorrectionVisibility): Promise<PlacementCorrectionRow | undefined> {
  const params: unknown[] = [id];
  const rows: PlacementCorrectionRow[] = await db.query(`SELECT ${COLUMNS} FROM asmi.placement_correction c WHERE c.id = $1 AND ${condition(v, params)}`, params);
  return rows[0];
}

/** One page of the corrections the caller may read, newest first, keyset on (requested_at, id). */
export async function findCorrectionPage(
  db: EntityManager,
  v: CorrectionVisibility,
  status: CorrectionStatus | null,
  after: { at: string; id: string } | null,
  limit: number,
): Promise<PlacementCorrectionRow[]> {
  const params: unknown[] = [status, after?.at ?? null, after?.id ?? null, limit];
  return db.query(
    `SELECT ${COLUMNS} FROM asmi.placement_correction c
      WHERE ($1::text IS NULL OR c.status = $1)
        AND ($2::timestamptz IS NULL OR (c.requested_at, c.id) < ($2::timestamptz, $3::uuid))
        AND ${condition(v, params)}
      ORDER BY c.requested_at DESC, c.id DESC LIMIT $4`,
    params,
  );
}
