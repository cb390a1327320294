import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Activities of a minor inside the structure (dati di attività sui minori in
 * struttura, seed 001; code list ACTIVITY_TYPE): on `date`, or over
 * [date, end_date] inclusive. Activities may overlap each other.
 */
export class AsmiActivities1732600000003 implements MigrationInterface {
  name = 'AsmiActivities1732600000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE asmi.activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        placement_id uuid NOT NULL REFERENCES asmi.placement (id),
        type text NOT NULL,
        date date NOT NULL,
        end_date date,
        notes text,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL,
        CONSTRAINT activity_dates_check CHECK (end_date >= date)
      )`);
    await q.query('CREATE INDEX activity_placement ON asmi.activity (placement_id, date)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE asmi.activity');
  }
}
