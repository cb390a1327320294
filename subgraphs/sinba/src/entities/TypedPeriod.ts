import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The columns of the records that are a coded kind of work over a period,
 * recorded once (interventions, seed 003 §3.9; assessments, §3.10): id,
 * type, start and end dates, who recorded it when.
 */
export abstract class TypedPeriodColumns {
  /** gen_random_uuid() in the database (opaque, the federation key). */
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  /** Code list INTERVENTION_TYPE or ASSESSMENT_TYPE. */
  @Column({ type: 'text', name: 'type' })
  type: string;

  @Column({ type: 'date', name: 'start_date' })
  startDate: string;

  /** Null while open; for an assessment, the data di termine istruttoria. */
  @Column({ type: 'date', name: 'end_date', nullable: true })
  endDate: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'text', name: 'created_by' })
  createdBy: string;
}
