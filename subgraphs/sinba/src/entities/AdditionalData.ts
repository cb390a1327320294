import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Informazioni aggiuntive sul minore (seed 003 §3.4): one row per minor. */
@Entity({ schema: 'sinba', name: 'additional_data' })
export class AdditionalDataEntity {
  @PrimaryColumn({ type: 'uuid', name: 'minor_id' })
  minorId: string;

  /** Code list SCHOOLING_LEVEL. */
  @Column({ type: 'text', name: 'schooling_level', nullable: true })
  schoolingLevel: string | null;

  /** Code list EMPLOYMENT_CONDITION. */
  @Column({ type: 'text', name: 'employment_condition', nullable: true })
  employmentCondition: string | null;

  @Column({ type: 'boolean', name: 'nomad', nullable: true })
  nomad: boolean | null;

  @Column({ type: 'boolean', name: 'orphan', nullable: true })
  orphan: boolean | null;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;

  @Column({ type: 'text', name: 'updated_by' })
  updatedBy: string;
}
