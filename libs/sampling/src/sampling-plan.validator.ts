import type { SamplingPlan, TargetedRule } from './review-sample.types';
import type { Issue } from '@callgrade/errors';
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
  const [first, ...rest] = targetedRuleIssues(rule);
  if (first) {
    const issues = [first, ...rest];
    const describe = (issue: Issue) => (issue.field ? `${issue.field} ${issue.problem}` : issue.problem);
    throw new SamplingError(SamplingErrorCode.InvalidRule, `rule "${rule.id}" (${rule.kind}): ${describe(first)}`, issues);
  }
}

/** What is wrong with one targeted rule, by field of the rule (`''` for the rule as a whole); empty when it is valid. */
export function targetedRuleIssues(rule: TargetedRule): Issue[] {
  const issues: Issue[] = [];
  const problem = (field: string, text: string) => issues.push({ field, problem: text });
  if (typeof rule.id !== 'string' || rule.id === '') problem('id', 'must be a non-empty string');
  if (rule.maxPerAgent !== undefined && (!Number.isInteger(rule.maxPerAgent) || rule.maxPerAgent < 0)) {
    problem('maxPerAgent', `must be a non-negative integer, got ${rule.maxPerAgent}`);
  }
  switch (rule.kind) {
    case 'auto_score_below':
    case 'low_csat':
      if (!Number.isFinite(rule.threshold)) problem('threshold', `must be a finite number, got ${rule.threshold}`);
      break;
    case 'critical_auto_failure':
    case 'linked_complaint':
      break;
    case 'long_call': {
      const { minDurationSec, percentileOfAgent } = rule;
      if ((minDurationSec === undefined) === (percentileOfAgent === undefined)) problem('', 'needs exactly one of minDurationSec or percentileOfAgent');
      if (minDurationSec !== undefined && !isNonNegative(minDurationSec)) problem('minDurationSec', `must be a non-negative number, got ${minDurationSec}`);
      if (percentileOfAgent !== undefined && !(percentileOfAgent > 0 && percentileOfAgent < 100)) {
        problem('percentileOfAgent', `must be between 0 and 100 (exclusive), got ${percentileOfAgent}`);
      }
      break;
    }
    default:
      problem('kind', 'is not a known kind of rule');
  }
  return issues;
}

function isNonNegative(value: number | undefined): boolean {
  return value !== undefined && Number.isFinite(value) && value >= 0;
}
