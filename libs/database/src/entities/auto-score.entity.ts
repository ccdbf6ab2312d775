import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One automatic scoring of a recording. Re-scoring adds a row; the newest is current. */
@Entity('auto_scores')
@Index(['recordingId', 'createdAt'])
export class AutoScoreEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'recording_id', type: 'uuid' }) recordingId: string;
  @Column({ name: 'scorecard_version_id', type: 'uuid' }) scorecardVersionId: string;
  @Column({ name: 'settings_version_id', type: 'uuid' }) settingsVersionId: string;
  /** 0..100, or null when no criterion could be answered automatically. */
  @Column({
    type: 'numeric',
    precision: 5,
    scale: 2,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  percent: number | null;
  @Column({ name: 'critical_failed' }) criticalFailed: boolean;
  /** False while manual criteria still wait for a reviewer. */
  @Column() complete: boolean;
  @Column({ type: 'text' }) language: string;
  /** Per criterion: result, points, confidence, evidence with speaker and timestamps, explanation. */
  @Column({ type: 'jsonb' }) criteria: object[];
  /** The score breakdown by section. */
  @Column({ type: 'jsonb' }) breakdown: object;
  @Column({ type: 'text' }) trigger: 'pipeline' | 'rescore';
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
