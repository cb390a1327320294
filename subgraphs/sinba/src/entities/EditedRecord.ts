import { Column } from 'typeorm';

/** Who created a record of the minor's file and who last changed it, for the records that are edited in place (family members, co-planning). */
export abstract class EditedRecordColumns {
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'text', name: 'created_by' })
  createdBy: string;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'text', name: 'updated_by' })
  updatedBy: string;
}
