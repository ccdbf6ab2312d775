import fc from 'fast-check';
import { CandidateCall, SamplingPlan, TargetedRule } from './review-sample.types';
import { selectReviewSample } from './select-review-sample';
import { DAY_MS, FOUR_WEEKS_LATER, PERIOD_START } from '../test/sampling.builders';

const sut = selectReviewSample;

const AGENTS = ['agent-a', 'agent-b', 'agent-c', 'agent-gone'];

// Coarse start times (hour grid, a few days either side of the period) so equal start times and
// out-of-period calls are common.
const callsArbitrary = fc
  .array(
    fc.record({
      agentId: fc.constantFrom(...AGENTS),
      startedAt: fc.integer({ min: -2 * 24, max: 30 * 24 }).map((hour) => PERIOD_START + hour * (DAY_MS / 24)),
      durationSec: fc.integer({ min: 0, max: 1200 }),
      autoScore: fc.option(fc.integer({ min: 0, max: 100 })),
      criticalAutoFailure: fc.boolean(),
      hasComplaint: fc.boolean(),
      csat: fc.option(fc.integer({ min: 1, max: 5 })),
    }),
    { maxLength: 150 },
  )
  .map((records): CandidateCall[] => records.map((record, i) => ({ id: `call-${i}`, ...record })));

const rulesArbitrary = fc.subarray<TargetedRule>([
  { id: 'critical', kind: 'critical_auto_failure', maxPerAgent: 1 },
  { id: 'low-score', kind: 'auto_score_below', threshold: 30, maxPerAgent: 2 },
  { id: 'complaint', kind: 'linked_complaint' },
  { id: 'unhappy', kind: 'low_csat', threshold: 2, maxPerAgent: 3 },
  { id: 'long', kind: 'long_call', minDurationSec: 1100 },
  { id: 'unusually-long', kind: 'long_call', percentileOfAgent: 90, maxPerAgent: 1 },
]);

const planArbitrary = (calls: CandidateCall[]) =>
  fc.record({
    seed: fc.oneof(fc.string(), fc.integer()),
    periodStart: fc.constant(PERIOD_START),
    periodEnd: fc.constant(FOUR_WEEKS_LATER),
    quotaPerAgent: fc.integer({ min: 0, max: 6 }),
    minDurationSec: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    excludeAgentIds: fc.constant(['agent-gone']),
    excludeCallIds: fc.subarray(calls.map((call) => call.id)),
    targetedRules: rulesArbitrary,
  });

const scenario = callsArbitrary.chain((calls) =>
  fc.record({
    calls: fc.constant(calls),
    shuffled: fc.shuffledSubarray(calls, { minLength: calls.length, maxLength: calls.length }),
    plan: planArbitrary(calls),
  }),
);

describe('selectReviewSample properties', () => {
  it('gives the same result for the same seed and calls, whatever order the calls come in', () => {
    fc.assert(
      fc.property(scenario, ({ calls, shuffled, plan }) => {
        const result = sut(plan, calls);

        expect(sut(plan, calls)).toEqual(result);
        expect(sut(plan, shuffled)).toEqual(result);
      }),
    );
  });

  it('never picks a call twice, nor an ineligible one, and honours quotas and caps', () => {
    fc.assert(
      fc.property(scenario, ({ calls, plan }) => {
        const { picks, agents } = sut(plan, calls);
        const byId = new Map(calls.map((call) => [call.id, call]));

        expect(new Set(picks.map((pick) => pick.callId)).size).toBe(picks.length);
        for (const pick of picks) expect(isEligible(byId.get(pick.callId)!, plan)).toBe(true);

        for (const agent of agents) {
          const eligible = calls.filter((call) => call.agentId === agent.agentId && isEligible(call, plan));
          expect(agent.eligible).toBe(eligible.length);
          expect(agent.pickedRandom).toBe(Math.min(plan.quotaPerAgent, eligible.length));
          expect(agent.shortfall).toBe(plan.quotaPerAgent - agent.pickedRandom);
          for (const rule of plan.targetedRules) {
            const pickedByRule = picks.filter((pick) => pick.agentId === agent.agentId && pick.reason.kind === 'rule' && pick.reason.ruleId === rule.id);
            expect(pickedByRule.length).toBeLessThanOrEqual(rule.maxPerAgent ?? Infinity);
          }
        }
        expect(agents.map((agent) => agent.agentId)).not.toContain('agent-gone');
      }),
    );
  });
});

function isEligible(call: CandidateCall, plan: SamplingPlan): boolean {
  const startedAt = call.startedAt as number;
  return (
    !plan.excludeAgentIds!.includes(call.agentId) &&
    !plan.excludeCallIds!.includes(call.id) &&
    startedAt >= (plan.periodStart as number) &&
    startedAt < (plan.periodEnd as number) &&
    call.durationSec >= (plan.minDurationSec ?? 0)
  );
}
