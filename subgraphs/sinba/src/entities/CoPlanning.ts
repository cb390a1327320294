import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EditedRecordColumns } from './EditedRecord';

/** Coprogettazione (seed 003 §3.6): multidisciplinary work on the minor with other services. */
@Entity({ schema: 'sinba', name: 'co_planning' })
export class CoPlanningEntity extends EditedRecordColumns {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Column({ type: 'uuid', name: 'minor_id' })
  minorId: string;

  @Column({ type: 'date', name: 'start_date' })
  startDate: string;

  @Column({ type: 'date', name: 'end_date', nullable: true })
  endDate: string | null;

  /** Code list CO_PLANNING_PARTNER, at least one. */
  @Column({ type: 'text', array: true, name: 'partners' })
  partners: string[];

  /** Code list CO_PLANNING_OUTCOME; null until assessed. */
  @Column({ type: 'text', name: 'outcome', nullable: true })
  outcome: string | null;
}
