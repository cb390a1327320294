import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Append-only access log (docs/privacy.md §7). The gateway role gets INSERT and
 * SELECT only (infra/db/roles.ts); the trigger refuses UPDATE, DELETE and TRUNCATE even
 * to a role that was granted them by mistake.
 */
export class AuditLog1732300000000 implements MigrationInterface {
  name = 'AuditLog1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit.access_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        subject text NOT NULL,
        role text NOT NULL,
        organisation text,
        operation_name text,
        operation_hash text NOT NULL,
        minor_id uuid NOT NULL,
        classes_returned text[] NOT NULL DEFAULT '{}',
        classes_denied text[] NOT NULL DEFAULT '{}',
        action text NOT NULL CHECK (action IN ('READ', 'WRITE')),
        request_id text
      )`);
    await q.query('CREATE INDEX access_log_minor_at ON audit.access_log (minor_id, at)');
    await q.query(`
      CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit.access_log is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit.access_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit.access_log');
    await q.query('DROP FUNCTION audit.refuse_change()');
  }
}
