import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Receipts of events sent by the structures' own software (seed 001: structures
 * feed the system through the web app or by transmitting events). One row per
 * (structure, client event id) applied, with the result returned then, so a
 * replayed event changes nothing and gets the same answer.
 */
export class AsmiEventReceipts1732600000004 implements MigrationInterface {
  name = 'AsmiEventReceipts1732600000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE asmi.event_receipt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        structure_code text NOT NULL,
        client_event_id text NOT NULL,
        type text NOT NULL,
        result jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        received_by text NOT NULL,
        CONSTRAINT event_receipt_unique UNIQUE (structure_code, client_event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE asmi.event_receipt');
  }
}
