import { Column, Entity } from 'typeorm';
import type { ActKind } from '../rules/deriveStatus';
import { StructureRecordColumns } from './StructureRecord';

/** Atto: an administrative act governing a structure (seed 002 Allegato A §a point b). */
@Entity({ schema: 'asso', name: 'act' })
export class ActEntity extends StructureRecordColumns {
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
}
