import { Column, Entity } from 'typeorm';
import { StructureRecordColumns } from './StructureRecord';

/** Vigilanza: an inspection of a structure (seed 002 Allegato A §a point c). REGISTRY data class. */
@Entity({ schema: 'asso', name: 'inspection' })
export class InspectionEntity extends StructureRecordColumns {
  @Column({ type: 'date', name: 'date' })
  date: string;

  /** Code list INSPECTION_AUTHORITY. */
  @Column({ type: 'text', name: 'authority' })
  authority: string;

  /** Code list INSPECTION_OUTCOME. */
  @Column({ type: 'text', name: 'outcome' })
  outcome: string;

  /** Free text: never logged (house habit 11). */
  @Column({ type: 'text', name: 'findings', nullable: true })
  findings: string | null;

  /** Follow-up (seed 002 §a point c): free text, never logged. */
  @Column({ type: 'text', name: 'prescriptions', nullable: true })
  prescriptions: string | null;

  @Column({ type: 'date', name: 'follow_up_due_date', nullable: true })
  followUpDueDate: string | null;

  @Column({ type: 'date', name: 'follow_up_done_date', nullable: true })
  followUpDoneDate: string | null;
}
