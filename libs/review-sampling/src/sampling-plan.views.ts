import { SamplingPeriodKind, SamplingPlanEntity, SamplingRunEntity, SamplingRunTrigger } from '@callgrade/database';
import type { TargetedRule } from '@callgrade/sampling';

export interface SamplingPlanView {
  id: string;
  name: string;
  description: string | null;
  period: SamplingPeriodKind;
  quotaPerAgent: number;
  minDurationSec: number;
  teamIds: string[];
  targetedRules: TargetedRule[];
  reviewerIds: string[];
  avoidOwnSupervisor: boolean;
  scheduleEnabled: boolean;
  archivedAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const toPlanView = (p: SamplingPlanEntity): SamplingPlanView => ({
  id: p.id,
  name: p.name,
  description: p.description,
  period: p.period,
  quotaPerAgent: p.quotaPerAgent,
  minDurationSec: p.minDurationSec,
  teamIds: p.teamIds,
  targetedRules: p.targetedRules as TargetedRule[],
  reviewerIds: p.reviewerIds,
  avoidOwnSupervisor: p.avoidOwnSupervisor,
  scheduleEnabled: p.scheduleEnabled,
  archivedAt: p.archivedAt,
  createdBy: p.createdBy,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});

/** Calls left out of a run, each counted once under the first reason that applies, in this order. */
export interface RunExclusions {
  /** The agent was on leave for the whole period (see agentsOnLeaveThroughout). */
  agent_on_leave: number;
  /** The call has a live review assignment or an evaluation already. */
  already_evaluated: number;
  /** Shorter than the plan's minDurationSec. */
  too_short: number;
  /** Picked, but another run assigned the call first (a concurrent run; the unique index decided). */
  picked_by_another_run: number;
}

export interface AgentRunSummary {
  agentId: string;
  /** The agent's calls in the period (and the plan's teams), before exclusions. */
  candidates: number;
  eligible: number;
  pickedRandom: number;
  pickedByRules: number;
  /** How far the random picks fall short of the quota for want of eligible calls. */
  shortfall: number;
}

export interface ReviewerLoadSummary {
  reviewerId: string;
  /** Assigned by this run. */
  assigned: number;
  /** Open and in-progress assignments after this run. */
  openAfter: number;
}

export interface SamplingRunView {
  id: string;
  planId: string;
  trigger: SamplingRunTrigger;
  seed: string;
  periodStart: Date;
  periodEnd: Date;
  requestedBy: string | null;
  candidates: number;
  eligible: number;
  /** Assignments the run created. */
  picked: number;
  /** Of those, the ones no reviewer of the plan could take (reviewer_id null). */
  unassigned: number;
  exclusions: Partial<RunExclusions>;
  agents: AgentRunSummary[];
  planSnapshot: object;
  durationMs: number;
  createdAt: Date;
}

export interface SamplingRunSummary extends SamplingRunView {
  /** A scheduled run of a plan and period that had run already: nothing was done, this is the earlier run. */
  alreadyRan: boolean;
  pickedRandom: number;
  pickedByRules: number;
  agentsOnLeave: string[];
  reviewers: ReviewerLoadSummary[];
  /** Where the time went, in milliseconds. */
  timings: { loadMs: number; sampleMs: number; assignMs: number; writeMs: number };
}

export const toRunView = (r: SamplingRunEntity): SamplingRunView => ({
  id: r.id,
  planId: r.planId,
  trigger: r.trigger,
  seed: r.seed,
  periodStart: r.periodStart,
  periodEnd: r.periodEnd,
  requestedBy: r.requestedBy,
  candidates: r.candidates,
  eligible: r.eligible,
  picked: r.picked,
  unassigned: r.unassigned,
  exclusions: r.exclusions,
  agents: r.agents as AgentRunSummary[],
  planSnapshot: r.planSnapshot,
  durationMs: r.durationMs,
  createdAt: r.createdAt,
});
