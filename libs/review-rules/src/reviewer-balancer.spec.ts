import { aPick } from '../test/review-rules.builders';
import { assignReviewers, mayReview, ReviewerLoad } from './reviewer-balancer';

const sut = assignReviewers;

const reviewers = (...ids: string[]): ReviewerLoad[] => ids.map((reviewerId) => ({ reviewerId, openAssignments: 0 }));
const picksFor = (count: number, agentId = 'agent-a', agentTeamId: string | null = 'team-1') =>
  Array.from({ length: count }, () => aPick({ agentId, agentTeamId }));
const countBy = (ids: string[]) => ids.reduce((counts, id) => counts.set(id, (counts.get(id) ?? 0) + 1), new Map<string, number>());

describe('assignReviewers', () => {
  it('spreads picks so loads differ by at most one when everyone starts equal', () => {
    const result = sut(picksFor(23), reviewers('rev-c', 'rev-a', 'rev-b', 'rev-d'));

    const loads = result.loads.map((load) => load.openAssignments);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(loads.reduce((a, b) => a + b)).toBe(23);
    expect(result.unassigned).toEqual([]);
  });

  it('breaks ties by reviewer id in code-unit order, rotating through the reviewers', () => {
    const picks = picksFor(5);

    const result = sut(picks, reviewers('rev-b', 'Rev-z', 'rev-a'));

    // 'R' (0x52) sorts before 'r' (0x72) in code units, unlike a locale comparison.
    expect(result.assignments.map((assignment) => assignment.reviewerId)).toEqual(['Rev-z', 'rev-a', 'rev-b', 'Rev-z', 'rev-a']);
    expect(result.assignments.map((assignment) => assignment.callId)).toEqual(picks.map((pick) => pick.callId));
  });

  it('gives a reviewer with many open assignments nothing until the others catch up', () => {
    const result = sut(picksFor(21), [
      { reviewerId: 'busy', openAssignments: 10 },
      { reviewerId: 'free-1', openAssignments: 0 },
      { reviewerId: 'free-2', openAssignments: 0 },
    ]);

    const reviewerOrder = result.assignments.map((assignment) => assignment.reviewerId);
    expect(reviewerOrder.slice(0, 20)).not.toContain('busy');
    expect(reviewerOrder[20]).toBe('busy');
    expect(result.loads).toEqual([
      { reviewerId: 'busy', openAssignments: 11 },
      { reviewerId: 'free-1', openAssignments: 10 },
      { reviewerId: 'free-2', openAssignments: 10 },
    ]);
  });

  it('never assigns agents their own calls', () => {
    const picks = [aPick({ agentId: 'rev-a' }), aPick({ agentId: 'rev-a' }), aPick({ agentId: 'rev-b' })];

    const result = sut(picks, reviewers('rev-a', 'rev-b'));

    expect(result.assignments).toEqual([
      { callId: picks[0].callId, reviewerId: 'rev-b' },
      { callId: picks[1].callId, reviewerId: 'rev-b' },
      { callId: picks[2].callId, reviewerId: 'rev-a' },
    ]);
  });

  it('leaves a call unassigned when its agent is the only reviewer', () => {
    const pick = aPick({ agentId: 'rev-a' });

    expect(sut([pick], reviewers('rev-a')).unassigned).toEqual([{ callId: pick.callId, reason: 'no_eligible_reviewer' }]);
  });

  it('keeps supervisors off their own team’s calls when avoidOwnSupervisor is set', () => {
    const teamSupervisors = new Map([
      ['team-1', ['sup-1']],
      ['team-2', ['sup-2', 'sup-shared']],
    ]);
    const picks = [
      ...picksFor(4, 'agent-1', 'team-1'),
      ...picksFor(4, 'agent-2', 'team-2'),
      ...picksFor(2, 'agent-3', 'team-3'),
      ...picksFor(2, 'agent-4', null),
    ];

    const result = sut(picks, reviewers('sup-1', 'sup-2', 'sup-shared'), { avoidOwnSupervisor: true, teamSupervisors });

    const teamOf = new Map(picks.map((pick) => [pick.callId, pick.agentTeamId]));
    for (const { callId, reviewerId } of result.assignments) {
      expect(teamSupervisors.get(teamOf.get(callId) ?? '') ?? []).not.toContain(reviewerId);
    }
    expect(result.assignments).toHaveLength(12);
    expect(countBy(result.assignments.filter((a) => teamOf.get(a.callId) === 'team-2').map((a) => a.reviewerId))).toEqual(new Map([['sup-1', 4]]));
  });

  it('lets supervisors review their own team when avoidOwnSupervisor is off', () => {
    const teamSupervisors = new Map([['team-1', ['sup-1']]]);

    const result = sut(picksFor(1, 'agent-1', 'team-1'), reviewers('sup-1'), { teamSupervisors });

    expect(result.assignments.map((a) => a.reviewerId)).toEqual(['sup-1']);
  });

  it('reports every pick as unassigned when there are no reviewers', () => {
    const picks = picksFor(3);

    const result = sut(picks, []);

    expect(result).toEqual({
      assignments: [],
      unassigned: picks.map((pick) => ({ callId: pick.callId, reason: 'no_eligible_reviewer' })),
      loads: [],
    });
  });

  it('merges a reviewer listed twice, keeping the higher load', () => {
    const result = sut(picksFor(2), [
      { reviewerId: 'rev-a', openAssignments: 1 },
      { reviewerId: 'rev-b', openAssignments: 0 },
      { reviewerId: 'rev-a', openAssignments: 3 },
    ]);

    expect(result.assignments.map((a) => a.reviewerId)).toEqual(['rev-b', 'rev-b']);
    expect(result.loads).toEqual([
      { reviewerId: 'rev-a', openAssignments: 3 },
      { reviewerId: 'rev-b', openAssignments: 2 },
    ]);
  });

  it('gives the same result whatever order the reviewers are listed in', () => {
    const picks = [...picksFor(7, 'agent-1', 'team-1'), ...picksFor(6, 'rev-b', 'team-2')];
    const loads: ReviewerLoad[] = [
      { reviewerId: 'rev-a', openAssignments: 2 },
      { reviewerId: 'rev-b', openAssignments: 0 },
      { reviewerId: 'rev-c', openAssignments: 1 },
      { reviewerId: 'rev-d', openAssignments: 2 },
    ];
    const options = { avoidOwnSupervisor: true, teamSupervisors: new Map([['team-1', ['rev-c']]]) };

    const result = sut(picks, loads, options);

    expect(sut(picks, [...loads].reverse(), options)).toEqual(result);
    expect(sut(picks, [loads[2], loads[0], loads[3], loads[1]], options)).toEqual(result);
  });

  it('does not change the loads it was given', () => {
    const loads = reviewers('rev-a');

    sut(picksFor(3), loads);

    expect(loads).toEqual([{ reviewerId: 'rev-a', openAssignments: 0 }]);
  });

  it('rejects a load that is not a non-negative integer', () => {
    expect(() => sut([], [{ reviewerId: 'rev-a', openAssignments: -1 }])).toThrow(RangeError);
    expect(() => sut([], [{ reviewerId: 'rev-a', openAssignments: Number.NaN }])).toThrow(RangeError);
  });
});

describe('mayReview', () => {
  it('applies the same rule as assignReviewers', () => {
    const pick = aPick({ agentId: 'agent-1', agentTeamId: 'team-1' });
    const options = { avoidOwnSupervisor: true, teamSupervisors: new Map([['team-1', ['sup-1']]]) };

    expect(mayReview('agent-1', pick)).toBe(false);
    expect(mayReview('sup-1', pick)).toBe(true);
    expect(mayReview('sup-1', pick, options)).toBe(false);
    expect(mayReview('sup-2', pick, options)).toBe(true);
  });
});
