import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const OTHER_IDENTIFIER_KINDS = ['TEMPORARY_FISCAL_CODE', 'RESIDENCE_PERMIT', 'PASSPORT', 'FOREIGN_ID_DOCUMENT', 'OTHER'] as const;
export type OtherIdentifierKind = (typeof OTHER_IDENTIFIER_KINDS)[number];

/** Minore (seed 003 §3.2): the only place in the hub that holds identities (docs/privacy.md §9). */
@Entity({ schema: 'sinba', name: 'minor' })
export class MinorEntity {
  /** gen_random_uuid() in the database (opaque, the federation key). */
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Column({ type: 'text', name: 'fiscal_code', nullable: true })
  fiscalCode: string | null;

  @Column({ type: 'text', name: 'first_name' })
  firstName: string;

  @Column({ type: 'text', name: 'last_name' })
  lastName: string;

  /** YYYY-MM-DD; null for the unborn until birth (seed 003 §3.2.1). */
  @Column({ type: 'date', name: 'birth_date', nullable: true })
  birthDate: string | null;

  @Column({ type: 'char', length: 1, name: 'sex', nullable: true })
  sex: 'M' | 'F' | null;

  @Column({ type: 'char', length: 3, name: 'citizenship', nullable: true })
  citizenship: string | null;

  @Column({ type: 'char', length: 6, name: 'birth_municipality', nullable: true })
  birthMunicipality: string | null;

  @Column({ type: 'char', length: 6, name: 'residence_municipality', nullable: true })
  residenceMunicipality: string | null;

  @Column({ type: 'boolean', name: 'unaccompanied', default: false })
  unaccompanied: boolean;

  /** seed 003 §3.2.1: registered before birth (NASCITURO) and not yet born. */
  @Column({ type: 'boolean', name: 'unborn', default: false })
  unborn: boolean;

  /** YYYY-MM-DD; the expected birth date of a minor registered before birth (seed 003 §3.2.1). */
  @Column({ type: 'date', name: 'expected_birth_date', nullable: true })
  expectedBirthDate: string | null;

  /** Another identifier of a foreign minor (issue 5): kind, value (upper case), ISTAT country code of the issuing state. */
  @Column({ type: 'text', name: 'other_identifier_kind', nullable: true })
  otherIdentifierKind: OtherIdentifierKind | null;

  @Column({ type: 'text', name: 'other_identifier', nullable: true })
  otherIdentifier: string | null;

  @Column({ type: 'char', length: 3, name: 'other_identifier_country', nullable: true })
  otherIdentifierCountry: string | null;

  /** seed 001 "Anagrafica dei Minori (unica)": registered with confirmNewPerson despite a same-person match. */
  @Column({ type: 'boolean', name: 'confirmed_new_person', default: false })
  confirmedNewPerson: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'text', name: 'created_by' })
  createdBy: string;
}
