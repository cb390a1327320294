import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * accessLog pages (docs/privacy.md §7): one minor's entries in chain order,
 * `seq > cursor LIMIT n`, read from this index whatever the trail's size.
 */
export class AuditLogMinorSeq1733320000000 implements MigrationInterface {
  name = 'AuditLogMinorSeq1733320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX access_log_minor_seq ON audit.access_log (minor_id, seq)');
    await q.query('DROP INDEX audit.access_log_minor_at');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX access_log_minor_at ON audit.access_log (minor_id, at)');
    await q.query('DROP INDEX audit.access_log_minor_seq');
  }
}
