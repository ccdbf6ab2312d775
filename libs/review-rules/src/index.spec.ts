import { Criterion, Scorecard } from '@callgrade/scoring';
import {
  allowedActions,
  assertCanDispute,
  assignReviewers,
  calibrationReport,
  disputeDeadline,
  mayReview,
  nextState,
  periodContaining,
  previousPeriod,
  ReviewRuleError,
  ReviewRuleErrorCode,
} from '@callgrade/review-rules';

// One review cycle, through the lib root the way the use cases call it: the period sampled, who reviews
// which call, the evaluation's life, and how far calibrating reviewers agree.

describe('@callgrade/review-rules, through its root', () => {
  it('samples the ISO week or calendar month a date falls in, and the one before it', () => {
    // 2025-03-05 is a Wednesday: its ISO week runs from Monday 3 March to Monday 10 March (exclusive).
    const at = new Date('2025-03-05T12:00:00Z');

    expect(periodContaining('week', at)).toEqual({ start: new Date('2025-03-03T00:00:00Z'), end: new Date('2025-03-10T00:00:00Z') });
    expect(previousPeriod('week', at)).toEqual({ start: new Date('2025-02-24T00:00:00Z'), end: new Date('2025-03-03T00:00:00Z') });
    // February 2025 has 28 days.
    expect(previousPeriod('month', at)).toEqual({ start: new Date('2025-02-01T00:00:00Z'), end: new Date('2025-03-01T00:00:00Z') });
    expect(() => periodContaining('week', new Date('not a date'))).toThrow(ReviewRuleError);
  });

  it('gives each call to the least loaded reviewer who may review it, never the agent or, when asked, their supervisor', () => {
    const supervisors = new Map([['team-1', ['rev-b']]]);
    const options = { teamSupervisors: supervisors, avoidOwnSupervisor: true };
    const picks = [
      { callId: 'call-1', agentId: 'agent-1', agentTeamId: 'team-1' },
      { callId: 'call-2', agentId: 'agent-2', agentTeamId: null },
      { callId: 'call-3', agentId: 'agent-2', agentTeamId: null },
      { callId: 'call-4', agentId: 'rev-c', agentTeamId: null },
    ];
    // rev-a starts with 1 open, rev-b with 0, rev-c with 2.
    // call-1: rev-b supervises team-1, so rev-a (1 → 2). call-2: rev-b (0 → 1). call-3: rev-b (1 → 2).
    // call-4: rev-c is the agent; rev-a and rev-b tie at 2, the lower id wins: rev-a (2 → 3).
    const sut = assignReviewers(
      picks,
      [
        { reviewerId: 'rev-b', openAssignments: 0 },
        { reviewerId: 'rev-a', openAssignments: 1 },
        { reviewerId: 'rev-c', openAssignments: 2 },
      ],
      options,
    );

    expect(sut.assignments).toEqual([
      { callId: 'call-1', reviewerId: 'rev-a' },
      { callId: 'call-2', reviewerId: 'rev-b' },
      { callId: 'call-3', reviewerId: 'rev-b' },
      { callId: 'call-4', reviewerId: 'rev-a' },
    ]);
    expect(sut.loads).toEqual([
      { reviewerId: 'rev-a', openAssignments: 3 },
      { reviewerId: 'rev-b', openAssignments: 2 },
      { reviewerId: 'rev-c', openAssignments: 2 },
    ]);
    expect(assignReviewers([picks[0]], [{ reviewerId: 'agent-1', openAssignments: 0 }]).unassigned).toEqual([
      { callId: 'call-1', reason: 'no_eligible_reviewer' },
    ]);
    expect(mayReview('rev-b', picks[0], options)).toBe(false);
    expect(mayReview('rev-b', picks[0])).toBe(true);
  });

  it('moves an evaluation through draft, submitted, disputed, resolved and acknowledged, and refuses any other move', () => {
    expect(nextState('draft', 'save_draft')).toBe('draft');
    expect(nextState('draft', 'submit')).toBe('submitted');
    expect(nextState('submitted', 'dispute')).toBe('disputed');
    expect(nextState('disputed', 'resolve')).toBe('resolved');
    expect(nextState('resolved', 'acknowledge')).toBe('acknowledged');
    expect(allowedActions('acknowledged')).toEqual([]);
    expect(() => nextState('draft', 'acknowledge')).toThrow(
      expect.objectContaining({
        code: ReviewRuleErrorCode.IllegalTransition,
        message: 'cannot acknowledge an evaluation that is draft; allowed: save_draft, submit',
      }),
    );
  });

  it('closes the dispute window exactly the configured hours after publication', () => {
    // 168 hours = 7 days: published Monday 3 March 09:00, the window closes Monday 10 March 09:00.
    const deadline = disputeDeadline(new Date('2025-03-03T09:00:00Z'), 168);

    expect(deadline).toEqual(new Date('2025-03-10T09:00:00Z'));
    expect(() => assertCanDispute(new Date('2025-03-10T08:59:59.999Z'), deadline)).not.toThrow();
    expect(() => assertCanDispute(deadline, deadline)).toThrow(expect.objectContaining({ code: ReviewRuleErrorCode.DisputeWindowClosed }));
  });

  it('measures how calibrating reviewers agree with each other and with the lead', () => {
    const criterion = (id: string, extra: Partial<Criterion>): Criterion => ({
      id,
      title: id,
      weight: 1,
      mode: 'manual',
      answerType: { kind: 'yes_no' },
      allowNa: false,
      critical: false,
      ...extra,
    });
    const scorecard: Scorecard = {
      id: 'calibration',
      version: 1,
      title: 'Calibration',
      criticalFailurePolicy: 'zero_total',
      sections: [{ id: 'all', title: 'All', weight: 1, criteria: [criterion('greets', {}), criterion('tone', { answerType: { kind: 'scale', max: 4 } })] }],
    };
    // rev-1: greets yes, tone 4/4 → (1 + 1) / 2 = 100 %. rev-2: greets yes, tone 2/4 → (1 + 0.5) / 2 = 75 %.
    // The lead: greets yes, tone 4/4 → 100 %. So rev-1 deviates by 0 points, rev-2 by 25, on one of two criteria.
    const sut = calibrationReport(scorecard, [
      {
        recordingId: 'rec-1',
        responses: [
          { reviewerId: 'rev-2', answers: { greets: { kind: 'yes' }, tone: { kind: 'scale', value: 2 } } },
          { reviewerId: 'rev-1', answers: { greets: { kind: 'yes' }, tone: { kind: 'scale', value: 4 } } },
        ],
        reference: { greets: { kind: 'yes' }, tone: { kind: 'scale', value: 4 } },
      },
    ]);

    expect(sut).toMatchObject({ reviewers: 2, recordings: 1 });
    // One pair of reviewers: they agree on greets (1 of 1 pairs) and not on tone (0 of 1); against the lead,
    // both match on greets (2 of 2) and one of two on tone.
    expect(sut.criteria.map((c) => [c.criterionId, c.agreement, c.ratings, c.referenceMatch])).toEqual([
      ['greets', 1, 2, 1],
      ['tone', 0, 2, 0.5],
    ]);
    expect(sut.totals).toMatchObject([
      {
        recordingId: 'rec-1',
        reference: 100,
        byReviewer: [
          { reviewerId: 'rev-1', percent: 100 },
          { reviewerId: 'rev-2', percent: 75 },
        ],
      },
    ]);
    expect(sut.reviewerDeviations).toEqual([
      { reviewerId: 'rev-1', meanAbsoluteDeviation: 0, criteriaDiffering: 0, criteriaCompared: 2 },
      { reviewerId: 'rev-2', meanAbsoluteDeviation: 25, criteriaDiffering: 1, criteriaCompared: 2 },
    ]);
  });
});
