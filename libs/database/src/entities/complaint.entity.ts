import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ComplaintChannel = 'phone' | 'email' | 'web' | 'survey' | 'other';
export const COMPLAINT_CHANNELS: readonly ComplaintChannel[] = ['phone', 'email', 'web', 'survey', 'other'];

/**
 * A customer complaint about a call or an agent, handled as a case: triaged, investigated, escalated,
 * resolved with an outcome. Its state is written only through the complaint lifecycle
 * (`@callgrade/complaint-rules`); `version` grows with every change. The targeted sampling rule
 * `linked_complaint` reads it.
 */
@Entity('complaints')
export class ComplaintEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'recording_id', type: 'uuid', nullable: true }) recordingId: string | null;
  @Column({ name: 'agent_id', type: 'uuid' }) agentId: string;
  /** The agent's team when the complaint was logged. */
  @Column({ name: 'team_id', type: 'uuid', nullable: true }) teamId: string | null;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'external_id', type: 'text', nullable: true }) externalId: string | null;
  /** The user or API key that logged it: external ids are unique per client. */
  @Column({ name: 'client_id', type: 'uuid', nullable: true }) clientId: string | null;
  @Column({ name: 'request_hash', type: 'text', nullable: true, select: false }) requestHash: string | null;
  @Column({ type: 'text', default: 'other' }) channel: ComplaintChannel;
  /** As the customer gave it; shown in full only to the dispute team and admins. */
  @Column({ name: 'customer_reference', type: 'text', nullable: true }) customerReference: string | null;
  @Column({ name: 'category_id', type: 'uuid', nullable: true }) categoryId: string | null;
  @Column({ type: 'text', default: 'medium' }) severity: 'low' | 'medium' | 'high' | 'critical';
  @Column({ type: 'text', default: 'new' }) state: 'new' | 'triaged' | 'investigating' | 'escalated' | 'resolved' | 'closed' | 'reopened';
  @Column({ type: 'integer', default: 1 }) version: number;
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_by_api_key', type: 'uuid', nullable: true }) createdByApiKey: string | null;
  @Column({ name: 'first_response_due_at', type: 'timestamptz', nullable: true }) firstResponseDueAt: Date | null;
  @Column({ name: 'resolution_due_at', type: 'timestamptz', nullable: true }) resolutionDueAt: Date | null;
  @Column({ name: 'first_responded_at', type: 'timestamptz', nullable: true }) firstRespondedAt: Date | null;
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true }) escalatedAt: Date | null;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'first_response_breached_at', type: 'timestamptz', nullable: true }) firstResponseBreachedAt: Date | null;
  @Column({ name: 'resolution_breached_at', type: 'timestamptz', nullable: true }) resolutionBreachedAt: Date | null;
  @Column({ type: 'text', nullable: true }) outcome: 'upheld' | 'partly_upheld' | 'not_upheld' | null;
  @Column({ type: 'text', nullable: true }) remedy: string | null;
  /** What the customer was told when it was resolved. */
  @Column({ name: 'customer_told', type: 'text', nullable: true }) customerTold: string | null;
  /** The agent's own account of the call, given while it was investigated. */
  @Column({ name: 'agent_account', type: 'text', nullable: true }) agentAccount: string | null;
  @Column({ name: 'agent_account_at', type: 'timestamptz', nullable: true }) agentAccountAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** An admin-configured complaint category, labelled in English and Chinese. */
@Entity('complaint_categories')
export class ComplaintCategoryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) key: string;
  @Column({ name: 'label_en', type: 'text' }) labelEn: string;
  @Column({ name: 'label_zh', type: 'text' }) labelZh: string;
  @Column({ default: true }) active: boolean;
  @Column({ type: 'integer', default: 0 }) position: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

export type ComplaintEventType = 'created' | 'moved' | 'updated' | 'agent_account' | 'breached' | 'assigned';

/** One change to a complaint: who, when, from and to which state, the fields changed, a note. Append-only. */
@Entity('complaint_events')
export class ComplaintEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'complaint_id', type: 'uuid' }) complaintId: string;
  @Column({ type: 'text' }) type: ComplaintEventType;
  @Column({ name: 'actor_type', type: 'text' }) actorType: 'user' | 'api_key' | 'system';
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'from_state', type: 'text', nullable: true }) fromState: string | null;
  @Column({ name: 'to_state', type: 'text', nullable: true }) toState: string | null;
  /** Field name to `{from, to}`. */
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) changes: Record<string, { from: unknown; to: unknown }>;
  @Column({ type: 'text', nullable: true }) note: string | null;
  /** The complaint's version after this change. */
  @Column({ type: 'integer' }) version: number;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}

/** The company's complaint settings, validated by `complaintSettingsIssues`; a single row, defaults until saved. */
@Entity('complaint_settings')
export class ComplaintSettingsEntity {
  @PrimaryColumn({ type: 'smallint' }) id: number;
  @Column({ type: 'jsonb' }) settings: object;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
