import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Placements (inserimenti) in structures. No direct identifiers of the minor
 * (docs/privacy.md §9): the minor id and the quasi-identifiers a structure must
 * report, captured at admission so reports need no per-minor calls.
 * A placement occupies the half-open period [admission, discharge): a
 * transfer discharges on day D and admits elsewhere on day D without overlap.
 * A placement admitted and discharged on the same day keeps
 * discharge_date = admission_date (an empty period; its own exclusion
 * constraint comes in 1732600000001-AsmiSameDayPlacements).
 */
export class AsmiFoundation1732600000000 implements MigrationInterface {
  name = 'AsmiFoundation1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE asmi.placement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        minor_id uuid NOT NULL,
        structure_code text NOT NULL,
        admission_date date NOT NULL,
        discharge_date date,
        kind text NOT NULL,
        referring_service text,
        legal_basis text,
        court_order_reference text,
        discharge_outcome text,
        minor_birth_date date,
        minor_sex char(1),
        minor_citizenship char(3),
        minor_unaccompanied boolean,
        structure_type text NOT NULL,
        structure_province char(3) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL,
        CONSTRAINT placement_dates_check CHECK (discharge_date >= admission_date),
        CONSTRAINT placement_kind_check CHECK (kind IN ('ORDINARY', 'EMERGENCY', 'MOTHER_AND_CHILD', 'SEMI_AUTONOMY')),
        CONSTRAINT placement_discharge_outcome_check CHECK ((discharge_date IS NULL) = (discharge_outcome IS NULL)),
        CONSTRAINT placement_sex_check CHECK (minor_sex IN ('M', 'F')),
        CONSTRAINT placement_province_check CHECK (structure_province ~ '^[0-9]{3}$'),
        CONSTRAINT placement_no_overlap EXCLUDE USING gist (minor_id WITH =, daterange(admission_date, discharge_date, '[)') WITH &&)
      )`);
    await q.query('CREATE INDEX placement_minor ON asmi.placement (minor_id, admission_date)');
    await q.query('CREATE INDEX placement_structure ON asmi.placement (structure_code, admission_date)');
    await q.query('CREATE INDEX placement_province ON asmi.placement (structure_province, admission_date)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE asmi.placement');
  }
}
