import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Segnalazione (seed 003 §3.1): recorded by the service receiving it, possibly before any case. */
@Entity({ schema: 'sinba', name: 'referral' })
export class ReferralEntity {
  /** gen_random_uuid() in the database. */
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Column({ type: 'uuid', name: 'minor_id' })
  minorId: string;

  /** YYYY-MM-DD. */
  @Column({ type: 'date', name: 'referral_date' })
  date: string;

  /** Code list REFERRAL_SOURCE. */
  @Column({ type: 'text', name: 'source' })
  source: string;

  /** seed 003 §3.1, §3.2.1: the referral happened during the mother's pregnancy. */
  @Column({ type: 'boolean', name: 'during_pregnancy', default: false })
  duringPregnancy: boolean;

  /** The service receiving the referral. */
  @Column({ type: 'text', name: 'service_id' })
  serviceId: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'text', name: 'created_by' })
  createdBy: string;
}
