import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * seed 003 §3.9.2 SITUAZIONE FINE INTERVENTO: the end situation of an
 * adoption (code list INTERVENTION_END_SITUATION), recorded only once the
 * intervention has ended (issue 15). Adoptions ended before this column
 * existed keep a null end situation unless they recorded a disruption, from
 * which it is derived.
 */
export class SinbaInterventionEndSituation1733900000000 implements MigrationInterface {
  name = 'SinbaInterventionEndSituation1733900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE sinba.intervention
        ADD COLUMN end_situation text,
        ADD CONSTRAINT intervention_end_situation_check CHECK (end_situation IS NULL OR end_date IS NOT NULL)`);
    await q.query(`
      UPDATE sinba.intervention SET end_situation = CASE adoption_disruption
        WHEN 'WITHIN_FIRST_YEAR' THEN 'ADOPTIVE_REMOVAL_WITHIN_FIRST_YEAR' WHEN 'AFTER_FIRST_YEAR' THEN 'ADOPTIVE_REMOVAL_AFTER_FIRST_YEAR' END
       WHERE adoption_disruption IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sinba.intervention DROP CONSTRAINT intervention_end_situation_check, DROP COLUMN end_situation`);
  }
}
