import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tamper evidence of the audit trail (docs/privacy.md §7; design in
 * docs/privacy.md "How the audit chain works").
 *
 * - The database, not the application, sets each entry's time
 *   (`clock_timestamp()`, overwritten by the trigger whatever the INSERT says).
 * - Each entry gets a gap-free sequence number and a SHA-256 hash over its
 *   own fields and the previous entry's hash, computed by a BEFORE INSERT
 *   trigger under a transaction-scoped advisory lock, so concurrent gateways
 *   append one after the other and the chain has no forks.
 * - `purpose` (docs/privacy.md §11) and `detail` (non-personal facts of an
 *   entry, such as the year of an ISTAT transmission) are part of the hash;
 *   `minor_id` may be null for an audited access that concerns no one minor
 *   (a transmission of per-structure counts).
 *
 * The canonical text of an entry is length-prefixed (`<bytes>:<value>`, `-`
 * for null) so it can be recomputed outside the database
 * (gateway/audit/chain.ts) byte for byte.
 */
export class AuditChain1733310000000 implements MigrationInterface {
  name = 'AuditChain1733310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit.access_log
      ADD COLUMN purpose text,
      ADD COLUMN detail text,
      ADD COLUMN seq bigint,
      ADD COLUMN prev_hash text,
      ADD COLUMN hash text,
      ALTER COLUMN minor_id DROP NOT NULL,
      ALTER COLUMN at SET DEFAULT clock_timestamp()`);
    await q.query(`
      CREATE FUNCTION audit.lp(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN v IS NULL THEN '-' ELSE octet_length(v)::text || ':' || v END
      $$`);
    await q.query(`
      CREATE FUNCTION audit.entry_text(e audit.access_log) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT e.seq::text
          || '|' || audit.lp(to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
          || '|' || audit.lp(e.subject) || '|' || audit.lp(e.role) || '|' || audit.lp(e.organisation)
          || '|' || audit.lp(e.operation_name) || '|' || audit.lp(e.operation_hash) || '|' || audit.lp(e.minor_id::text)
          || '|' || audit.lp(array_to_string(e.classes_returned, ',')) || '|' || audit.lp(array_to_string(e.classes_denied, ','))
          || '|' || audit.lp(e.action) || '|' || audit.lp(e.request_id) || '|' || audit.lp(e.outcome) || '|' || audit.lp(e.outcome_code)
          || '|' || audit.lp(e.purpose) || '|' || audit.lp(e.detail) || '|' || audit.lp(e.prev_hash)
      $$`);
    await q.query(`
      CREATE FUNCTION audit.chain_entry() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        last_seq bigint;
        last_hash text;
      BEGIN
        -- One appender at a time, until the transaction ends: the chain never forks.
        PERFORM pg_advisory_xact_lock(hashtext('sirmi.audit.access_log'));
        SELECT seq, hash INTO last_seq, last_hash FROM audit.access_log ORDER BY seq DESC LIMIT 1;
        NEW.seq := coalesce(last_seq, 0) + 1;
        NEW.at := clock_timestamp();
        NEW.prev_hash := coalesce(last_hash, 'GENESIS');
        NEW.hash := encode(sha256(convert_to(audit.entry_text(NEW), 'UTF8')), 'hex');
        RETURN NEW;
      END $$`);
    // Entries written before this migration join the chain in their order.
    await q.query(`
      DO $$
      DECLARE
        r audit.access_log;
        n bigint := 0;
        h text := 'GENESIS';
      BEGIN
        ALTER TABLE audit.access_log DISABLE TRIGGER access_log_append_only;
        FOR r IN SELECT * FROM audit.access_log ORDER BY at, id LOOP
          n := n + 1;
          r.seq := n;
          r.prev_hash := h;
          h := encode(sha256(convert_to(audit.entry_text(r), 'UTF8')), 'hex');
          UPDATE audit.access_log SET seq = n, prev_hash = r.prev_hash, hash = h WHERE id = r.id;
        END LOOP;
        ALTER TABLE audit.access_log ENABLE TRIGGER access_log_append_only;
      END $$`);
    await q.query('ALTER TABLE audit.access_log ALTER COLUMN seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL');
    await q.query('CREATE UNIQUE INDEX access_log_seq ON audit.access_log (seq)');
    await q.query('CREATE INDEX access_log_at ON audit.access_log (at)');
    await q.query(`CREATE TRIGGER access_log_chain BEFORE INSERT ON audit.access_log FOR EACH ROW EXECUTE FUNCTION audit.chain_entry()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER access_log_chain ON audit.access_log');
    await q.query('DROP FUNCTION audit.chain_entry()');
    await q.query('DROP INDEX audit.access_log_at');
    await q.query('DROP INDEX audit.access_log_seq');
    await q.query('DROP FUNCTION audit.entry_text(audit.access_log)');
    await q.query('DROP FUNCTION audit.lp(text)');
    // Entries without a minor (transmissions) cannot go back to a NOT NULL column.
    await q.query('ALTER TABLE audit.access_log DISABLE TRIGGER access_log_append_only');
    await q.query('DELETE FROM audit.access_log WHERE minor_id IS NULL');
    await q.query('ALTER TABLE audit.access_log ENABLE TRIGGER access_log_append_only');
    await q.query(`ALTER TABLE audit.access_log
      DROP COLUMN hash, DROP COLUMN prev_hash, DROP COLUMN seq, DROP COLUMN detail, DROP COLUMN purpose,
      ALTER COLUMN minor_id SET NOT NULL, ALTER COLUMN at SET DEFAULT now()`);
  }
}
