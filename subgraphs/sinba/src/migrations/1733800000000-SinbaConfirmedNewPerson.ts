import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * seed 001 (S.I.R.MI slides) "Anagrafica dei Minori (unica)": a minor
 * registered without a fiscal code although a registered minor has the same
 * normalised name, birth date and sex (registerMinor with
 * `confirmNewPerson: true`) keeps that fact on its row, beside created_by and
 * created_at, so the registry's duplicates can be reviewed later (issue 15).
 */
export class SinbaConfirmedNewPerson1733800000000 implements MigrationInterface {
  name = 'SinbaConfirmedNewPerson1733800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sinba.minor ADD COLUMN confirmed_new_person boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sinba.minor DROP COLUMN confirmed_new_person`);
  }
}
