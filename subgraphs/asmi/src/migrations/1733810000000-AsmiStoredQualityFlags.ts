import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data-quality flags stored, not computed per request (issue 17 §5,
 * docs/architecture.md "Data-quality listings"):
 * - placement_quality_flag: one row per (placement, flag) with its first day,
 *   and the placement's minor, structure and province copied so every page of
 *   placementQualityIssues, in any scope and filter, is one indexed range scan
 *   in (placement_id, flag) order;
 * - quality_dirty: the minors and structures whose placements' flags must be
 *   recomputed. A trigger on asmi.placement queues both the old and the new
 *   minor and structure of every insert, update and delete, in the writing
 *   transaction (so no write path, events or a later mutation included, can
 *   forget it); SINBA (cases) and ASSO (places, acts) queue theirs through
 *   the refreshQualityFlags mutation;
 * - quality_state: the day the stored flags were computed for (they depend on
 *   today: a new day recomputes them all, once, whatever replica notices).
 */
export class AsmiStoredQualityFlags1733810000000 implements MigrationInterface {
  name = 'AsmiStoredQualityFlags1733810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE asmi.placement_quality_flag (
        placement_id uuid NOT NULL REFERENCES asmi.placement (id) ON DELETE CASCADE,
        flag text COLLATE "C" NOT NULL,
        since date NOT NULL,
        minor_id uuid NOT NULL,
        structure_code text NOT NULL,
        structure_province char(3) NOT NULL,
        PRIMARY KEY (placement_id, flag)
      )`);
    await q.query('CREATE INDEX placement_quality_flag_structure ON asmi.placement_quality_flag (structure_code, placement_id, flag)');
    await q.query('CREATE INDEX placement_quality_flag_province ON asmi.placement_quality_flag (structure_province, placement_id, flag)');
    await q.query('CREATE INDEX placement_quality_flag_flag ON asmi.placement_quality_flag (flag, placement_id)');
    await q.query('CREATE INDEX placement_quality_flag_minor ON asmi.placement_quality_flag (minor_id)');
    await q.query(`
      CREATE TABLE asmi.quality_dirty (
        id bigserial PRIMARY KEY,
        minor_id uuid,
        structure_code text,
        CHECK (minor_id IS NOT NULL OR structure_code IS NOT NULL)
      )`);
    await q.query(`CREATE TABLE asmi.quality_state (id smallint PRIMARY KEY CHECK (id = 1), computed_on date, computed_at timestamptz)`);
    await q.query(`INSERT INTO asmi.quality_state (id, computed_on) VALUES (1, NULL)`);
    await q.query(`
      CREATE FUNCTION asmi.queue_quality_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          INSERT INTO asmi.quality_dirty (minor_id, structure_code) VALUES (OLD.minor_id, OLD.structure_code);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO asmi.quality_dirty (minor_id, structure_code) VALUES (NEW.minor_id, NEW.structure_code);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER placement_queue_quality_refresh AFTER INSERT OR UPDATE OR DELETE ON asmi.placement FOR EACH ROW EXECUTE FUNCTION asmi.queue_quality_refresh()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER placement_queue_quality_refresh ON asmi.placement');
    await q.query('DROP FUNCTION asmi.queue_quality_refresh()');
    await q.query('DROP TABLE asmi.quality_state');
    await q.query('DROP TABLE asmi.quality_dirty');
    await q.query('DROP TABLE asmi.placement_quality_flag');
  }
}
