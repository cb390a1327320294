import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Act documents (seed 002 Allegato A §a point b: acts are kept with their
 * document). `act_document` holds the CURRENT document of an act (one per
 * act, act_id is the key) with its `version` (1, 2, ...); replacing it first
 * copies the current row into `act_document_archive` (append-only), so every
 * earlier version stays retrievable with who uploaded it and when.
 */
export class AssoActDocument1732600000000 implements MigrationInterface {
  name = 'AssoActDocument1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE asso.act_document (
        act_id uuid PRIMARY KEY REFERENCES asso.act (id),
        version integer NOT NULL DEFAULT 1,
        filename text NOT NULL,
        content bytea NOT NULL,
        size_bytes integer NOT NULL,
        sha256 char(64) NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        uploaded_by text NOT NULL,
        CONSTRAINT act_document_version_check CHECK (version >= 1),
        CONSTRAINT act_document_filename_check CHECK (filename ~* '^[^/\\\\]+\\.pdf$'),
        CONSTRAINT act_document_size_check CHECK (size_bytes = octet_length(content) AND size_bytes <= 10485760),
        CONSTRAINT act_document_sha256_check CHECK (sha256 ~ '^[0-9a-f]{64}$')
      )`);
    await q.query(`
      CREATE TABLE asso.act_document_archive (
        act_id uuid NOT NULL REFERENCES asso.act (id),
        version integer NOT NULL,
        filename text NOT NULL,
        content bytea NOT NULL,
        size_bytes integer NOT NULL,
        sha256 char(64) NOT NULL,
        uploaded_at timestamptz NOT NULL,
        uploaded_by text NOT NULL,
        archived_at timestamptz NOT NULL DEFAULT now(),
        archived_by text NOT NULL,
        PRIMARY KEY (act_id, version)
      )`);
    await q.query(`
      CREATE TRIGGER act_document_archive_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON asso.act_document_archive
      FOR EACH STATEMENT EXECUTE FUNCTION asso.refuse_history_rewrite()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE asso.act_document_archive`);
    await q.query(`DROP TABLE asso.act_document`);
  }
}
