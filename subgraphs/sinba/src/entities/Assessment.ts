import { Column, Entity } from 'typeorm';
import { TypedPeriodColumns } from './TypedPeriod';

/**
 * Indagine psico-sociale per adozione / percorso affido (seed 003 §3.10),
 * recorded in the case of the minor it is conducted for.
 */
@Entity({ schema: 'sinba', name: 'assessment' })
export class AssessmentEntity extends TypedPeriodColumns {
  /** Null for an applicants' assessment not yet linked to a minor (seed 003 §3.10). */
  @Column({ type: 'uuid', name: 'case_id', nullable: true })
  caseId: string | null;

  @Column({ type: 'uuid', name: 'minor_id', nullable: true })
  minorId: string | null;

  /** The service that records the assessment and owns it (seed 003 §3.10). */
  @Column({ type: 'text', name: 'service_id' })
  serviceId: string;

  /** When and by whom it was linked to a minor's case (null: recorded on the case, or not linked yet). */
  @Column({ type: 'timestamptz', name: 'linked_at', nullable: true })
  linkedAt: Date | null;

  @Column({ type: 'text', name: 'linked_by', nullable: true })
  linkedBy: string | null;

  /** Code list ASSESSMENT_OUTCOME. */
  @Column({ type: 'text', name: 'outcome', nullable: true })
  outcome: string | null;

  @Column({ type: 'boolean', name: 'renewed', default: false })
  renewed: boolean;

  @Column({ type: 'date', name: 'suitability_decree_date', nullable: true })
  suitabilityDecreeDate: string | null;

  @Column({ type: 'timestamptz', name: 'updated_at', nullable: true })
  updatedAt: Date | null;

  @Column({ type: 'text', name: 'updated_by', nullable: true })
  updatedBy: string | null;
}
