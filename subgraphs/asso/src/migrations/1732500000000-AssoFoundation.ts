import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ASSO foundation: the regional registry of residential structures for
 * minors, their acts and their inspections (seed 002, DGR Lazio 527/2021,
 * Allegato A §a points a–d; seed 001 "Anagrafica delle strutture").
 * Constraints live in the database so a bug in code cannot store an
 * impossible record (docs/conventions.md "Database").
 *
 * `structure_change` records every write to the three tables (who, when,
 * what changed) through triggers, so the history of a structure (seed 002
 * §a point d: "tutto lo storico delle strutture") is complete by
 * construction, ready for as-of reads. It is append-only.
 */
export class AssoFoundation1732500000000 implements MigrationInterface {
  name = 'AssoFoundation1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE asso.structure (
        code text PRIMARY KEY,
        name text NOT NULL,
        -- code list STRUCTURE_TYPE (checked by the service against the versioned list)
        type text NOT NULL,
        municipality char(6) NOT NULL,
        -- docs/privacy.md §3 IN_TERRITORY: the province is the first 3 digits of the ISTAT municipality code
        province char(3) GENERATED ALWAYS AS (substr(municipality, 1, 3)) STORED,
        address text,
        managing_entity text,
        capacity integer NOT NULL,
        emergency_capacity integer NOT NULL DEFAULT 0,
        min_age integer,
        max_age integer,
        contact_email text,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        CONSTRAINT structure_code_check CHECK (code ~ '^[A-Z0-9-]{3,20}$'),
        CONSTRAINT structure_name_check CHECK (btrim(name) <> ''),
        CONSTRAINT structure_type_check CHECK (btrim(type) <> ''),
        CONSTRAINT structure_municipality_check CHECK (municipality ~ '^[0-9]{6}$'),
        CONSTRAINT structure_capacity_check CHECK (capacity >= 0),
        CONSTRAINT structure_emergency_capacity_check CHECK (emergency_capacity >= 0),
        CONSTRAINT structure_min_age_check CHECK (min_age >= 0),
        CONSTRAINT structure_max_age_check CHECK (max_age <= 21),
        CONSTRAINT structure_age_range_check CHECK (min_age <= max_age),
        CONSTRAINT structure_contact_email_check CHECK (contact_email ~ '^[^[:space:]@]+@[^[:space:]@]+\\.[^[:space:]@]+$')
      )`);
    await q.query(`CREATE INDEX structure_province_idx ON asso.structure (province, code)`);
    await q.query(`CREATE INDEX structure_municipality_idx ON asso.structure (municipality, code)`);
    await q.query(`CREATE INDEX structure_type_idx ON asso.structure (type, code)`);

    await q.query(`
      CREATE TABLE asso.act (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- recording order: the last tie-break of the status derivation (rules/deriveStatus.ts)
        seq bigint GENERATED ALWAYS AS IDENTITY,
        structure_code text NOT NULL REFERENCES asso.structure (code),
        kind text NOT NULL,
        number text NOT NULL,
        date date NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        issuing_body text,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        CONSTRAINT act_kind_check CHECK (kind IN ('AUTHORISATION', 'ACCREDITATION', 'WARNING', 'SUSPENSION', 'REVOCATION', 'CLOSURE', 'REACTIVATION')),
        CONSTRAINT act_number_check CHECK (btrim(number) <> ''),
        CONSTRAINT act_validity_check CHECK (valid_to >= valid_from),
        CONSTRAINT act_seq_key UNIQUE (seq)
      )`);
    await q.query(`CREATE INDEX act_structure_idx ON asso.act (structure_code, valid_from, date, seq)`);

    await q.query(`
      CREATE TABLE asso.inspection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        structure_code text NOT NULL REFERENCES asso.structure (code),
        date date NOT NULL,
        -- code lists INSPECTION_AUTHORITY and INSPECTION_OUTCOME (checked by the service)
        authority text NOT NULL,
        outcome text NOT NULL,
        findings text,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        CONSTRAINT inspection_authority_check CHECK (btrim(authority) <> ''),
        CONSTRAINT inspection_outcome_check CHECK (btrim(outcome) <> ''),
        CONSTRAINT inspection_seq_key UNIQUE (seq)
      )`);
    await q.query(`CREATE INDEX inspection_structure_idx ON asso.inspection (structure_code, date, seq)`);

    // History of every write. No foreign key: the history outlives what it describes.
    await q.query(`
      CREATE TABLE asso.structure_change (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        structure_code text NOT NULL,
        entity text NOT NULL,
        entity_id text NOT NULL,
        operation text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        changed_by text NOT NULL,
        -- {"column": {"from": old, "to": new}, ...} for the columns that changed
        changes jsonb NOT NULL,
        CONSTRAINT structure_change_entity_check CHECK (entity IN ('structure', 'act', 'inspection')),
        CONSTRAINT structure_change_operation_check CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE'))
      )`);
    await q.query(`CREATE INDEX structure_change_structure_idx ON asso.structure_change (structure_code, changed_at, id)`);

    // Who: the session setting asso.actor when the service sets it (SET LOCAL,
    // for updates to come), else the row's created_by.
    await q.query(`
      CREATE FUNCTION asso.record_structure_change() RETURNS trigger
      LANGUAGE plpgsql AS $fn$
      DECLARE
        old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) ELSE '{}'::jsonb END;
        new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) ELSE '{}'::jsonb END;
        cur jsonb := CASE WHEN TG_OP = 'DELETE' THEN old_row ELSE new_row END;
        actor text := nullif(current_setting('asso.actor', true), '');
        diff jsonb;
      BEGIN
        SELECT coalesce(jsonb_object_agg(k, jsonb_build_object('from', old_row -> k, 'to', new_row -> k)), '{}'::jsonb)
          INTO diff
          FROM (SELECT jsonb_object_keys(old_row || new_row) AS k) keys
         WHERE k NOT IN ('created_at', 'seq')
           AND (old_row -> k) IS DISTINCT FROM (new_row -> k);
        IF TG_OP = 'UPDATE' AND diff = '{}'::jsonb THEN
          RETURN NULL;
        END IF;
        INSERT INTO asso.structure_change (structure_code, entity, entity_id, operation, changed_by, changes)
        VALUES (
          CASE WHEN TG_TABLE_NAME = 'structure' THEN cur ->> 'code' ELSE cur ->> 'structure_code' END,
          TG_TABLE_NAME,
          CASE WHEN TG_TABLE_NAME = 'structure' THEN cur ->> 'code' ELSE cur ->> 'id' END,
          TG_OP,
          coalesce(actor, cur ->> 'created_by', 'unknown'),
          diff
        );
        RETURN NULL;
      END
      $fn$`);
    for (const table of ['structure', 'act', 'inspection']) {
      await q.query(`
        CREATE TRIGGER ${table}_change AFTER INSERT OR UPDATE OR DELETE ON asso.${table}
        FOR EACH ROW EXECUTE FUNCTION asso.record_structure_change()`);
    }
    // Append-only history: the module role has UPDATE/DELETE on its schema, the trigger refuses them.
    await q.query(`
      CREATE FUNCTION asso.refuse_history_rewrite() RETURNS trigger
      LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION 'asso.structure_change is append-only' USING ERRCODE = 'insufficient_privilege';
      END
      $fn$`);
    await q.query(`
      CREATE TRIGGER structure_change_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON asso.structure_change
      FOR EACH STATEMENT EXECUTE FUNCTION asso.refuse_history_rewrite()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE asso.structure_change`);
    await q.query(`DROP TABLE asso.inspection`);
    await q.query(`DROP TABLE asso.act`);
    await q.query(`DROP TABLE asso.structure`);
    await q.query(`DROP FUNCTION asso.refuse_history_rewrite()`);
    await q.query(`DROP FUNCTION asso.record_structure_change()`);
  }
}
