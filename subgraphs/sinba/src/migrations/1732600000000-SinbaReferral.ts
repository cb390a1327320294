import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * seed 003 §3.1 segnalazione: the first contact of a minor with a territorial
 * social service, recorded by the service receiving it; it may precede (or
 * never lead to) a case, and may happen during the mother's pregnancy.
 */
export class SinbaReferral1732600000000 implements MigrationInterface {
  name = 'SinbaReferral1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sinba.referral (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        minor_id uuid NOT NULL REFERENCES sinba.minor (id),
        referral_date date NOT NULL,
        -- code list REFERRAL_SOURCE
        source text NOT NULL,
        during_pregnancy boolean NOT NULL DEFAULT false,
        -- the service receiving the referral (the social worker's serviceId claim)
        service_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL
      )`);
    await q.query(`CREATE INDEX referral_minor_idx ON sinba.referral (minor_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS sinba.referral');
  }
}
