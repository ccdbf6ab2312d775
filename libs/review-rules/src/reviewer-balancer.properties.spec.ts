import fc from 'fast-check';
import { assignReviewers, BalanceOptions, PickToAssign, ReviewerLoad } from './reviewer-balancer';

const sut = assignReviewers;

// Reviewers are also agents and supervisors, so self- and supervisor-avoidance both come up often.
const PEOPLE = ['p-a', 'p-b', 'p-c', 'p-d', 'p-e'];
const TEAMS = ['team-1', 'team-2', 'team-3'];

const scenario = fc.record({
  picks: fc
    .array(fc.record({ agentId: fc.constantFrom(...PEOPLE, 'agent-x'), agentTeamId: fc.option(fc.constantFrom(...TEAMS)) }), { maxLength: 60 })
    .map((records): PickToAssign[] => records.map((record, i) => ({ callId: `call-${i}`, ...record }))),
  reviewers: fc.array(fc.record({ reviewerId: fc.constantFrom(...PEOPLE), openAssignments: fc.integer({ min: 0, max: 8 }) }), { maxLength: 8 }),
  options: fc.record({
    avoidOwnSupervisor: fc.boolean(),
    teamSupervisors: fc
      .array(fc.tuple(fc.constantFrom(...TEAMS), fc.subarray(PEOPLE)), { maxLength: 3 })
      .map((entries) => new Map<string, readonly string[]>(entries)),
  }),
});

function eligible(reviewerId: string, pick: PickToAssign, options: BalanceOptions): boolean {
  if (reviewerId === pick.agentId) return false;
  const supervisors = pick.agentTeamId === null ? [] : (options.teamSupervisors?.get(pick.agentTeamId) ?? []);
  return !(options.avoidOwnSupervisor && supervisors.includes(reviewerId));
}

describe('assignReviewers properties', () => {
  it('assigns every pick exactly once or reports it unassigned, never to an ineligible reviewer', () => {
    fc.assert(
      fc.property(scenario, ({ picks, reviewers, options }) => {
        const { assignments, unassigned } = sut(picks, reviewers, options);
        const reviewerIds = new Set(reviewers.map((reviewer) => reviewer.reviewerId));

        const handled = [...assignments.map((a) => a.callId), ...unassigned.map((u) => u.callId)].sort();
        expect(handled).toEqual(picks.map((pick) => pick.callId).sort());

        const byId = new Map(picks.map((pick) => [pick.callId, pick]));
        for (const { callId, reviewerId } of assignments) {
          expect(reviewerIds.has(reviewerId)).toBe(true);
          expect(eligible(reviewerId, byId.get(callId)!, options)).toBe(true);
        }
        for (const { callId } of unassigned) {
          expect([...reviewerIds].some((reviewerId) => eligible(reviewerId, byId.get(callId)!, options))).toBe(false);
        }
      }),
    );
  });

  it('adds each assignment to exactly one reviewer’s load', () => {
    fc.assert(
      fc.property(scenario, ({ picks, reviewers, options }) => {
        const { assignments, loads } = sut(picks, reviewers, options);
        const start = new Map<string, number>();
        for (const r of reviewers) start.set(r.reviewerId, Math.max(start.get(r.reviewerId) ?? 0, r.openAssignments));

        for (const load of loads) {
          const added = assignments.filter((a) => a.reviewerId === load.reviewerId).length;
          expect(load.openAssignments).toBe(start.get(load.reviewerId)! + added);
        }
        expect(loads.map((l: ReviewerLoad) => l.reviewerId)).toEqual([...start.keys()].sort());
      }),
    );
  });
});
