import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum SamplingPeriodKind {
  Day = 'day',
  Week = 'week',
  Month = 'month',
}

/** What to review each period: a random quota per agent plus targeted rules, and who reviews. */
@Entity('sampling_plans')
export class SamplingPlanEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ unique: true }) name: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'enum', enum: SamplingPeriodKind, enumName: 'sampling_period' }) period: SamplingPeriodKind;
  @Column({ name: 'quota_per_agent', type: 'integer' }) quotaPerAgent: number;
  @Column({ name: 'min_duration_sec', type: 'integer', default: 0 }) minDurationSec: number;
  /** Agents of these teams (the team a call was made in); empty means every agent. */
  @Column({ name: 'team_ids', type: 'uuid', array: true, default: () => "'{}'" }) teamIds: string[];
  /** The sampling lib's `TargetedRule`s, in priority order. */
  @Column({ name: 'targeted_rules', type: 'jsonb', default: () => "'[]'::jsonb" }) targetedRules: object[];
  @Column({ name: 'reviewer_ids', type: 'uuid', array: true, default: () => "'{}'" }) reviewerIds: string[];
  /** Never assign a call to a supervisor of the agent's own team. */
  @Column({ name: 'avoid_own_supervisor', default: true }) avoidOwnSupervisor: boolean;
  /** Run automatically for each completed period. */
  @Column({ name: 'schedule_enabled', default: false }) scheduleEnabled: boolean;
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true }) archivedAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

export type SamplingRunTrigger = 'manual' | 'schedule';

/** One draw of a plan over one period: reproducible from `seed` and `planSnapshot`. */
@Entity('sampling_runs')
export class SamplingRunEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  @Column({ type: 'text' }) trigger: SamplingRunTrigger;
  @Column({ type: 'text' }) seed: string;
  @Column({ name: 'period_start', type: 'timestamptz' }) periodStart: Date;
  @Column({ name: 'period_end', type: 'timestamptz' }) periodEnd: Date;
  @Column({ name: 'plan_snapshot', type: 'jsonb' }) planSnapshot: object;
  @Column({ name: 'requested_by', type: 'uuid', nullable: true }) requestedBy: string | null;
  @Column({ type: 'integer' }) candidates: number;
  @Column({ type: 'integer' }) eligible: number;
  @Column({ type: 'integer' }) picked: number;
  @Column({ type: 'integer' }) unassigned: number;
  @Column({ type: 'jsonb' }) exclusions: Record<string, number>;
  /** Per agent: eligible calls, random and rule picks, shortfall against the quota. */
  @Column({ type: 'jsonb' }) agents: object[];
  @Column({ name: 'duration_ms', type: 'integer' }) durationMs: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
