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

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;

  @Column({ type: 'text', name: 'updated_by' })
  updatedBy: string;
}
