import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ActKind } from '../rules/deriveStatus';

/** Atto: an administrative act governing a structure (seed 002 Allegato A §a point b). */
@Entity({ schema: 'asso', name: 'act' })
export class ActEntity {
  /** gen_random_uuid() in the database. */
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  /** Recording order (identity column; bigint read as a string). */
  @Column({ type: 'bigint', name: 'seq', insert: false, update: false })
  seq: string;

  @Column({ type: 'text', name: 'structure_code' })
  structureCode: string;

  @Column({ type: 'text', name: 'kind' })
  kind: ActKind;

  @Column({ type: 'text', name: 'number' })
  number: string;

  /** Date the act was issued. */
  @Column({ type: 'date', name: 'date' })
  date: string;

  @Column({ type: 'date', name: 'valid_from' })
  validFrom: string;

  /** Inclusive; null: open-ended. */
  @Column({ type: 'date', name: 'valid_to', nullable: true })
  validTo: string | null;

  @Column({ type: 'text', name: 'issuing_body', nullable: true })
  issuingBody: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'text', name: 'created_by' })
  createdBy: string;
}
