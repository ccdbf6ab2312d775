import { assignReviewers, calibrationReport, nextState, periodContaining, ReviewRuleErrorCode } from '@callgrade/review-rules';

describe('@callgrade/review-rules', () => {
  it('exposes the review rules through the lib root', () => {
    expect(nextState('draft', 'submit')).toBe('submitted');
    expect(periodContaining('day', new Date('2025-03-05T12:00:00Z')).start.toISOString()).toBe('2025-03-05T00:00:00.000Z');
    expect(assignReviewers([], []).assignments).toEqual([]);
    expect(typeof calibrationReport).toBe('function');
    expect(ReviewRuleErrorCode.IllegalTransition).toBe('illegal_transition');
  });
});
