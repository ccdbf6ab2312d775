import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Days to keep audio, transcripts and auto-scores after the call (null: for ever). Append-only: the highest version is current. */
@Entity('retention_settings_versions')
export class RetentionSettingsVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'integer', unique: true }) version: number;
  @Column({ name: 'audio_days', type: 'integer', nullable: true }) audioDays: number | null;
  @Column({ name: 'transcript_days', type: 'integer', nullable: true }) transcriptDays: number | null;
  @Column({ name: 'score_days', type: 'integer', nullable: true }) scoreDays: number | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

export type PurgeCause = 'retention' | 'erasure';
export type PurgedKind = 'audio' | 'redacted_audio' | 'transcript' | 'scores' | 'personal_data';

/** One thing deleted from one recording, and why. Append-only (the database refuses changes). */
@Entity('purge_log')
export class PurgeLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
  @Column({ name: 'run_id', type: 'uuid' }) runId: string;
  @Column({ type: 'text' }) cause: PurgeCause;
  @Column({ name: 'recording_id', type: 'uuid' }) recordingId: string;
  @Column({ type: 'text' }) kind: PurgedKind;
  @Column({ name: 'storage_key', type: 'text', nullable: true }) storageKey: string | null;
  @Column({ type: 'bigint', nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  bytes: number | null;
  /** Why a blob was kept (another live recording has the same bytes), in words. */
  @Column({ type: 'text', nullable: true }) note: string | null;
}

/** One customer's erasure: who asked, when, a hash of the number (never the number), and the report. Append-only. */
@Entity('erasures')
export class ErasureEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'requested_by', type: 'uuid' }) requestedBy: string;
  @CreateDateColumn({ name: 'requested_at', type: 'timestamptz' }) requestedAt: Date;
  @Column({ name: 'customer_number_sha256', type: 'char', length: 64 }) customerNumberSha256: string;
  @Column({ type: 'jsonb' }) report: object;
}
