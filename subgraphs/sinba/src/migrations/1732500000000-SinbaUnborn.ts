import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * seed 003 §3.2.1 (presa in carico del nascituro): an unborn minor is
 * registered as NASCITURO NASCITURO with no birth date, sex or fiscal code
 * and municipalities 999999, until the birth is recorded. The CHECKs keep the
 * anagrafica meaningful: birth date and sex are required unless unborn, and an
 * unborn minor has an expected birth date and nothing that only birth gives.
 */
export class SinbaUnborn1732500000000 implements MigrationInterface {
  name = 'SinbaUnborn1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sinba.minor ADD COLUMN unborn boolean NOT NULL DEFAULT false, ADD COLUMN expected_birth_date date`);
    await q.query(`ALTER TABLE sinba.minor ADD CONSTRAINT minor_born_check CHECK (unborn OR (birth_date IS NOT NULL AND sex IS NOT NULL))`);
    await q.query(`
      ALTER TABLE sinba.minor ADD CONSTRAINT minor_unborn_check
        CHECK (NOT unborn OR (expected_birth_date IS NOT NULL AND birth_date IS NULL AND sex IS NULL AND fiscal_code IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE sinba.minor DROP CONSTRAINT IF EXISTS minor_unborn_check');
    await q.query('ALTER TABLE sinba.minor DROP CONSTRAINT IF EXISTS minor_born_check');
    await q.query('ALTER TABLE sinba.minor DROP COLUMN IF EXISTS expected_birth_date, DROP COLUMN IF EXISTS unborn');
  }
}
