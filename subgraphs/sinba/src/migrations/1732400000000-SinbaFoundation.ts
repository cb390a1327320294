import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SINBA foundation: minors, cases (prese in carico), interventions and health
 * data (seed 003 §3.2, §3.4/3.7, §3.9). Constraints live in the database so a
 * bug in code cannot store an impossible record (docs/conventions.md "Database").
 */
export class SinbaFoundation1732400000000 implements MigrationInterface {
  name = 'SinbaFoundation1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sinba.minor (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fiscal_code text,
        first_name text NOT NULL,
        last_name text NOT NULL,
        -- nullable for the unborn until birth (seed 003 §3.2.1)
        birth_date date,
        sex char(1),
        citizenship char(3),
        birth_municipality char(6),
        residence_municipality char(6),
        unaccompanied boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        CONSTRAINT minor_sex_check CHECK (sex IN ('M', 'F')),
        CONSTRAINT minor_fiscal_code_upper_check CHECK (fiscal_code = upper(fiscal_code)),
        CONSTRAINT minor_citizenship_check CHECK (citizenship ~ '^[0-9]{3}$'),
        CONSTRAINT minor_birth_municipality_check CHECK (birth_municipality ~ '^[0-9]{6}$'),
        CONSTRAINT minor_residence_municipality_check CHECK (residence_municipality ~ '^[0-9]{6}$')
      )`);
    await q.query(`CREATE UNIQUE INDEX minor_fiscal_code_key ON sinba.minor (fiscal_code) WHERE fiscal_code IS NOT NULL`);

    await q.query(`
      CREATE TABLE sinba."case" (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        minor_id uuid NOT NULL REFERENCES sinba.minor (id),
        service_id text NOT NULL,
        start_date date NOT NULL,
        end_date date,
        closure_reason text,
        co_management_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        closed_at timestamptz,
        closed_by text,
        CONSTRAINT case_dates_check CHECK (end_date >= start_date),
        -- a closed case has a coded reason (seed 003 §3.2)
        CONSTRAINT case_closure_check CHECK ((end_date IS NULL) = (closure_reason IS NULL)),
        -- target of the interventions' (case_id, minor_id) foreign key
        CONSTRAINT case_id_minor_key UNIQUE (id, minor_id)
      )`);
    await q.query(`CREATE INDEX case_minor_idx ON sinba."case" (minor_id)`);
    await q.query(`CREATE INDEX case_service_idx ON sinba."case" (service_id, minor_id)`);
    // seed 003 §3.2: a service holds at most one open case per minor (race guard behind the service check).
    await q.query(`CREATE UNIQUE INDEX case_one_open_per_service_key ON sinba."case" (minor_id, service_id) WHERE end_date IS NULL`);

    await q.query(`
      CREATE TABLE sinba.intervention (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        -- denormalised for the per-minor loader; kept consistent by the composite key below
        minor_id uuid NOT NULL REFERENCES sinba.minor (id),
        type text NOT NULL,
        start_date date NOT NULL,
        end_date date,
        structure_code text,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        CONSTRAINT intervention_case_fkey FOREIGN KEY (case_id, minor_id) REFERENCES sinba."case" (id, minor_id),
        CONSTRAINT intervention_dates_check CHECK (end_date >= start_date)
      )`);
    await q.query(`CREATE INDEX intervention_case_idx ON sinba.intervention (case_id)`);
    await q.query(`CREATE INDEX intervention_minor_idx ON sinba.intervention (minor_id)`);

    await q.query(`
      CREATE TABLE sinba.health_data (
        minor_id uuid PRIMARY KEY REFERENCES sinba.minor (id),
        npia_follow_up boolean,
        invalidity boolean,
        law104 boolean,
        law104_severe boolean,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL,
        -- seed 003 §3.7: severity qualifies a L. 104 recognition
        CONSTRAINT health_data_law104_severe_check CHECK (NOT (law104_severe IS TRUE AND law104 IS FALSE))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS sinba.health_data');
    await q.query('DROP TABLE IF EXISTS sinba.intervention');
    await q.query('DROP TABLE IF EXISTS sinba."case"');
    await q.query('DROP TABLE IF EXISTS sinba.minor');
  }
}
