import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes of the aggregate reports (issue 8): flows select placements by
 * admission date (ENTRIES) or discharge date (EXITS) over the whole region;
 * the stock and the ISTAT table select those admitted by a date and not yet
 * discharged. The province and structure indexes of the foundation serve the
 * supervisors' and operators' scoped reports.
 */
export class AsmiReportIndexes1733400000000 implements MigrationInterface {
  name = 'AsmiReportIndexes1733400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX placement_admission_date ON asmi.placement (admission_date)');
    await q.query('CREATE INDEX placement_discharge_date ON asmi.placement (discharge_date) WHERE discharge_date IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX asmi.placement_discharge_date');
    await q.query('DROP INDEX asmi.placement_admission_date');
  }
}
