import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Dati sanitari (seed 003 §3.4, §3.7): one row per minor. */
@Entity({ schema: 'sinba', name: 'health_data' })
export class HealthDataEntity {
  @PrimaryColumn({ type: 'uuid', name: 'minor_id' })
  minorId: string;

  /** Certificazione / relazione di diagnosi funzionale NPIA. */
  @Column({ type: 'boolean', name: 'npia_follow_up', nullable: true })
  npiaFollowUp: boolean | null;

  /** Invalidità civile. */
  @Column({ type: 'boolean', name: 'invalidity', nullable: true })
  invalidity: boolean | null;

  /** Valutazione ex L. 104/92. */
  @Column({ type: 'boolean', name: 'law104', nullable: true })
  law104: boolean | null;

  /** L. 104/92 art. 3 c. 3 (gravità). */
  @Column({ type: 'boolean', name: 'law104_severe', nullable: true })
  law104Severe: boolean | null;

  /** Date of the NPIA functional diagnosis (§3.7). */
  @Column({ type: 'date', name: 'npia_date', nullable: true })
  npiaDate: string | null;

  /** Date of the civil invalidity certification (§3.7 "con indicazione della data"). */
  @Column({ type: 'date', name: 'invalidity_date', nullable: true })
  invalidityDate: string | null;

  /** Percentuale di invalidità (§3.4), 0–100. */
  @Column({ type: 'smallint', name: 'invalidity_percentage', nullable: true })
  invalidityPercentage: number | null;

  /** Date of the L. 104/92 certification (§3.7). */
  @Column({ type: 'date', name: 'law104_date', nullable: true })
  law104Date: string | null;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;

  @Column({ type: 'text', name: 'updated_by' })
  updatedBy: string;
}
