import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * caseQualityIssues (issue 8) asks, for each open case, whether an
 * intervention names it: interventions by case_id have intervention_case_idx;
 * siblings' beneficiary rows (seed 003 §3.9.10) were indexed by minor only.
 * A supervisor's scope is the residence province, left(residence_municipality, 3):
 * the expression index gives the planner its statistics (at 200,000 minors a
 * supervisor's page took ~270 ms planned as if the province were rare, ~40-60
 * ms with it; caseStock's supervisor scope uses the same expression).
 */
export class SinbaCaseQualityIndexes1733600000000 implements MigrationInterface {
  name = 'SinbaCaseQualityIndexes1733600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX intervention_beneficiary_case_idx ON sinba.intervention_beneficiary (case_id)');
    await q.query('CREATE INDEX minor_residence_province_idx ON sinba.minor (left(residence_municipality, 3))');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX sinba.minor_residence_province_idx');
    await q.query('DROP INDEX sinba.intervention_beneficiary_case_idx');
  }
}
