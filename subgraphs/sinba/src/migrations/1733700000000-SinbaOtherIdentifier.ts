import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foreign minors without a codice fiscale (issue 5; seed 003 §3.2 anagrafica:
 * the fiscal code is optional for them): another identifier, a temporary
 * 11-digit codice fiscale provvisorio or a foreign document, unique per kind
 * and issuing country so the duplicate check works for them too.
 */
export class SinbaOtherIdentifier1733700000000 implements MigrationInterface {
  name = 'SinbaOtherIdentifier1733700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE sinba.minor
        ADD COLUMN other_identifier_kind text,
        ADD COLUMN other_identifier text,
        ADD COLUMN other_identifier_country char(3),
        ADD CONSTRAINT minor_other_identifier_kind_check CHECK (other_identifier_kind IN ('TEMPORARY_FISCAL_CODE', 'RESIDENCE_PERMIT', 'PASSPORT', 'FOREIGN_ID_DOCUMENT', 'OTHER')),
        ADD CONSTRAINT minor_other_identifier_complete_check CHECK ((other_identifier_kind IS NULL) = (other_identifier IS NULL)),
        ADD CONSTRAINT minor_other_identifier_country_check CHECK (other_identifier_country IS NULL OR other_identifier IS NOT NULL),
        ADD CONSTRAINT minor_other_identifier_upper_check CHECK (other_identifier = upper(other_identifier))`);
    await q.query(`
      CREATE UNIQUE INDEX minor_other_identifier_key ON sinba.minor (other_identifier_kind, other_identifier, coalesce(other_identifier_country, ''))
        WHERE other_identifier IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX sinba.minor_other_identifier_key`);
    await q.query(`
      ALTER TABLE sinba.minor
        DROP COLUMN other_identifier_country,
        DROP COLUMN other_identifier,
        DROP COLUMN other_identifier_kind`);
  }
}
