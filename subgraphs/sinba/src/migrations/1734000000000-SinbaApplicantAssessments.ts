import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * seed 003 (SISAM specification) §3.10: the psycho-social assessment of a
 * couple or person willing to adopt or foster comes before any match with a
 * minor. An assessment may now have no case and no minor (the applicants'
 * own record) and belongs to the service that records it (service_id,
 * backfilled from the case for the existing rows); it is linked to a minor's
 * case when a match happens (issue 15).
 */
export class SinbaApplicantAssessments1734000000000 implements MigrationInterface {
  name = 'SinbaApplicantAssessments1734000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sinba.assessment ADD COLUMN service_id text`);
    await q.query(`UPDATE sinba.assessment a SET service_id = c.service_id FROM sinba."case" c WHERE c.id = a.case_id`);
    await q.query(`
      ALTER TABLE sinba.assessment
        ALTER COLUMN service_id SET NOT NULL,
        ALTER COLUMN case_id DROP NOT NULL,
        ALTER COLUMN minor_id DROP NOT NULL,
        ADD COLUMN linked_at timestamptz,
        ADD COLUMN linked_by text,
        ADD CONSTRAINT assessment_case_and_minor_check CHECK ((case_id IS NULL) = (minor_id IS NULL))`);
    await q.query(`CREATE INDEX assessment_unlinked_service_idx ON sinba.assessment (service_id, id) WHERE case_id IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM sinba.assessment WHERE case_id IS NULL`);
    await q.query(`DROP INDEX sinba.assessment_unlinked_service_idx`);
    await q.query(`
      ALTER TABLE sinba.assessment
        DROP CONSTRAINT assessment_case_and_minor_check,
        DROP COLUMN linked_by,
        DROP COLUMN linked_at,
        DROP COLUMN service_id,
        ALTER COLUMN case_id SET NOT NULL,
        ALTER COLUMN minor_id SET NOT NULL`);
  }
}
