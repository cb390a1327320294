import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Interventions in detail (seed 003 §3.9) and psycho-social assessments for
 * adoption and foster care (§3.10):
 * - intervention.foster_care_schedule: full or part time (§3.9.1);
 * - intervention.structure_entry_date: date of entry into the structure, the
 *   start date when unknown (§3.9.6, last paragraph);
 * - intervention.adoption_disruption: allontanamento adottivo recorded in
 *   the end situation of an adoption (§3.9.2);
 * - intervention.ended_at/ended_by: who ended it (endIntervention);
 * - intervention_beneficiary: the other minors of one intervention on
 *   several siblings (§3.9.10), each through their own case;
 * - assessment: indagine psico-sociale / percorso affido (§3.10).
 */
export class SinbaInterventionDetails1733300000000 implements MigrationInterface {
  name = 'SinbaInterventionDetails1733300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE sinba.intervention
        ADD COLUMN foster_care_schedule text,
        ADD COLUMN structure_entry_date date,
        ADD COLUMN adoption_disruption text,
        ADD COLUMN ended_at timestamptz,
        ADD COLUMN ended_by text,
        ADD CONSTRAINT intervention_structure_entry_check CHECK (structure_entry_date IS NULL OR structure_entry_date >= start_date),
        -- seed 003 §3.9.2: the disruption is part of the end situation
        ADD CONSTRAINT intervention_disruption_check CHECK (adoption_disruption IS NULL OR end_date IS NOT NULL)`);
    // target of the beneficiaries' (case_id, minor_id) foreign key already exists on "case" (case_id_minor_key)
    await q.query(`
      CREATE TABLE sinba.intervention_beneficiary (
        intervention_id uuid NOT NULL REFERENCES sinba.intervention (id) ON DELETE CASCADE,
        minor_id uuid NOT NULL,
        -- the sibling's own case, held by the same service
        case_id uuid NOT NULL,
        PRIMARY KEY (intervention_id, minor_id),
        CONSTRAINT intervention_beneficiary_case_fkey FOREIGN KEY (case_id, minor_id) REFERENCES sinba."case" (id, minor_id)
      )`);
    await q.query(`CREATE INDEX intervention_beneficiary_minor_idx ON sinba.intervention_beneficiary (minor_id)`);
    await q.query(`
      CREATE TABLE sinba.assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        minor_id uuid NOT NULL REFERENCES sinba.minor (id),
        -- code list ASSESSMENT_TYPE
        type text NOT NULL,
        start_date date NOT NULL,
        -- data di termine istruttoria (seed 003 §3.10)
        end_date date,
        -- code list ASSESSMENT_OUTCOME, with the end date only
        outcome text,
        renewed boolean NOT NULL DEFAULT false,
        suitability_decree_date date,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        updated_at timestamptz,
        updated_by text,
        CONSTRAINT assessment_case_fkey FOREIGN KEY (case_id, minor_id) REFERENCES sinba."case" (id, minor_id),
        CONSTRAINT assessment_dates_check CHECK (end_date >= start_date),
        CONSTRAINT assessment_outcome_check CHECK ((outcome IS NULL) = (end_date IS NULL)),
        CONSTRAINT assessment_decree_check CHECK (suitability_decree_date IS NULL OR suitability_decree_date >= start_date)
      )`);
    await q.query(`CREATE INDEX assessment_minor_idx ON sinba.assessment (minor_id)`);
    await q.query(`CREATE INDEX assessment_case_idx ON sinba.assessment (case_id)`);
    // searchMinors (case-insensitive name match) and the exports page by id.
    await q.query(`CREATE INDEX minor_lower_last_name_idx ON sinba.minor (lower(last_name) text_pattern_ops)`);
    await q.query(`CREATE INDEX minor_birth_date_idx ON sinba.minor (birth_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS sinba.minor_birth_date_idx');
    await q.query('DROP INDEX IF EXISTS sinba.minor_lower_last_name_idx');
    await q.query('DROP TABLE IF EXISTS sinba.assessment');
    await q.query('DROP TABLE IF EXISTS sinba.intervention_beneficiary');
    await q.query(`
      ALTER TABLE sinba.intervention
        DROP CONSTRAINT IF EXISTS intervention_disruption_check,
        DROP CONSTRAINT IF EXISTS intervention_structure_entry_check,
        DROP COLUMN IF EXISTS ended_by,
        DROP COLUMN IF EXISTS ended_at,
        DROP COLUMN IF EXISTS adoption_disruption,
        DROP COLUMN IF EXISTS structure_entry_date,
        DROP COLUMN IF EXISTS foster_care_schedule`);
  }
}
