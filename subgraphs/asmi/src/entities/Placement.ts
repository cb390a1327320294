import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A placement episode (inserimento) of a minor in a structure; see the migration for the rules the database holds. */
@Entity({ name: 'placement', schema: 'asmi' })
export class PlacementEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Column({ name: 'minor_id', type: 'uuid' })
  minorId: string;

  @Column({ name: 'structure_code', type: 'text' })
  structureCode: string;

  @Column({ name: 'admission_date', type: 'date' })
  admissionDate: string;

  @Column({ name: 'discharge_date', type: 'date', nullable: true })
  dischargeDate: string | null;

  @Column({ name: 'kind', type: 'text' })
  kind: string;

  @Column({ name: 'referring_service', type: 'text', nullable: true })
  referringService: string | null;

  @Column({ name: 'legal_basis', type: 'text', nullable: true })
  legalBasis: string | null;

  @Column({ name: 'court_order_reference', type: 'text', nullable: true })
  courtOrderReference: string | null;

  @Column({ name: 'discharge_outcome', type: 'text', nullable: true })
  dischargeOutcome: string | null;

  @Column({ name: 'minor_birth_date', type: 'date', nullable: true })
  minorBirthDate: string | null;

  @Column({ name: 'minor_sex', type: 'char', length: 1, nullable: true })
  minorSex: string | null;

  @Column({ name: 'minor_citizenship', type: 'char', length: 3, nullable: true })
  minorCitizenship: string | null;

  @Column({ name: 'minor_unaccompanied', type: 'boolean', nullable: true })
  minorUnaccompanied: boolean | null;

  @Column({ name: 'structure_type', type: 'text' })
  structureType: string;

  @Column({ name: 'structure_province', type: 'char', length: 3 })
  structureProvince: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;
}
