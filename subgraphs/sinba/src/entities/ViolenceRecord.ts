import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Scheda Violenze (seed 003 §3.11): one episode of violence or maltreatment. */
@Entity({ schema: 'sinba', name: 'violence_record' })
export class ViolenceRecordEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Column({ type: 'uuid', name: 'minor_id' })
  minorId: string;

  /** Data di conoscenza: when the service learnt of the violence. */
  @Column({ type: 'date', name: 'knowledge_date' })
  knowledgeDate: string;

  /** Code list VIOLENCE_TYPE, at least one. */
  @Column({ type: 'text', array: true, name: 'types' })
  types: string[];

  /** Code list VIOLENCE_DETECTOR: autore della rilevazione. */
  @Column({ type: 'text', name: 'detected_by', nullable: true })
  detectedBy: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'text', name: 'created_by' })
  createdBy: string;
}
