import { Column, Entity } from 'typeorm';
import { TypedPeriodColumns } from './TypedPeriod';

/** Intervento (seed 003 §3.9). */
@Entity({ schema: 'sinba', name: 'intervention' })
export class InterventionEntity extends TypedPeriodColumns {
  @Column({ type: 'uuid', name: 'case_id' })
  caseId: string;

  /** Denormalised from the case (composite foreign key keeps it consistent) for the per-minor loader. */
  @Column({ type: 'uuid', name: 'minor_id' })
  minorId: string;

  /** ASSO registry code, or 888888 / 999999 (seed 003 §3.9.6). */
  @Column({ type: 'text', name: 'structure_code', nullable: true })
  structureCode: string | null;

  /** Code list FOSTER_CARE_SCHEDULE (seed 003 §3.9.1). */
  @Column({ type: 'text', name: 'foster_care_schedule', nullable: true })
  fosterCareSchedule: string | null;

  /** Entry into the structure; the start date when unknown (seed 003 §3.9.6). */
  @Column({ type: 'date', name: 'structure_entry_date', nullable: true })
  structureEntryDate: string | null;

  /** Code list ADOPTION_DISRUPTION, in the end situation of an adoption (seed 003 §3.9.2). */
  @Column({ type: 'text', name: 'adoption_disruption', nullable: true })
  adoptionDisruption: string | null;

  /** Code list INTERVENTION_END_SITUATION: situazione fine intervento of an adoption (seed 003 §3.9.2). */
  @Column({ type: 'text', name: 'end_situation', nullable: true })
  endSituation: string | null;

  @Column({ type: 'timestamptz', name: 'ended_at', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'text', name: 'ended_by', nullable: true })
  endedBy: string | null;
}
