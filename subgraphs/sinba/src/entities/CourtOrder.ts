import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Provvedimento dell'Autorità giudiziaria concerning the minor (JUDICIAL). */
@Entity({ schema: 'sinba', name: 'court_order' })
export class CourtOrderEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Column({ type: 'uuid', name: 'minor_id' })
  minorId: string;

  /** The case the order was recorded in, when given. */
  @Column({ type: 'uuid', name: 'case_id', nullable: true })
  caseId: string | null;

  /** Code list COURT_AUTHORITY. */
  @Column({ type: 'text', name: 'authority' })
  authority: string;

  /** Code list COURT_ORDER_KIND. */
  @Column({ type: 'text', name: 'kind' })
  kind: string;

  @Column({ type: 'text', name: 'order_number' })
  number: string;

  @Column({ type: 'date', name: 'order_date' })
  date: string;

  /** Code list COURT_ORDER_EFFECT, at least one. */
  @Column({ type: 'text', array: true, name: 'effects' })
  effects: string[];

  @Column({ type: 'date', name: 'effective_from', nullable: true })
  effectiveFrom: string | null;

  @Column({ type: 'date', name: 'effective_to', nullable: true })
  effectiveTo: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'text', name: 'created_by' })
  createdBy: string;
}
