export { selectReviewSample } from './select-review-sample';
export { describeAssignmentReason } from './pick-reason.text';
export { SamplingError, SamplingErrorCode } from './sampling.error';
export { targetedRuleIssues } from './sampling-plan.validator';
export type {
  AgentSampleSummary,
  AutoScoreBelowRule,
  CandidateCall,
  CriticalAutoFailureRule,
  ExclusionReason,
  LinkedComplaintRule,
  LongCallRule,
  LowCsatRule,
  PickReason,
  RandomPickReason,
  ReviewPick,
  ReviewSample,
  RuleMatch,
  SamplingPlan,
  TargetedRule,
  TargetedRuleKind,
  Timestamp,
} from './review-sample.types';
