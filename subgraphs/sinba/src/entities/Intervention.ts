import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Intervento (seed 003 §3.9). */
@Entity({ schema: 'sinba', name: 'intervention' })
export class InterventionEntity {
  /** gen_random_uuid() in the database (opaque, the federation key). */
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Column({ type: 'uuid', name: 'case_id' })
  caseId: string;

  /** Denormalised from the case (composite foreign key keeps it consistent) for the per-minor loader. */
  @Column({ type: 'uuid', name: 'minor_id' })
  minorId: string;

  /** Code list INTERVENTION_TYPE. */
  @Column({ type: 'text', name: 'type' })
  type: string;

  @Column({ type: 'date', name: 'start_date' })
  startDate: string;

  @Column({ type: 'date', name: 'end_date', nullable: true })
  endDate: string | null;

  /** ASSO registry code, or 888888 / 999999 (seed 003 §3.9.6). */
  @Column({ type: 'text', name: 'structure_code', nullable: true })
  structureCode: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'text', name: 'created_by' })
  createdBy: string;
}
