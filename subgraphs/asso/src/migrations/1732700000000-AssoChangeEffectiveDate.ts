import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * As-of reads of the registry (seed 002 Allegato A §a point d, "interrogazioni
 * storiche"): each change gets the calendar date it takes effect in the
 * registry. The service sets it for the transaction (SET LOCAL
 * asso.effective_date = the module clock's today, Europe/Rome); without it, the
 * Rome date of the write. A BEFORE INSERT trigger fills it, so the
 * existing change-recording function stays untouched.
 */
export class AssoChangeEffectiveDate1732700000000 implements MigrationInterface {
  name = 'AssoChangeEffectiveDate1732700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE asso.structure_change ADD COLUMN effective_date date`);
    // rows written before this migration keep NULL (the history is append-only); readers use the Rome date of changed_at
    await q.query(`
      CREATE FUNCTION asso.set_change_effective_date() RETURNS trigger
      LANGUAGE plpgsql AS $fn$
      BEGIN
        NEW.effective_date := coalesce(nullif(current_setting('asso.effective_date', true), '')::date, (NEW.changed_at AT TIME ZONE 'Europe/Rome')::date);
        RETURN NEW;
      END
      $fn$`);
    await q.query(`
      CREATE TRIGGER structure_change_effective_date BEFORE INSERT ON asso.structure_change
      FOR EACH ROW EXECUTE FUNCTION asso.set_change_effective_date()`);
    await q.query(`CREATE INDEX structure_change_as_of_idx ON asso.structure_change (structure_code, entity, effective_date, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX asso.structure_change_as_of_idx`);
    await q.query(`DROP TRIGGER structure_change_effective_date ON asso.structure_change`);
    await q.query(`DROP FUNCTION asso.set_change_effective_date()`);
    await q.query(`ALTER TABLE asso.structure_change DROP COLUMN effective_date`);
  }
}
