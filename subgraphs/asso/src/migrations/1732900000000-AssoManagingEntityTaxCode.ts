import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tax code of the managing entity (seed 002 §a point a): partita IVA (11 digits) or personal fiscal code (16); check characters verified by the service (rules/taxCode.ts). */
export class AssoManagingEntityTaxCode1732900000000 implements MigrationInterface {
  name = 'AssoManagingEntityTaxCode1732900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE asso.structure
        ADD COLUMN managing_entity_tax_code text,
        ADD CONSTRAINT structure_managing_entity_tax_code_check CHECK (managing_entity_tax_code ~ '^([0-9]{11}|[A-Z0-9]{16})$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE asso.structure DROP COLUMN managing_entity_tax_code`);
  }
}
