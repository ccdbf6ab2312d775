/** A point in time as a Date or epoch milliseconds. */
export type Timestamp = Date | number;

export interface CandidateCall {
  id: string;
  agentId: string;
  startedAt: Timestamp;
  durationSec: number;
  autoScore?: number | null;
  criticalAutoFailure?: boolean;
  hasComplaint?: boolean;
  csat?: number | null;
}

interface RuleCommon {
  /** Stable id shown to agents as the reason, e.g. "low-auto-score". Unique within a plan. */
  id: string;
  /** Most calls this rule may add per agent, on top of the random quota. No limit when absent. */
  maxPerAgent?: number;
}

/** Matches calls whose auto score is strictly below the threshold; lowest scores are taken first. */
export interface AutoScoreBelowRule extends RuleCommon {
  kind: 'auto_score_below';
  threshold: number;
}

export interface CriticalAutoFailureRule extends RuleCommon {
  kind: 'critical_auto_failure';
}

export interface LinkedComplaintRule extends RuleCommon {
  kind: 'linked_complaint';
}

/** Matches calls whose CSAT is at or below the threshold (threshold 2 on a 1-5 scale takes 1s and 2s); lowest first. */
export interface LowCsatRule extends RuleCommon {
  kind: 'low_csat';
  threshold: number;
}

/**
 * Matches calls lasting at least `minDurationSec`, or, with `percentileOfAgent`, calls longer than that
 * percentile (nearest rank) of the same agent's eligible calls in the period. Longest first.
 */
export type LongCallRule = RuleCommon & { kind: 'long_call' } & (
    { minDurationSec: number; percentileOfAgent?: never } | { percentileOfAgent: number; minDurationSec?: never }
  );

export type TargetedRule = AutoScoreBelowRule | CriticalAutoFailureRule | LinkedComplaintRule | LowCsatRule | LongCallRule;
export type TargetedRuleKind = TargetedRule['kind'];

export interface SamplingPlan {
  seed: string | number;
  periodStart: Timestamp;
  /** Exclusive. */
  periodEnd: Timestamp;
  /** Calls picked at random per agent, one per time stratum. */
  quotaPerAgent: number;
  minDurationSec?: number;
  excludeAgentIds?: readonly string[];
  /** Typically calls already evaluated. */
  excludeCallIds?: readonly string[];
  /** Applied in order after the random picks; earlier rules win when a call matches several. */
  targetedRules: readonly TargetedRule[];
}

export type RuleMatch =
  | { ruleId: string; ruleKind: 'auto_score_below'; detail: { autoScore: number; threshold: number } }
  | { ruleId: string; ruleKind: 'critical_auto_failure'; detail: Record<string, never> }
  | { ruleId: string; ruleKind: 'linked_complaint'; detail: Record<string, never> }
  | { ruleId: string; ruleKind: 'low_csat'; detail: { csat: number; threshold: number } }
  | {
      ruleId: string;
      ruleKind: 'long_call';
      detail:
        | { durationSec: number; minDurationSec: number }
        | { durationSec: number; percentileOfAgent: number; agentPercentileSec: number; agentEligibleCalls: number };
    };

export interface RandomPickReason {
  kind: 'random';
  /** 0-based index of the time stratum the call falls in. */
  stratum: number;
  strata: number;
  /** Bounds of that stratum in epoch milliseconds, end exclusive. */
  stratumStart: number;
  stratumEnd: number;
  /** Set when the agent had no eligible call in this (empty) stratum, so one was drawn from the nearest one. */
  filledForStratum?: number;
}

export type PickReason = RandomPickReason | ({ kind: 'rule' } & RuleMatch);

export interface ReviewPick {
  callId: string;
  agentId: string;
  /** Epoch milliseconds. */
  startedAt: number;
  /** The first reason the call was picked for: the random quota comes first, then rules in plan order. */
  reason: PickReason;
  /** Other rules the call matches, in plan order. */
  alsoMatched: RuleMatch[];
}

export interface AgentSampleSummary {
  agentId: string;
  eligible: number;
  pickedRandom: number;
  pickedByRules: number;
  /** How far the random picks fall short of the quota because the agent had too few eligible calls. */
  shortfall: number;
}

/** Each excluded call is counted once, under the first reason in this order. */
export type ExclusionReason = 'excluded_agent' | 'already_evaluated' | 'invalid' | 'outside_period' | 'too_short';

export interface ReviewSample {
  /** Grouped by agent (ids in code-unit order), each agent's calls in time order. */
  picks: ReviewPick[];
  /** Every agent with a candidate call, except excluded agents, in id order. */
  agents: AgentSampleSummary[];
  exclusions: Record<ExclusionReason, number>;
  candidates: number;
  eligible: number;
}
