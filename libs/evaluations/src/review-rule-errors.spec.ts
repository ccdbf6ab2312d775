import { DomainError, ErrorCode } from '@callgrade/http';
import { ReviewRuleError, ReviewRuleErrorCode } from '@callgrade/review-rules';
import { toDomainError, underReviewRules } from './review-rule-errors';

describe('review rule errors as HTTP errors', () => {
  it("makes a refused state change a conflict, with the rule's message", () => {
    const sut = toDomainError(new ReviewRuleError(ReviewRuleErrorCode.IllegalTransition, 'cannot acknowledge an evaluation that is draft')) as DomainError;
    expect(sut.code).toBe(ErrorCode.Conflict);
    expect(sut.message).toBe('cannot acknowledge an evaluation that is draft');
  });

  it('makes a closed dispute window a conflict', () => {
    expect((toDomainError(new ReviewRuleError(ReviewRuleErrorCode.DisputeWindowClosed, 'closed')) as DomainError).code).toBe(ErrorCode.Conflict);
  });

  it('names each invalid answer by its path', () => {
    const sut = toDomainError(
      new ReviewRuleError(ReviewRuleErrorCode.InvalidAnswers, 'invalid', [
        { path: 'answers.empathy', message: 'needs an answer' },
        { path: 'overrideReasons.greeting', message: 'a reason is required' },
      ]),
    ) as DomainError;
    expect(sut.code).toBe(ErrorCode.ValidationFailed);
    expect(sut.errors).toEqual({ 'answers.empathy': 'needs an answer', 'overrideReasons.greeting': 'a reason is required' });
  });

  it('passes other errors through untouched', () => {
    const other = new Error('boom');
    expect(toDomainError(other)).toBe(other);
    expect(() =>
      underReviewRules(() => {
        throw other;
      }),
    ).toThrow(other);
    expect(underReviewRules(() => 42)).toBe(42);
  });
});
