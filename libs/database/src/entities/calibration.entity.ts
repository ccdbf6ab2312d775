import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { NUMERIC_AS_NUMBER } from './numeric.transformer';

export type CalibrationStatus = 'open' | 'closed';

/** Several reviewers score the same calls blind; on close, how far they agree. */
@Entity('calibration_sessions')
export class CalibrationSessionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) title: string;
  @Column({ name: 'lead_id', type: 'uuid' }) leadId: string;
  @Column({ name: 'scorecard_version_id', type: 'uuid' }) scorecardVersionId: string;
  @Column({ type: 'timestamptz' }) deadline: Date;
  @Column({ type: 'text', default: 'open' }) status: CalibrationStatus;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'closed_by', type: 'uuid', nullable: true }) closedBy: string | null;
  /** The review-rules lib's `CalibrationReport`, computed on close. */
  @Column({ type: 'jsonb', nullable: true }) results: object | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('calibration_recordings')
export class CalibrationRecordingEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @PrimaryColumn({ name: 'recording_id', type: 'uuid' }) recordingId: string;
  @Column({ type: 'integer' }) position: number;
}

@Entity('calibration_participants')
export class CalibrationParticipantEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @PrimaryColumn({ name: 'reviewer_id', type: 'uuid' }) reviewerId: string;
}

/** One reviewer's answers for one call of a session; the lead's reference answer has `isReference`. */
@Entity('calibration_responses')
export class CalibrationResponseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @Column({ name: 'recording_id', type: 'uuid' }) recordingId: string;
  @Column({ name: 'reviewer_id', type: 'uuid' }) reviewerId: string;
  @Column({ name: 'is_reference', default: false }) isReference: boolean;
  @Column({ type: 'jsonb' }) answers: Record<string, unknown>;
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: NUMERIC_AS_NUMBER }) percent: number | null;
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt: Date;
}
