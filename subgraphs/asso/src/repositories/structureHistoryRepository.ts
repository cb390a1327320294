import type { EntityManager } from 'typeorm';

/** One change of a structure, its acts or inspections (asso.structure_change). */
export interface StructureChangeRow {
  readonly id: string;
  readonly structureCode: string;
  readonly entity: string;
  readonly entityId: string;
  readonly operation: string;
  readonly changedAt: Date;
  readonly changedBy: string;
  readonly effectiveDate: string;
  readonly changes: Record<string, { from: unknown; to: unknown }>;
}

const EFFECTIVE = `coalesce(effective_date, (changed_at AT TIME ZONE 'Europe/Rome')::date)`;

/**
 * Who/when for the changes this transaction writes (read by the triggers of
 * migrations 1732500000000 and 1732700000000): SET LOCAL, so it ends with the transaction.
 */
export async function setChangeContext(db: EntityManager, actor: string, effectiveDate: string): Promise<void> {
  await db.query(`SELECT set_config('asso.actor', $1, true), set_config('asso.effective_date', $2, true)`, [actor, effectiveDate]);
}

/** The structure row's own changes effective on or before `date`, in order (one statement). */
export async function findStructureRowChangesUpTo(db: EntityManager, code: string, date: string): Promise<StructureChangeRow[]> {
  return (await db.query(
    `SELECT id::text AS id, structure_code AS "structureCode", entity, entity_id AS "entityId", operation, changed_at AS "changedAt",
            changed_by AS "changedBy", to_char(${EFFECTIVE}, 'YYYY-MM-DD') AS "effectiveDate", changes
       FROM asso.structure_change
      WHERE structure_code = $1 AND entity = 'structure' AND ${EFFECTIVE} <= $2::date
      ORDER BY id`,
    [code, date],
  )) as StructureChangeRow[];
}

/** Every change of many structures, one statement, oldest first. */
export async function findChangesByStructureCodes(db: EntityManager, codes: readonly string[]): Promise<StructureChangeRow[]> {
  if (codes.length === 0) return [];
  return (await db.query(
    `SELECT id::text AS id, structure_code AS "structureCode", entity, entity_id AS "entityId", operation, changed_at AS "changedAt",
            changed_by AS "changedBy", to_char(${EFFECTIVE}, 'YYYY-MM-DD') AS "effectiveDate", changes
       FROM asso.structure_change
      WHERE structure_code = ANY($1::text[])
      ORDER BY structure_code, id`,
    [[...codes]],
  )) as StructureChangeRow[];
}
