import type { MigrationInterface, QueryRunner } from 'typeorm';

/** caseStock (issue 8) selects the cases open on a date: started by it, not ended by it. */
export class SinbaReportIndexes1733500000000 implements MigrationInterface {
  name = 'SinbaReportIndexes1733500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX case_open_period_idx ON sinba."case" (start_date, end_date)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX sinba.case_open_period_idx');
  }
}
