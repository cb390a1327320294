import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The columns every record about a structure has (acts, inspections): its id,
 * its recording order, the structure it is about, and who recorded it when.
 */
export abstract class StructureRecordColumns {
  /** gen_random_uuid() in the database. */
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  /** Recording order (identity column; bigint read as a string). */
  @Column({ type: 'bigint', name: 'seq', insert: false, update: false })
  seq: string;

  @Column({ type: 'text', name: 'structure_code' })
  structureCode: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'text', name: 'created_by' })
  createdBy: string;
}
