import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Absences and unauthorised departures during a placement (seed 001: structures
 * report the minors' activity; docs/domain.md §4; docs/domain.md §5).
 * An absence covers the days [start_date, end_date] inclusive (end open while
 * the minor is still away). Absences of one placement never overlap
 * (absence_no_overlap); rules/absenceRules.ts checks the same first.
 */
export class AsmiAbsences1732600000002 implements MigrationInterface {
  name = 'AsmiAbsences1732600000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE asmi.absence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        placement_id uuid NOT NULL REFERENCES asmi.placement (id),
        kind text NOT NULL,
        start_date date NOT NULL,
        end_date date,
        notes text,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL,
        CONSTRAINT absence_dates_check CHECK (end_date >= start_date),
        CONSTRAINT absence_no_overlap EXCLUDE USING gist (placement_id WITH =, daterange(start_date, end_date, '[]') WITH &&)
      )`);
    await q.query('CREATE INDEX absence_placement ON asmi.absence (placement_id, start_date)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE asmi.absence');
  }
}
