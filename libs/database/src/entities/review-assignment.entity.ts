import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum AssignmentStatus {
  Open = 'open',
  InProgress = 'in_progress',
  Completed = 'completed',
  Cancelled = 'cancelled',
}

/** A call a reviewer is to evaluate, with the reason it was picked. At most one live assignment per call. */
@Entity('review_assignments')
export class ReviewAssignmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'recording_id', type: 'uuid' }) recordingId: string;
  @Column({ name: 'agent_id', type: 'uuid' }) agentId: string;
  /** Null when no reviewer of the plan could take it. */
  @Column({ name: 'reviewer_id', type: 'uuid', nullable: true }) reviewerId: string | null;
  @Column({ name: 'plan_id', type: 'uuid', nullable: true }) planId: string | null;
  @Column({ name: 'run_id', type: 'uuid', nullable: true }) runId: string | null;
  /** The sampling lib's `PickReason`, or `{ kind: 'manual', note }`. */
  @Column({ type: 'jsonb' }) reason: object;
  @Column({ name: 'also_matched', type: 'jsonb', default: () => "'[]'::jsonb" }) alsoMatched: object[];
  @Column({ type: 'enum', enum: AssignmentStatus, enumName: 'assignment_status', default: AssignmentStatus.Open }) status: AssignmentStatus;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
