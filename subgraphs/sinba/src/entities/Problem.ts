import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Columns shared by the minor's and the family's problems (seed 003 §3.5, §3.8). */
abstract class ProblemColumns {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Column({ type: 'uuid', name: 'minor_id' })
  minorId: string;

  /** Code list MINOR_PROBLEM or FAMILY_PROBLEM. */
  @Column({ type: 'text', name: 'code' })
  code: string;

  /** YYYY-MM-DD: each problem has its own start date (§3.5, §3.8). */
  @Column({ type: 'date', name: 'start_date' })
  startDate: string;

  @Column({ type: 'date', name: 'end_date', nullable: true })
  endDate: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'text', name: 'created_by' })
  createdBy: string;
}

/** Problematica utente (seed 003 §3.5). */
@Entity({ schema: 'sinba', name: 'minor_problem' })
export class MinorProblemEntity extends ProblemColumns {}

/** Problematica familiare (seed 003 §3.8). */
@Entity({ schema: 'sinba', name: 'family_problem' })
export class FamilyProblemEntity extends ProblemColumns {}
