import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One write to the registry (seed 002 §a point d: "tutto lo storico delle
 * strutture"), recorded by database triggers; append-only. Read by the
 * history and as-of queries to come.
 */
@Entity({ schema: 'asso', name: 'structure_change' })
export class StructureChangeEntity {
  @PrimaryColumn({ type: 'bigint', name: 'id', insert: false, update: false })
  id: string;

  @Column({ type: 'text', name: 'structure_code' })
  structureCode: string;

  @Column({ type: 'text', name: 'entity' })
  entity: 'structure' | 'act' | 'inspection';

  @Column({ type: 'text', name: 'entity_id' })
  entityId: string;

  @Column({ type: 'text', name: 'operation' })
  operation: 'INSERT' | 'UPDATE' | 'DELETE';

  @Column({ type: 'timestamptz', name: 'changed_at' })
  changedAt: Date;

  @Column({ type: 'text', name: 'changed_by' })
  changedBy: string;

  /** {"column": {"from": old, "to": new}} for the columns that changed. */
  @Column({ type: 'jsonb', name: 'changes' })
  changes: Record<string, { from: unknown; to: unknown }>;
}
