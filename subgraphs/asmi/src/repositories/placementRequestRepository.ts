import type { EntityManager } from 'typeorm';
import type { Principal } from '@shared/auth';
import { REQUEST_EXPIRY_DAYS, type PlacementRequestStatus } from '../rules/placementRequestRules';

/** SQL of a request's status on the date in parameter `$n` (PENDING turns EXPIRED on its 30th day; rules/placementRequestRules.ts). */
export function statusOn(param: string): string {
  return `(CASE WHEN r.status = 'PENDING' AND r.created_on + ${REQUEST_EXPIRY_DAYS} <= ${param}::date THEN 'EXPIRED' ELSE r.status END)`;
}

const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Columns of a request; `$1` is always today's date (for the effective status). */
const COLUMNS = `r.id, r.minor_id AS "minorId", r.structure_code AS "structureCode", r.requested_by AS "requestedBy",
  to_char(r.requested_admission_date, 'YYYY-MM-DD') AS "requestedAdmissionDate", r.kind, r.legal_basis AS "legalBasis",
  r.court_order_reference AS "courtOrderReference", r.note, ${statusOn('$1')} AS status, r.status AS "storedStatus",
  r.decline_reason AS "declineReason", to_char(r.created_on, 'YYYY-MM-DD') AS "createdOn", ${iso('r.created_at')} AS "createdAt",
  ${iso('r.decided_at')} AS "decidedAt", r.placement_id AS "placementId"`;

export interface PlacementRequestRow {
  id: string;
  minorId: string;
  structureCode: string;
  /** The requesting service (serviceId). */
  requestedBy: string;
  requestedAdmissionDate: string;
  kind: string;
  legalBasis: string | null;
  courtOrderReference: string | null;
  note: string | null;
  /** The status today (a stored PENDING past its expiry reads EXPIRED). */
  status: PlacementRequestStatus;
  storedStatus: PlacementRequestStatus;
  declineReason: string | null;
  createdOn: string;
  createdAt: string;
  decidedAt: string | null;
  placementId: string | null;
}

/**
 * Which requests a principal may load (docs/privacy.md §5, §6: lists hold
 * only related rows, filtered in the SQL): the requesting service's, the
 * requested structure's; every request for the hub's own modules; none for
 * anyone else.
 */
export type RequestVisibility =
  | { readonly kind: 'all' }
  | { readonly kind: 'service'; readonly serviceId: string }
  | { readonly kind: 'structure'; readonly structureCode: string }
  | { readonly kind: 'none' };

export function requestVisibilityFor(principal: Principal): RequestVisibility {
  switch (principal.role) {
    case 'SOCIAL_WORKER':
      return { kind: 'service', serviceId: principal.serviceId };
    case 'STRUCTURE_OPERATOR':
      return { kind: 'structure', structureCode: principal.structureCode };
    case 'SERVICE':
      return { kind: 'all' };
    default:
      return { kind: 'none' };
  }
}

function visibilityCondition(v: RequestVisibility, params: unknown[]): string {
  switch (v.kind) {
    case 'all':
      return 'TRUE';
    case 'none':
      return 'FALSE';
    case 'service':
      params.push(v.serviceId);
      return `r.requested_by = $${params.length}`;
    case 'structure':
      params.push(v.structureCode);
      return `r.structure_code = $${params.length}`;
  }
}

export interface NewPlacementRequest {
  minorId: string;
  structureCode: string;
  requestedBy: string;
  requestedAdmissionDate: string;
  kind: string;
  legalBasis: string | null;
  courtOrderReference: string | null;
  note: string | null;
  createdOn: string;
  actor: string;
}

export async function insertPlacementRequest(db: EntityManager, r: NewPlacementRequest): Promise<string> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO asmi.placement_request (minor_id, structure_code, requested_by, requested_admission_date, kind, legal_basis, court_order_reference, note, created_on, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [r.minorId, r.structureCode, r.requestedBy, r.requestedAdmissionDate, r.kind, r.legalBasis, r.courtOrderReference, r.note, r.createdOn, r.actor],
  );
  return rows[0].id;
}

/** The request locked for the transaction (decisions on one request wait for each other: exactly one wins). */
export async function findRequestForUpdate(db: EntityManager, id: string, today: string): Promise<PlacementRequestRow | null> {
  const rows: PlacementRequestRow[] = await db.query(`SELECT ${COLUMNS} FROM asmi.placement_request r WHERE r.id = $2 FOR UPDATE`, [today, id]);
  return rows[0] ?? null;
}

export async function findRequestsByIds(db: EntityManager, ids: readonly string[], today: string, v: RequestVisibility): Promise<PlacementRequestRow[]> {
  if (ids.length === 0 || v.kind === 'none') return [];
  const params: unknown[] = [today, [...ids]];
  return db.query(`SELECT ${COLUMNS} FROM asmi.placement_request r WHERE r.id = ANY($2::uuid[]) AND ${visibilityCondition(v, params)}`, params);
}

/** Requests of several structures (Structure.placementRequests), optionally by status; one statement. */
export async function findRequestsByStructures(
  db: EntityManager,
  codes: readonly string[],
  status: PlacementRequestStatus | null,
  today: string,
  v: RequestVisibility,
): Promise<PlacementRequestRow[]> {
  if (codes.length === 0 || v.kind === 'none') return [];
  const params: unknown[] = [today, [...codes], status];
  return db.query(
    `SELECT ${COLUMNS} FROM asmi.placement_request r
      WHERE r.structure_code = ANY($2::text[]) AND ($3::text IS NULL OR ${statusOn('$1')} = $3) AND ${visibilityCondition(v, params)}
      ORDER BY r.created_at DESC, r.id DESC`,
    params,
  );
}

/** Requests of several minors (Minor.placementRequests) the caller is party to, newest first; one statement. */
export async function findRequestsByMinors(db: EntityManager, minorIds: readonly string[], today: string, v: RequestVisibility): Promise<PlacementRequestRow[]> {
  if (minorIds.length === 0 || v.kind === 'none') return [];
  const params: unknown[] = [today, [...minorIds]];
  return db.query(`SELECT ${COLUMNS} FROM asmi.placement_request r WHERE r.minor_id = ANY($2::uuid[]) AND ${visibilityCondition(v, params)} ORDER BY r.created_at DESC, r.id DESC`, params);
}

/** One page of the caller's requests, newest first, keyset on (created_at, id). */
export async function findRequestPage(
  db: EntityManager,
  v: RequestVisibility,
  status: PlacementRequestStatus | null,
  today: string,
  after: { createdAt: string; id: string } | null,
  limit: number,
): Promise<PlacementRequestRow[]> {
  if (v.kind === 'none') return [];
  const params: unknown[] = [today, status, after?.createdAt ?? null, after?.id ?? null, limit];
  return db.query(
    `SELECT ${COLUMNS} FROM asmi.placement_request r
      WHERE ($2::text IS NULL OR ${statusOn('$1')} = $2)
        AND ($3::timestamptz IS NULL OR (r.created_at, r.id) < ($3::timestamptz, $4::uuid))
        AND ${visibilityCondition(v, params)}
      ORDER BY r.created_at DESC, r.id DESC LIMIT $5`,
    params,
  );
}

export async function setRequestDecision(
  db: EntityManager,
  id: string,
  d: { status: Exclude<PlacementRequestStatus, 'PENDING'>; actor: string; declineReason?: string | null; withdrawReason?: string | null; placementId?: string | null },
): Promise<void> {
  await db.query(
    `UPDATE asmi.placement_request SET status = $2, decided_at = now(), decided_by = $3, decline_reason = $4, withdraw_reason = $5, placement_id = $6 WHERE id = $1`,
    [id, d.status, d.actor, d.declineReason ?? null, d.withdrawReason ?? null, d.placementId ?? null],
  );
}

/** The other requests of a minor still pending today (withdrawn when one is fulfilled), locked. */
export async function findOtherPendingOfMinor(db: EntityManager, minorId: string, exceptId: string | null, today: string): Promise<PlacementRequestRow[]> {
  return db.query(
    `SELECT ${COLUMNS} FROM asmi.placement_request r WHERE r.minor_id = $2 AND ($3::uuid IS NULL OR r.id <> $3) AND ${statusOn('$1')} = 'PENDING' FOR UPDATE`,
    [today, minorId, exceptId],
  );
}

/**
 * The sweeper's step: requests still stored PENDING whose expiry day has
 * come are written EXPIRED (and returned, for their notifications). SKIP
 * LOCKED: a request a decision holds is left to that decision.
 */
export async function expirePending(db: EntityManager, today: string, limit = 500): Promise<{ id: string; minorId: string; requestedBy: string }[]> {
  return db.query(
    `UPDATE asmi.placement_request SET status = 'EXPIRED', decided_at = now(), decided_by = 'system:expiry'
      WHERE id IN (SELECT id FROM asmi.placement_request WHERE status = 'PENDING' AND created_on + ${REQUEST_EXPIRY_DAYS} <= $1::date ORDER BY created_on LIMIT $2 FOR UPDATE SKIP LOCKED)
      RETURNING id, minor_id AS "minorId", requested_by AS "requestedBy"`,
    [today, limit],
  ).then((r: unknown) => (Array.isArray(r) && Array.isArray(r[0]) ? r[0] : r) as { id: string; minorId: string; requestedBy: string }[]);
}

/** docs/privacy.md §3 REQUESTED for the gateway: which of the minors have a request to the structure pending on `on`. */
export async function findRequestedMinors(db: EntityManager, minorIds: readonly string[], structureCode: string, on: string): Promise<string[]> {
  if (minorIds.length === 0) return [];
  const rows: { minorId: string }[] = await db.query(
    `SELECT DISTINCT r.minor_id AS "minorId" FROM asmi.placement_request r
      WHERE r.minor_id = ANY($2::uuid[]) AND r.structure_code = $3 AND ${statusOn('$1')} = 'PENDING'`,
    [on, [...minorIds], structureCode],
  );
  return rows.map((r) => r.minorId);
}
