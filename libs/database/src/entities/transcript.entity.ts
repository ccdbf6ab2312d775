import { Column, CreateDateColumn, Entity, OneToOne, JoinColumn, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { TalkFacts, TranscriptSegment } from '@callgrade/transcript-model';
import { RecordingEntity } from './recording.entity';

export type TranscriptSource = 'engine' | 'supplied';

/** One transcript per recording; a re-run replaces it. */
@Entity('transcripts')
export class TranscriptEntity {
  @PrimaryColumn({ name: 'recording_id', type: 'uuid' }) recordingId: string;

  @OneToOne(() => RecordingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recording_id' })
  recording?: RecordingEntity;

  @Column({ type: 'text' }) source: TranscriptSource;
  @Column() engine: string;
  @Column({ type: 'text', nullable: true }) language: string | null;
  @Column({ type: 'jsonb' }) segments: TranscriptSegment[];
  @Column({ type: 'jsonb' }) facts: TalkFacts;

  /** Spans replaced in the text (card numbers, security codes…), muted in the reviewers' audio copy. */
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" }) redactions: { startMs: number; endMs: number; kind: string }[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
