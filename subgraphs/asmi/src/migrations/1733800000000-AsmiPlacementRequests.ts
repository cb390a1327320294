import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Placement requests and notifications (docs/privacy.md §3a, issue 14).
 * - placement_request: a service holding a minor's case asks a structure to
 *   take the minor in; the admission fulfils it (placement_id). `created_on`
 *   is the hub's "today" when the request was made (the clock tests fix), so
 *   expiry (`created_on + 30 days`) is decided on dates, like every other
 *   relationship rule.
 * - notification_outbox: the intent to notify, written in the same
 *   transaction as the event (admission, discharge, absence, request outcome);
 *   a dispatcher resolves the recipients and delivers it, with retries.
 * - notification: one row per recipient (a service or a structure), with its
 *   read mark and, when NATS is configured, the time it was published.
 */
export class AsmiPlacementRequests1733800000000 implements MigrationInterface {
  name = 'AsmiPlacementRequests1733800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE asmi.placement_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        minor_id uuid NOT NULL,
        structure_code text NOT NULL,
        requested_by text NOT NULL,
        requested_admission_date date NOT NULL,
        kind text NOT NULL,
        legal_basis text,
        court_order_reference text,
        note text,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED')),
        decline_reason text,
        withdraw_reason text,
        created_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        decided_at timestamptz,
        decided_by text,
        placement_id uuid REFERENCES asmi.placement (id),
        CONSTRAINT placement_request_decided CHECK ((status = 'PENDING') = (decided_at IS NULL)),
        CONSTRAINT placement_request_accepted CHECK ((status = 'ACCEPTED') = (placement_id IS NOT NULL)),
        CONSTRAINT placement_request_declined CHECK (status <> 'DECLINED' OR decline_reason IS NOT NULL)
      )`);
    await q.query('CREATE INDEX placement_request_structure_idx ON asmi.placement_request (structure_code, created_at DESC, id)');
    await q.query('CREATE INDEX placement_request_service_idx ON asmi.placement_request (requested_by, created_at DESC, id)');
    await q.query('CREATE INDEX placement_request_minor_idx ON asmi.placement_request (minor_id)');
    await q.query(`CREATE INDEX placement_request_pending_idx ON asmi.placement_request (created_on) WHERE status = 'PENDING'`);

    await q.query(`
      CREATE TABLE asmi.notification_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        minor_id uuid NOT NULL,
        placement_id uuid,
        request_id uuid,
        event_date date NOT NULL,
        recipient_service text,
        recipient_structure text,
        created_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz
      )`);
    await q.query('CREATE INDEX notification_outbox_due_idx ON asmi.notification_outbox (next_attempt_at) WHERE delivered_at IS NULL');

    await q.query(`
      CREATE TABLE asmi.notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        outbox_id uuid NOT NULL REFERENCES asmi.notification_outbox (id),
        recipient_kind text NOT NULL CHECK (recipient_kind IN ('SERVICE', 'STRUCTURE')),
        recipient text NOT NULL,
        kind text NOT NULL,
        minor_id uuid NOT NULL,
        placement_id uuid,
        request_id uuid,
        at timestamptz NOT NULL,
        read_at timestamptz,
        published_at timestamptz,
        CONSTRAINT notification_once UNIQUE (outbox_id, recipient_kind, recipient)
      )`);
    await q.query('CREATE INDEX notification_recipient_idx ON asmi.notification (recipient_kind, recipient, at DESC, id)');
    await q.query('CREATE INDEX notification_unpublished_idx ON asmi.notification (at) WHERE published_at IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE asmi.notification');
    await q.query('DROP TABLE asmi.notification_outbox');
    await q.query('DROP TABLE asmi.placement_request');
  }
}
