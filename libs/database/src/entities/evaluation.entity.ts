import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { EvaluationState } from '@callgrade/contracts';
import { NUMERIC_AS_NUMBER } from './numeric.transformer';

export { EvaluationState };

/** What a reviewer has entered but not submitted. */
export interface EvaluationDraft {
  answers?: Record<string, object>;
  overrideReasons?: Record<string, string>;
  comments?: object[];
  summary?: string;
}

/**
 * A reviewer's evaluation of one call. The scores live in append-only revisions; the row carries the
 * current revision's total and the state of the feedback loop.
 */
@Entity('evaluations')
export class EvaluationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'assignment_id', type: 'uuid', nullable: true }) assignmentId: string | null;
  @Column({ name: 'recording_id', type: 'uuid' }) recordingId: string;
  @Column({ name: 'agent_id', type: 'uuid' }) agentId: string;
  @Column({ name: 'reviewer_id', type: 'uuid' }) reviewerId: string;
  @Column({ name: 'scorecard_version_id', type: 'uuid' }) scorecardVersionId: string;
  @Column({ name: 'auto_score_id', type: 'uuid', nullable: true }) autoScoreId: string | null;
  @Column({ type: 'enum', enum: EvaluationState, enumName: 'evaluation_state', default: EvaluationState.Draft }) state: EvaluationState;
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) draft: EvaluationDraft;
  /** The current revision; 0 while a draft. */
  @Column({ type: 'integer', default: 0 }) revision: number;
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: NUMERIC_AS_NUMBER }) percent: number | null;
  @Column({ name: 'critical_failed', type: 'boolean', nullable: true }) criticalFailed: boolean | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'dispute_deadline', type: 'timestamptz', nullable: true }) disputeDeadline: Date | null;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** One scored version of an evaluation: the submission, then one per amendment. Append-only. */
@Entity('evaluation_revisions')
export class EvaluationRevisionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'evaluation_id', type: 'uuid' }) evaluationId: string;
  @Column({ type: 'integer' }) revision: number;
  @Column({ type: 'jsonb' }) answers: Record<string, object>;
  /** Auto results the reviewer changed: criterion, auto answer, human answer, reason. */
  @Column({ type: 'jsonb' }) overrides: object[];
  /** Comments anchored to a time in the call (`atMs`), optionally to a criterion. */
  @Column({ type: 'jsonb' }) comments: object[];
  /** The reviewer's overall feedback to the agent. */
  @Column({ type: 'text', nullable: true }) summary: string | null;
  @Column({ type: 'jsonb' }) breakdown: object;
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: NUMERIC_AS_NUMBER }) percent: number | null;
  @Column({ name: 'critical_failed' }) criticalFailed: boolean;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  /** Why an amendment was made; null for the first submission. */
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

export type EvaluationEventType = 'created' | 'submitted' | 'acknowledged' | 'disputed' | 'dispute_upheld' | 'amended' | 'reassigned';

/** The visible history of an evaluation: who did what, when and why. Append-only. */
@Entity('evaluation_events')
export class EvaluationEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'evaluation_id', type: 'uuid' }) evaluationId: string;
  @Column({ type: 'text' }) type: EvaluationEventType;
  @Column({ name: 'actor_id', type: 'uuid' }) actorId: string;
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) detail: object;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}

/** Whether a reviewer agreed with an automatic result, per criterion and revision. Append-only. */
@Entity('auto_agreements')
export class AutoAgreementEntity {
  @PrimaryColumn({ name: 'evaluation_id', type: 'uuid' }) evaluationId: string;
  @PrimaryColumn({ type: 'integer' }) revision: number;
  @PrimaryColumn({ name: 'criterion_id', type: 'text' }) criterionId: string;
  @Column({ name: 'recording_id', type: 'uuid' }) recordingId: string;
  @Column({ name: 'auto_answer', type: 'jsonb' }) autoAnswer: object;
  @Column({ name: 'human_answer', type: 'jsonb' }) humanAnswer: object;
  @Column() agreed: boolean;
  @Column({ name: 'evaluated_at', type: 'timestamptz' }) evaluatedAt: Date;
}

export type DisputeStatus = 'open' | 'upheld' | 'amended';

/** An agent's challenge of an evaluation, and how it was resolved. */
@Entity('evaluation_disputes')
export class EvaluationDisputeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'evaluation_id', type: 'uuid' }) evaluationId: string;
  @Column({ name: 'raised_by', type: 'uuid' }) raisedBy: string;
  @Column({ type: 'text', array: true }) criteria: string[];
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'text', default: 'open' }) status: DisputeStatus;
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId: string | null;
  @Column({ name: 'resolved_by', type: 'uuid', nullable: true }) resolvedBy: string | null;
  @Column({ name: 'resolution_note', type: 'text', nullable: true }) resolutionNote: string | null;
  @Column({ name: 'amended_revision', type: 'integer', nullable: true }) amendedRevision: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
}
