import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * seed 003 §3.3–§3.8, §3.11 and court orders: the family unit and significant
 * persons, the minor's additional data, the complete health data, the
 * minor's and the family's problems with their start dates, co-planning,
 * violence records and court orders. Every row belongs to a minor; codes are
 * checked against their lists by the services (INVALID_CODE).
 */
export class SinbaFamilyProblemsHealthViolenceCourt1733200000000 implements MigrationInterface {
  name = 'SinbaFamilyProblemsHealthViolenceCourt1733200000000';

  async up(q: QueryRunner): Promise<void> {
    // §3.3 nucleo familiare convivente e soggetti significativi
    await q.query(`
      CREATE TABLE sinba.family_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        minor_id uuid NOT NULL REFERENCES sinba.minor (id),
        -- code list SIGNIFICANT_PERSON_RELATION
        relation text NOT NULL,
        first_name text NOT NULL,
        last_name text NOT NULL,
        cohabiting boolean NOT NULL,
        parental_responsibility boolean,
        member_since date,
        member_until date,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL,
        CONSTRAINT family_member_period CHECK (member_until IS NULL OR member_since IS NULL OR member_until >= member_since)
      )`);
    await q.query('CREATE INDEX family_member_minor_idx ON sinba.family_member (minor_id)');

    // §3.4 informazioni aggiuntive
    await q.query(`
      CREATE TABLE sinba.additional_data (
        minor_id uuid PRIMARY KEY REFERENCES sinba.minor (id),
        schooling_level text,
        employment_condition text,
        nomad boolean,
        orphan boolean,
        updated_at timestamptz NOT NULL,
        updated_by text NOT NULL
      )`);

    // §3.4, §3.7 dati sanitari: dates of the certifications and the invalidity percentage
    await q.query(`
      ALTER TABLE sinba.health_data
        ADD COLUMN npia_date date,
        ADD COLUMN invalidity_date date,
        ADD COLUMN invalidity_percentage smallint CHECK (invalidity_percentage BETWEEN 0 AND 100),
        ADD COLUMN law104_date date`);

    // §3.5 problematica utente, §3.8 problematica familiare: several at once, each with its own start date
    for (const table of ['minor_problem', 'family_problem']) {
      await q.query(`
        CREATE TABLE sinba.${table} (
          id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
          minor_id uuid NOT NULL REFERENCES sinba.minor (id),
          code text NOT NULL,
          start_date date NOT NULL,
          end_date date,
          created_at timestamptz NOT NULL DEFAULT now(),
          created_by text NOT NULL,
          CONSTRAINT ${table}_period CHECK (end_date IS NULL OR end_date >= start_date)
        )`);
      await q.query(`CREATE INDEX ${table}_minor_idx ON sinba.${table} (minor_id)`);
      // the same problem is open at most once per minor
      await q.query(`CREATE UNIQUE INDEX ${table}_open_uq ON sinba.${table} (minor_id, code) WHERE end_date IS NULL`);
    }

    // §3.6 coprogettazione
    await q.query(`
      CREATE TABLE sinba.co_planning (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        minor_id uuid NOT NULL REFERENCES sinba.minor (id),
        start_date date NOT NULL,
        end_date date,
        -- code list CO_PLANNING_PARTNER
        partners text[] NOT NULL CHECK (cardinality(partners) >= 1),
        -- code list CO_PLANNING_OUTCOME
        outcome text,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL,
        CONSTRAINT co_planning_period CHECK (end_date IS NULL OR end_date >= start_date)
      )`);
    await q.query('CREATE INDEX co_planning_minor_idx ON sinba.co_planning (minor_id)');

    // §3.11 violenze sessuali e maltrattamenti
    await q.query(`
      CREATE TABLE sinba.violence_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        minor_id uuid NOT NULL REFERENCES sinba.minor (id),
        knowledge_date date NOT NULL,
        -- code list VIOLENCE_TYPE
        types text[] NOT NULL CHECK (cardinality(types) >= 1),
        -- code list VIOLENCE_DETECTOR
        detected_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL
      )`);
    await q.query('CREATE INDEX violence_record_minor_idx ON sinba.violence_record (minor_id)');

    // provvedimenti dell'Autorità giudiziaria (JUDICIAL)
    await q.query(`
      CREATE TABLE sinba.court_order (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        minor_id uuid NOT NULL REFERENCES sinba.minor (id),
        case_id uuid REFERENCES sinba."case" (id),
        -- code lists COURT_AUTHORITY, COURT_ORDER_KIND, COURT_ORDER_EFFECT
        authority text NOT NULL,
        kind text NOT NULL,
        order_number text NOT NULL,
        order_date date NOT NULL,
        effects text[] NOT NULL CHECK (cardinality(effects) >= 1),
        effective_from date,
        effective_to date,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        CONSTRAINT court_order_period CHECK (effective_to IS NULL OR effective_from IS NULL OR effective_to >= effective_from)
      )`);
    await q.query('CREATE INDEX court_order_minor_idx ON sinba.court_order (minor_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['court_order', 'violence_record', 'co_planning', 'family_problem', 'minor_problem', 'additional_data', 'family_member']) {
      await q.query(`DROP TABLE IF EXISTS sinba.${t}`);
    }
    await q.query(`
      ALTER TABLE sinba.health_data
        DROP COLUMN IF EXISTS npia_date, DROP COLUMN IF EXISTS invalidity_date,
        DROP COLUMN IF EXISTS invalidity_percentage, DROP COLUMN IF EXISTS law104_date`);
  }
}
