import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * docs/privacy.md §7: every write is audited, accepted or refused alike, and
 * the outcome is part of the entry (null on READ entries). `outcome_code` is
 * the error code of a refusal (FORBIDDEN, BAD_USER_INPUT...), never a message.
 */
export class AuditWriteOutcome1733300000000 implements MigrationInterface {
  name = 'AuditWriteOutcome1733300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit.access_log
      ADD COLUMN outcome text CHECK (outcome IN ('ACCEPTED', 'REFUSED')),
      ADD COLUMN outcome_code text,
      ADD CONSTRAINT access_log_outcome_on_writes CHECK ((action = 'WRITE') = (outcome IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE audit.access_log DROP CONSTRAINT access_log_outcome_on_writes, DROP COLUMN outcome_code, DROP COLUMN outcome');
  }
}
