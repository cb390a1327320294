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

/**
 * The structure row's changes and the structure's acts, as the registry held
 * them at the end of `recordedOn` (transaction time: changed_at / created_at,
 * Europe/Rome days), or every one when null. Two statements. For
 * structureAsOf (seed 002 Allegato A §a point d).
 */
export async function findStructureTimeline(
  db: EntityManager,
  code: string,
  recordedOn: string | null,
): Promise<{ changes: { operation: string; effectiveDate: string; changes: Record<string, { to: unknown }> }[]; acts: { kind: string; date: string; validFrom: string; validTo: string | null }[] }> {
  const changes = (await db.query(
    `SELECT operation, to_char(${EFFECTIVE}, 'YYYY-MM-DD') AS "effectiveDate", changes
       FROM asso.structure_change
      WHERE structure_code = $1 AND entity = 'structure' AND ($2::date IS NULL OR (changed_at AT TIME ZONE 'Europe/Rome')::date <= $2::date)
      ORDER BY id`,
    [code, recordedOn],
  )) as { operation: string; effectiveDate: string; changes: Record<string, { to: unknown }> }[];
  const acts = (await db.query(
    `SELECT kind, to_char(date, 'YYYY-MM-DD') AS date, to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo"
       FROM asso.act
      WHERE structure_code = $1 AND ($2::date IS NULL OR (created_at AT TIME ZONE 'Europe/Rome')::date <= $2::date)
      ORDER BY valid_from, date, seq`,
    [code, recordedOn],
  )) as { kind: string; date: string; validFrom: string; validTo: string | null }[];
  return { changes, acts };
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
