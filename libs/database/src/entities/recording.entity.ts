import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { RecordingStatus } from '@callgrade/contracts';
import { NUMERIC_AS_NUMBER } from './numeric.transformer';
import { UserEntity } from './user.entity';

export { RecordingStatus };

export enum CallDirection {
  Inbound = 'inbound',
  Outbound = 'outbound',
}

export enum ChannelLayout {
  Mono = 'mono',
  AgentLeft = 'agent-left',
  AgentRight = 'agent-right',
}

@Entity('recordings')
export class RecordingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;

  /** The phone system's call id; unique. */
  @Column({ name: 'external_id', unique: true }) externalId: string;

  @Column({ name: 'agent_id', type: 'uuid' }) agentId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agent_id' })
  agent?: UserEntity;

  /** The agent's team when the call was uploaded, so team reports don't shift when agents move. */
  @Column({ name: 'team_id', type: 'uuid', nullable: true }) teamId: string | null;

  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt: Date;

  @Column({ type: 'enum', enum: CallDirection, enumName: 'call_direction' }) direction: CallDirection;

  @Column({ name: 'channel_layout', type: 'enum', enum: ChannelLayout, enumName: 'channel_layout' }) channelLayout: ChannelLayout;

  @Column({ type: 'text', nullable: true }) queue: string | null;

  @Column({ name: 'customer_number', type: 'text', nullable: true }) customerNumber: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) tags: Record<string, string>;

  @Column({ length: 64 }) sha256: string;

  @Column({ name: 'storage_key' }) storageKey: string;

  @Column({ name: 'size_bytes', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  sizeBytes: number;

  @Column() container: string;
  @Column() codec: string;
  @Column({ name: 'duration_ms', type: 'integer' }) durationMs: number;
  @Column({ type: 'smallint' }) channels: number;
  @Column({ name: 'sample_rate', type: 'integer' }) sampleRate: number;

  @Column({ type: 'enum', enum: RecordingStatus, enumName: 'recording_status', default: RecordingStatus.Received })
  status: RecordingStatus;

  @Column({ name: 'failure_reason', type: 'text', nullable: true }) failureReason: string | null;

  /** The copy with redacted spans muted, which everyone but admins hears. */
  @Column({ name: 'redacted_storage_key', type: 'text', nullable: true }) redactedStorageKey: string | null;

  /** The current auto-score, kept beside the call so sampling reads one row per call. */
  @Column({ name: 'auto_score_percent', type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: NUMERIC_AS_NUMBER }) autoScorePercent:
    number | null;
  @Column({ name: 'auto_critical_failed', type: 'boolean', nullable: true }) autoCriticalFailed: boolean | null;

  @Column({ name: 'scoring_runs', type: 'integer', default: 0 }) scoringRuns: number;

  @Column({ name: 'transcription_retries', type: 'integer', default: 0 }) transcriptionRetries: number;

  @Column({ name: 'uploaded_by_user_id', type: 'uuid', nullable: true }) uploadedByUserId: string | null;
  @Column({ name: 'uploaded_by_api_key_id', type: 'uuid', nullable: true }) uploadedByApiKeyId: string | null;

  /** On legal hold: nothing of it is purged or erased until the hold is cleared. */
  @Column({ name: 'legal_hold', default: false }) legalHold: boolean;
  @Column({ name: 'legal_hold_reason', type: 'text', nullable: true }) legalHoldReason: string | null;

  /** When retention or an erasure deleted each kind; the row itself stays as a tombstone. */
  @Column({ name: 'audio_purged_at', type: 'timestamptz', nullable: true }) audioPurgedAt: Date | null;
  @Column({ name: 'transcript_purged_at', type: 'timestamptz', nullable: true }) transcriptPurgedAt: Date | null;
  @Column({ name: 'scores_purged_at', type: 'timestamptz', nullable: true }) scoresPurgedAt: Date | null;
  /** The customer's data was erased on request: no audio, transcript, scores, customer number or tags remain. */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true }) erasedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
