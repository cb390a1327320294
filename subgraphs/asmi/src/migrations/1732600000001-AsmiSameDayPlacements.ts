import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A placement admitted and discharged on the same day D is stored as it
 * happened (discharge_date = admission_date): its period [D, D) is empty, so
 * placement_no_overlap does not see it. This constraint holds its own rule
 * (rules/placementRules.ts `isSameDay`): on D the minor cannot be in another
 * placement that spans the whole day, i.e. admitted before D and discharged
 * after D (or not at all). Only a same-day row and a longer row are compared
 * (`WITH <>` on the same-day flag): the same-day row as the day [D, D+1), the
 * longer one as its interior (admission, discharge), so transfers into and
 * out of a same-day placement on D, and several same-day stays on one day,
 * remain allowed. btree_gist (1.7, PostgreSQL 15) provides = and <> for uuid
 * and boolean.
 */
export class AsmiSameDayPlacements1732600000001 implements MigrationInterface {
  name = 'AsmiSameDayPlacements1732600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE asmi.placement ADD CONSTRAINT placement_same_day_inside_other EXCLUDE USING gist (
        minor_id WITH =,
        (discharge_date IS NOT DISTINCT FROM admission_date) WITH <>,
        (CASE WHEN discharge_date = admission_date THEN daterange(admission_date, admission_date, '[]')
              ELSE daterange(admission_date, discharge_date, '()') END) WITH &&
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE asmi.placement DROP CONSTRAINT placement_same_day_inside_other');
  }
}
