export { ReviewRuleError, ReviewRuleErrorCode } from './review-rules.error';

export { periodContaining, previousPeriod } from './sampling-period';
export type { PeriodBounds, SamplingPeriod } from './sampling-period';

export { assignReviewers, mayReview } from './reviewer-balancer';
export type { BalanceOptions, PickToAssign, ReviewerAssignment, ReviewerBalance, ReviewerLoad, UnassignedPick } from './reviewer-balancer';

export { allowedActions, assertCanDispute, disputeDeadline, nextState } from './evaluation-lifecycle';
export type { EvaluationAction, EvaluationState } from './evaluation-lifecycle';

export { prepareReviewerAnswers } from './reviewer-answers';
export type { AutoAgreement, AutoAnswer, AutoOverride, PreparedAnswers, ReviewerInput } from './reviewer-answers';
export { answersEqual } from './answers-equal';
export { answerFraction } from './answer-fraction';

export { MAX_COMMENT_LENGTH, validateTimeComments } from './time-comments';
export type { TimeComment } from './time-comments';

export { calibrationReport } from './calibration-report';
export type { CalibrationItem, CalibrationReport, CalibrationResponse, CriterionCalibration, RecordingTotals, ReviewerDeviation } from './calibration-report';

export { agentScoreStatistics } from './agent-score-statistics';
export type { AgentScoreStatistics, AgentScoreStatisticsOptions } from './agent-score-statistics';
