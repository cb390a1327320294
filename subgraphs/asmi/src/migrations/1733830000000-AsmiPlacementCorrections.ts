import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Corrections of a placement's admission facts (issue 18 item 5; the paths
 * are described in docs/domain.md "Correcting a placement"). One row per
 * correction, with the facts before and after it (JSON objects holding only
 * the facts changed: admissionDate, kind, legalBasis, courtOrderReference,
 * referringService):
 * - APPLIED directly by the structure that recorded the placement, within
 *   the correction window (path STRUCTURE);
 * - PENDING when the structure asks the supervisor after the window (path
 *   SUPERVISOR), then APPLIED or REJECTED by a supervisor of the territory
 *   (decided_by, decision_reason).
 * At most one PENDING request per placement (partial unique index).
 */
export class AsmiPlacementCorrections1733830000000 implements MigrationInterface {
  name = 'AsmiPlacementCorrections1733830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE asmi.placement_correction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        placement_id uuid NOT NULL REFERENCES asmi.placement (id),
        minor_id uuid NOT NULL,
        structure_code text NOT NULL,
        structure_province text NOT NULL,
        path text NOT NULL CHECK (path IN ('STRUCTURE', 'SUPERVISOR')),
        status text NOT NULL CHECK (status IN ('APPLIED', 'PENDING', 'REJECTED')),
        before jsonb NOT NULL,
        after jsonb NOT NULL,
        reason text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        requested_by text NOT NULL,
        decided_at timestamptz,
        decided_by text,
        decision_reason text,
        CONSTRAINT placement_correction_decided CHECK ((status = 'PENDING') = (decided_at IS NULL)),
        CONSTRAINT placement_correction_direct CHECK (path = 'SUPERVISOR' OR status = 'APPLIED')
      )`);
    await q.query('CREATE INDEX placement_correction_placement_idx ON asmi.placement_correction (placement_id, requested_at)');
    await q.query('CREATE INDEX placement_correction_list_idx ON asmi.placement_correction (requested_at DESC, id)');
    await q.query(`CREATE UNIQUE INDEX placement_correction_one_pending ON asmi.placement_correction (placement_id) WHERE status = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE asmi.placement_correction');
  }
}
