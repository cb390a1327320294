import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Presa in carico (seed 003 §3.2). Table `sinba."case"` (quoted: CASE is a keyword). */
@Entity({ schema: 'sinba', name: 'case' })
export class CaseEntity {
  /** gen_random_uuid() in the database (opaque, the federation key). */
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Column({ type: 'uuid', name: 'minor_id' })
  minorId: string;

  /** The holding service (ente/servizio titolare): the social worker's serviceId claim. */
  @Column({ type: 'text', name: 'service_id' })
  serviceId: string;

  @Column({ type: 'date', name: 'start_date' })
  startDate: string;

  /** Exclusive: the case is no longer held on its end date (docs/privacy.md §3). */
  @Column({ type: 'date', name: 'end_date', nullable: true })
  endDate: string | null;

  @Column({ type: 'text', name: 'closure_reason', nullable: true })
  closureReason: string | null;

  @Column({ type: 'text', name: 'co_management_reason', nullable: true })
  coManagementReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'text', name: 'created_by' })
  createdBy: string;

  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'text', name: 'closed_by', nullable: true })
  closedBy: string | null;
}
