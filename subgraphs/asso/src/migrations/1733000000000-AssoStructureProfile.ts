import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The structure's health authority, whom it hosts and its public contacts
 * (issue 6; seed 002 Allegato A §a points a and c, docs/domain.md §5):
 * - health_authority: code list HEALTH_AUTHORITY (the "ASL di riferimento"),
 *   one of the province's ASLs (checked by the service);
 * - gender: code list STRUCTURE_GENDER; target: code list STRUCTURE_TARGET;
 * - phone and public_email: public contacts (contact_email stays the
 *   internal, REGISTRY one).
 * All nullable without default: existing structures keep NULL ("not
 * recorded"), no row is rewritten, so the history gets no spurious change.
 * Codes are checked against their versioned lists by the service, like
 * `type`; the database refuses blanks and implausible contacts.
 */
export class AssoStructureProfile1733000000000 implements MigrationInterface {
  name = 'AssoStructureProfile1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE asso.structure
        ADD COLUMN health_authority text,
        ADD COLUMN gender text,
        ADD COLUMN target text,
        ADD COLUMN phone text,
        ADD COLUMN public_email text,
        ADD CONSTRAINT structure_health_authority_check CHECK (btrim(health_authority) <> ''),
        ADD CONSTRAINT structure_gender_check CHECK (btrim(gender) <> ''),
        ADD CONSTRAINT structure_target_check CHECK (btrim(target) <> ''),
        ADD CONSTRAINT structure_phone_check CHECK (phone ~ '^\\+?[0-9][0-9 ./-]*[0-9]$' AND length(regexp_replace(phone, '[^0-9]', '', 'g')) BETWEEN 6 AND 15),
        ADD CONSTRAINT structure_public_email_check CHECK (public_email ~ '^[^[:space:]@]+@[^[:space:]@]+\\.[^[:space:]@]+$')`);
    // public filters of structures(filter): by target (e.g. mother and child) and by gender
    await q.query(`CREATE INDEX structure_target_idx ON asso.structure (target, code)`);
    await q.query(`CREATE INDEX structure_gender_idx ON asso.structure (gender, code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX asso.structure_gender_idx`);
    await q.query(`DROP INDEX asso.structure_target_idx`);
    await q.query(`ALTER TABLE asso.structure DROP COLUMN public_email, DROP COLUMN phone, DROP COLUMN target, DROP COLUMN gender, DROP COLUMN health_authority`);
  }
}
