import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Care observations (docs/privacy.md §2 CARE_OBSERVATION): what a structure
 * records about a minor in its care for the six-monthly list to the juvenile
 * prosecutor (L. 184/1983 art. 9): relations with the family (code list
 * FAMILY_RELATIONS), the parents' municipality of residence (ISTAT code) and
 * the minor's psycho-physical condition (free text, never logged).
 */
export class AsmiCareObservations1733820000000 implements MigrationInterface {
  name = 'AsmiCareObservations1733820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE asmi.care_observation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        placement_id uuid NOT NULL REFERENCES asmi.placement (id),
        date date NOT NULL,
        family_relations text NOT NULL,
        parents_residence_municipality text,
        psychophysical_condition text,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL
      )`);
    await q.query('CREATE INDEX care_observation_placement ON asmi.care_observation (placement_id, date)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE asmi.care_observation');
  }
}
