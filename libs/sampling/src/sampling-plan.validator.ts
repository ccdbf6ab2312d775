import type { SamplingPlan, TargetedRule } from './review-sample.types';
import { SamplingError, SamplingErrorCode } from './sampling.error';
import { toEpochMs } from './timestamp';

/** Which rules a call matches is kept as one bit per rule in a 32-bit mask. */
export const MAX_TARGETED_RULES = 32;

/** Throws a SamplingError naming the first problem with the plan. */
export function validateSamplingPlan(plan: SamplingPlan): void {
  const start = toEpochMs(plan.periodStart);
  const end = toEpochMs(plan.periodEnd);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) {
    throw new SamplingError(SamplingErrorCode.InvalidPeriod, `the period must end after it starts (${start} .. ${end})`);
  }
  if (!Number.isInteger(plan.quotaPerAgent) || plan.quotaPerAgent < 0) {
    throw new SamplingError(SamplingErrorCode.InvalidQuota, `quotaPerAgent must be a non-negative integer, got ${plan.quotaPerAgent}`);
  }
  if (plan.minDurationSec !== undefined && !isNonNegative(plan.minDurationSec)) {
    throw new SamplingError(SamplingErrorCode.InvalidMinDuration, `minDurationSec must be a non-negative number, got ${plan.minDurationSec}`);
  }
  if (plan.targetedRules.length > MAX_TARGETED_RULES) {
    throw new SamplingError(SamplingErrorCode.InvalidRule, `a plan can have at most ${MAX_TARGETED_RULES} targeted rules`);
  }
  const ruleIds = new Set<string>();
  for (const rule of plan.targetedRules) {
    validateRule(rule);
    if (ruleIds.has(rule.id)) throw new SamplingError(SamplingErrorCode.DuplicateRuleId, `rule id "${rule.id}" is used twice`);
    ruleIds.add(rule.id);
  }
}

function validateRule(rule: TargetedRule): void {
  const invalid = (problem: string) => new SamplingError(SamplingErrorCode.InvalidRule, `rule "${rule.id}" (${rule.kind}): ${problem}`);
  if (typeof rule.id !== 'string' || rule.id === '') throw invalid('needs a non-empty id');
  if (rule.maxPerAgent !== undefined && (!Number.isInteger(rule.maxPerAgent) || rule.maxPerAgent < 0)) {
    throw invalid(`maxPerAgent must be a non-negative integer, got ${rule.maxPerAgent}`);
  }
  switch (rule.kind) {
    case 'auto_score_below':
    case 'low_csat':
      if (!Number.isFinite(rule.threshold)) throw invalid(`threshold must be a finite number, got ${rule.threshold}`);
      return;
    case 'critical_auto_failure':
    case 'linked_complaint':
      return;
    case 'long_call': {
      const { minDurationSec, percentileOfAgent } = rule;
      if ((minDurationSec === undefined) === (percentileOfAgent === undefined)) {
        throw invalid('needs exactly one of minDurationSec or percentileOfAgent');
      }
      if (minDurationSec !== undefined && !isNonNegative(minDurationSec)) {
        throw invalid(`minDurationSec must be a non-negative number, got ${minDurationSec}`);
      }
      if (percentileOfAgent !== undefined && !(percentileOfAgent > 0 && percentileOfAgent < 100)) {
        throw invalid(`percentileOfAgent must be between 0 and 100 (exclusive), got ${percentileOfAgent}`);
      }
      return;
    }
    default:
      throw invalid('unknown kind');
  }
}

function isNonNegative(value: number | undefined): boolean {
  return value !== undefined && Number.isFinite(value) && value >= 0;
}
