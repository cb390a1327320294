import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * seed 001 (S.I.R.MI slides), "Alle strutture — Asso — il censimento della
 * propria struttura": the structure describes itself (issue 15). A free
 * description, public like the rest of the structure's card, kept by the
 * structure's operator; every change lands in asso.structure_change by the
 * existing trigger (who, when, from, to).
 */
export class AssoStructureDescription1734000000000 implements MigrationInterface {
  name = 'AssoStructureDescription1734000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE asso.structure ADD COLUMN description text, ADD CONSTRAINT structure_description_length_check CHECK (char_length(description) <= 2000)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE asso.structure DROP CONSTRAINT structure_description_length_check, DROP COLUMN description`);
  }
}
