import type { EntityManager } from 'typeorm';

/**
 * Kinds of notification (docs/privacy.md §3a): the minor's events go to every
 * service holding an open case for the minor, a request's outcome to the
 * service that made it, a new or withdrawn request to the requested structure.
 */
export type NotificationKind =
  | 'ADMISSION'
  | 'DISCHARGE'
  | 'ABSENCE'
  | 'UNAUTHORISED_DEPARTURE'
  | 'REQUEST_ACCEPTED'
  | 'REQUEST_DECLINED'
  | 'REQUEST_EXPIRED'
  | 'PLACEMENT_REQUESTED'
  | 'REQUEST_WITHDRAWN'
  /** A placement's admission facts corrected (to the services holding the case). */
  | 'PLACEMENT_CORRECTED'
  /** A correction request applied or rejected by the supervisor (to the structure that asked). */
  | 'CORRECTION_APPLIED'
  | 'CORRECTION_REJECTED';

export type Recipient = { readonly kind: 'SERVICE'; readonly id: string } | { readonly kind: 'STRUCTURE'; readonly id: string };

/** A notification intent, written in the transaction of its event (the outbox). */
export interface OutboxIntent {
  kind: NotificationKind;
  minorId: string;
  placementId?: string | null;
  requestId?: string | null;
  /** The hub's today when the event happened: the case holders of that day are the recipients. */
  eventDate: string;
  /** Known at write time (request outcomes, new requests); absent = the services holding the minor's case, resolved at delivery. */
  recipient?: Recipient;
}

export async function insertOutbox(db: EntityManager, i: OutboxIntent): Promise<void> {
  await db.query(
    `INSERT INTO asmi.notification_outbox (kind, minor_id, placement_id, request_id, event_date, recipient_service, recipient_structure)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [i.kind, i.minorId, i.placementId ?? null, i.requestId ?? null, i.eventDate, i.recipient?.kind === 'SERVICE' ? i.recipient.id : null, i.recipient?.kind === 'STRUCTURE' ? i.recipient.id : null],
  );
}

export interface OutboxRow {
  id: string;
  kind: NotificationKind;
  minorId: string;
  placementId: string | null;
  requestId: string | null;
  eventDate: string;
  recipientService: string | null;
  recipientStructure: string | null;
  createdAt: Date;
  attempts: number;
}

/**
 * Claim due intents for one delivery attempt: each gets a lease (its next
 * attempt moved `leaseSeconds` ahead) so a second dispatcher, or this one
 * after a crash, picks it up again only if this attempt never finishes.
 */
export async function claimDue(db: EntityManager, limit: number, leaseSeconds: number): Promise<OutboxRow[]> {
  const result: unknown = await db.query(
    `UPDATE asmi.notification_outbox o SET attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
      WHERE o.id IN (SELECT id FROM asmi.notification_outbox WHERE delivered_at IS NULL AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING o.id, o.kind, o.minor_id AS "minorId", o.placement_id AS "placementId", o.request_id AS "requestId",
        to_char(o.event_date, 'YYYY-MM-DD') AS "eventDate", o.recipient_service AS "recipientService",
        o.recipient_structure AS "recipientStructure", o.created_at AS "createdAt", o.attempts`,
    [limit, leaseSeconds],
  );
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as OutboxRow[];
}

/** An attempt failed: try again after `delaySeconds`. */
export async function postpone(db: EntityManager, ids: readonly string[], delaySeconds: number): Promise<void> {
  if (ids.length === 0) return;
  await db.query('UPDATE asmi.notification_outbox SET next_attempt_at = now() + make_interval(secs => $2) WHERE id = ANY($1::uuid[])', [[...ids], delaySeconds]);
}

/** Deliver one intent to its recipients (idempotent: a retried delivery adds no second row) and close it, in one transaction. */
export async function deliver(db: EntityManager, o: OutboxRow, recipients: readonly Recipient[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const r of recipients) {
      await tx.query(
        `INSERT INTO asmi.notification (outbox_id, recipient_kind, recipient, kind, minor_id, placement_id, request_id, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT ON CONSTRAINT notification_once DO NOTHING`,
        [o.id, r.kind, r.id, o.kind, o.minorId, o.placementId, o.requestId, o.createdAt],
      );
    }
    await tx.query('UPDATE asmi.notification_outbox SET delivered_at = now() WHERE id = $1', [o.id]);
  });
}

const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const COLUMNS = `n.id, n.kind, n.minor_id AS "minorId", n.placement_id AS "placementId", n.request_id AS "requestId",
  ${iso('n.at')} AS at, n.read_at IS NOT NULL AS read, n.recipient_kind AS "recipientKind", n.recipient`;

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  minorId: string;
  placementId: string | null;
  requestId: string | null;
  at: string;
  read: boolean;
  recipientKind: 'SERVICE' | 'STRUCTURE';
  recipient: string;
}

/** One page of a recipient's notifications, newest first, keyset on (at, id). */
export async function findNotificationPage(db: EntityManager, r: Recipient, unreadOnly: boolean, after: { at: string; id: string } | null, limit: number): Promise<NotificationRow[]> {
  return db.query(
    `SELECT ${COLUMNS} FROM asmi.notification n
      WHERE n.recipient_kind = $1 AND n.recipient = $2 AND (NOT $3::boolean OR n.read_at IS NULL)
        AND ($4::timestamptz IS NULL OR (n.at, n.id) < ($4::timestamptz, $5::uuid))
      ORDER BY n.at DESC, n.id DESC LIMIT $6`,
    [r.kind, r.id, unreadOnly, after?.at ?? null, after?.id ?? null, limit],
  );
}

export async function countUnread(db: EntityManager, r: Recipient): Promise<number> {
  const rows: { n: string }[] = await db.query('SELECT count(*) AS n FROM asmi.notification WHERE recipient_kind = $1 AND recipient = $2 AND read_at IS NULL', [r.kind, r.id]);
  return Number(rows[0].n);
}

/** Mark the recipient's own notifications read; ids of others are ignored. Returns how many changed. */
export async function markRead(db: EntityManager, r: Recipient, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result: unknown = await db.query(
    'UPDATE asmi.notification SET read_at = now() WHERE id = ANY($1::uuid[]) AND recipient_kind = $2 AND recipient = $3 AND read_at IS NULL RETURNING id',
    [[...ids], r.kind, r.id],
  );
  const rows = (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as unknown[];
  return rows.length;
}

/** Notifications not yet published to NATS, oldest first. */
export async function findUnpublished(db: EntityManager, limit: number): Promise<NotificationRow[]> {
  return db.query(`SELECT ${COLUMNS} FROM asmi.notification n WHERE n.published_at IS NULL ORDER BY n.at, n.id LIMIT $1`, [limit]);
}

export async function markPublished(db: EntityManager, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query('UPDATE asmi.notification SET published_at = now() WHERE id = ANY($1::uuid[])', [[...ids]]);
}
