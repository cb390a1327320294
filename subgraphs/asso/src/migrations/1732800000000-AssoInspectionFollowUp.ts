import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supervision follow-ups (seed 002 Allegato A §a point c): an inspection may
 * leave prescriptions with a due date for the follow-up, and the date the
 * follow-up was done.
 */
export class AssoInspectionFollowUp1732800000000 implements MigrationInterface {
  name = 'AssoInspectionFollowUp1732800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE asso.inspection
        ADD COLUMN prescriptions text,
        ADD COLUMN follow_up_due_date date,
        ADD COLUMN follow_up_done_date date,
        ADD CONSTRAINT inspection_follow_up_due_check CHECK (follow_up_due_date >= date),
        ADD CONSTRAINT inspection_follow_up_done_check CHECK (follow_up_done_date >= date)`);
    await q.query(`CREATE INDEX inspection_overdue_idx ON asso.inspection (seq) WHERE follow_up_due_date IS NOT NULL AND follow_up_done_date IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX asso.inspection_overdue_idx`);
    await q.query(`
      ALTER TABLE asso.inspection
        DROP COLUMN follow_up_done_date,
        DROP COLUMN follow_up_due_date,
        DROP COLUMN prescriptions`);
  }
}
