import type { ValidationIssue } from '@callgrade/scoring';

export enum ReviewRuleErrorCode {
  IllegalTransition = 'illegal_transition',
  DisputeWindowClosed = 'dispute_window_closed',
  InvalidAnswers = 'invalid_answers',
  InvalidPeriod = 'invalid_period',
}

export class ReviewRuleError extends Error {
  constructor(
    readonly code: ReviewRuleErrorCode,
    message: string,
    readonly issues: ValidationIssue[] = [],
  ) {
    super(message);
    this.name = 'ReviewRuleError';
  }
}
