import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EditedRecordColumns } from './EditedRecord';

/**
 * A member of the minor's family unit or a significant person (nucleo
 * familiare convivente e soggetti significativi, seed 003 §3.3).
 */
@Entity({ schema: 'sinba', name: 'family_member' })
export class FamilyMemberEntity extends EditedRecordColumns {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Column({ type: 'uuid', name: 'minor_id' })
  minorId: string;

  /** Code list SIGNIFICANT_PERSON_RELATION. */
  @Column({ type: 'text', name: 'relation' })
  relation: string;

  @Column({ type: 'text', name: 'first_name' })
  firstName: string;

  @Column({ type: 'text', name: 'last_name' })
  lastName: string;

  /** Lives with the minor (a member of the nucleo convivente) or is a non-cohabiting significant person. */
  @Column({ type: 'boolean', name: 'cohabiting' })
  cohabiting: boolean;

  /** Holds parental responsibility (potestà, seed 003 §3.5 note 4); null when unknown. */
  @Column({ type: 'boolean', name: 'parental_responsibility', nullable: true })
  parentalResponsibility: boolean | null;

  /** YYYY-MM-DD: since when the person belongs to the unit (null when unknown). */
  @Column({ type: 'date', name: 'member_since', nullable: true })
  since: string | null;

  /** YYYY-MM-DD: the day the person left the unit (removeFamilyMember). */
  @Column({ type: 'date', name: 'member_until', nullable: true })
  until: string | null;
}
