import { DomainError, ErrorCode } from '@callgrade/http';
import { ReviewRuleError, ReviewRuleErrorCode } from '@callgrade/review-rules';
import { issuesToErrors } from '@callgrade/scorecards';

/** Runs a review rule and turns its refusal into the HTTP-facing error: 409 for state, 422 for input. */
export function underReviewRules<T>(rule: () => T): T {
  try {
    return rule();
  } catch (e) {
    throw toDomainError(e);
  }
}

export function toDomainError(e: unknown): unknown {
  if (!(e instanceof ReviewRuleError)) return e;
  switch (e.code) {
    case ReviewRuleErrorCode.IllegalTransition:
    case ReviewRuleErrorCode.DisputeWindowClosed:
      return new DomainError(ErrorCode.Conflict, e.message);
    case ReviewRuleErrorCode.InvalidAnswers:
    case ReviewRuleErrorCode.InvalidPeriod:
      return DomainError.validation(e.issues.length > 0 ? issuesToErrors(e.issues, '') : { request: e.message }, e.message);
  }
}
