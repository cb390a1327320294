import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Struttura residenziale per minori in the regional registry (seed 002 Allegato A §a point a). */
@Entity({ schema: 'asso', name: 'structure' })
export class StructureEntity {
  /** Regional registry code (the federation key). */
  @PrimaryColumn({ type: 'text', name: 'code' })
  code: string;

  @Column({ type: 'text', name: 'name' })
  name: string;

  /** Code list STRUCTURE_TYPE. */
  @Column({ type: 'text', name: 'type' })
  type: string;

  /** 6-digit ISTAT municipality code. */
  @Column({ type: 'char', length: 6, name: 'municipality' })
  municipality: string;

  /** Generated in the database: the first 3 digits of the municipality. */
  @Column({ type: 'char', length: 3, name: 'province', insert: false, update: false })
  province: string;

  @Column({ type: 'text', name: 'address', nullable: true })
  address: string | null;

  /** Ente gestore. */
  @Column({ type: 'text', name: 'managing_entity', nullable: true })
  managingEntity: string | null;

  /** Partita IVA or fiscal code of the managing entity (rules/taxCode.ts). */
  @Column({ type: 'text', name: 'managing_entity_tax_code', nullable: true })
  managingEntityTaxCode: string | null;

  /** Authorised ordinary places. */
  @Column({ type: 'integer', name: 'capacity' })
  capacity: number;

  /** Emergency places (pronta accoglienza) on top of the ordinary ones. */
  @Column({ type: 'integer', name: 'emergency_capacity', default: 0 })
  emergencyCapacity: number;

  @Column({ type: 'integer', name: 'min_age', nullable: true })
  minAge: number | null;

  @Column({ type: 'integer', name: 'max_age', nullable: true })
  maxAge: number | null;

  /** Code list HEALTH_AUTHORITY: the structure's ASL (seed 002 Allegato A §a point c), one of its province's. */
  @Column({ type: 'text', name: 'health_authority', nullable: true })
  healthAuthority: string | null;

  /** Code list STRUCTURE_GENDER: whom it hosts by sex. */
  @Column({ type: 'text', name: 'gender', nullable: true })
  gender: string | null;

  /** Code list STRUCTURE_TARGET: whom it is for (MSNA, mother and child...). */
  @Column({ type: 'text', name: 'target', nullable: true })
  target: string | null;

  /** PUBLIC contacts (the internal one is contactEmail). */
  @Column({ type: 'text', name: 'phone', nullable: true })
  phone: string | null;

  @Column({ type: 'text', name: 'public_email', nullable: true })
  publicEmail: string | null;

  /** seed 001 "il censimento della propria struttura": the structure's own description (PUBLIC). */
  @Column({ type: 'text', name: 'description', nullable: true })
  description: string | null;

  /** REGISTRY data class (docs/privacy.md §2): internal contact. */
  @Column({ type: 'text', name: 'contact_email', nullable: true })
  contactEmail: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'text', name: 'created_by' })
  createdBy: string;
}
