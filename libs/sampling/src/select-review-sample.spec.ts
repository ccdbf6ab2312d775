import { CandidateCall, RandomPickReason, ReviewPick, SamplingPlan, TargetedRule } from './review-sample.types';
import { SamplingErrorCode } from './sampling.error';
import { selectReviewSample } from './select-review-sample';
import { aCall, aPlan, callsSpreadEvenly, DAY_MS, FOUR_WEEKS_LATER, PERIOD_START, WEEK_MS } from '../test/sampling.builders';

const sut = selectReviewSample;

const picksOf = (picks: ReviewPick[], agentId: string) => picks.filter((pick) => pick.agentId === agentId);
const randomReason = (pick: ReviewPick) => pick.reason as RandomPickReason;
const weekOf = (pick: ReviewPick) => Math.floor((pick.startedAt - PERIOD_START) / WEEK_MS);

describe('selectReviewSample', () => {
  describe('random quota', () => {
    it('picks quotaPerAgent calls for every agent with enough eligible calls', () => {
      const calls = [...callsSpreadEvenly('agent-a', 40), ...callsSpreadEvenly('agent-b', 25)];

      const result = sut(aPlan({ quotaPerAgent: 4 }), calls);

      expect(picksOf(result.picks, 'agent-a')).toHaveLength(4);
      expect(picksOf(result.picks, 'agent-b')).toHaveLength(4);
      expect(result.agents).toEqual([
        { agentId: 'agent-a', eligible: 40, pickedRandom: 4, pickedByRules: 0, shortfall: 0 },
        { agentId: 'agent-b', eligible: 25, pickedRandom: 4, pickedByRules: 0, shortfall: 0 },
      ]);
    });

    it('takes every eligible call and reports the shortfall when an agent has fewer than the quota', () => {
      const calls = callsSpreadEvenly('agent-a', 3);

      const result = sut(aPlan({ quotaPerAgent: 8 }), calls);

      expect(result.picks.map((pick) => pick.callId).sort()).toEqual(calls.map((call) => call.id).sort());
      expect(result.agents).toEqual([{ agentId: 'agent-a', eligible: 3, pickedRandom: 3, pickedByRules: 0, shortfall: 5 }]);
    });

    it('reports an agent whose calls were all excluded with the whole quota as shortfall', () => {
      const calls = [aCall({ agentId: 'agent-a', durationSec: 5 }), ...callsSpreadEvenly('agent-b', 10)];

      const result = sut(aPlan({ quotaPerAgent: 2, minDurationSec: 30 }), calls);

      expect(result.agents[0]).toEqual({ agentId: 'agent-a', eligible: 0, pickedRandom: 0, pickedByRules: 0, shortfall: 2 });
    });

    it('gives each of four weeks exactly one pick per agent when the quota is 4 and calls are spread evenly', () => {
      const agents = ['agent-a', 'agent-b', 'agent-c', 'agent-d', 'agent-e'];
      const calls = agents.flatMap((agentId) => callsSpreadEvenly(agentId, 28 * 6));

      const result = sut(aPlan({ periodStart: PERIOD_START, periodEnd: FOUR_WEEKS_LATER, quotaPerAgent: 4 }), calls);

      for (const agentId of agents) {
        const picks = picksOf(result.picks, agentId);
        expect(picks.map(weekOf)).toEqual([0, 1, 2, 3]);
        expect(picks.map((pick) => randomReason(pick).stratum)).toEqual([0, 1, 2, 3]);
      }
    });

    it('explains a random pick with its stratum and the stratum bounds', () => {
      const result = sut(aPlan({ quotaPerAgent: 4 }), callsSpreadEvenly('agent-a', 28));

      expect(result.picks[1].reason).toEqual({
        kind: 'random',
        stratum: 1,
        strata: 4,
        stratumStart: PERIOD_START + WEEK_MS,
        stratumEnd: PERIOD_START + 2 * WEEK_MS,
      });
      expect(result.picks[1].alsoMatched).toEqual([]);
    });

    it('fills a week without calls from the nearest week that has calls left', () => {
      const calls = [
        ...callsSpreadEvenly('agent-a', 5, PERIOD_START, PERIOD_START + WEEK_MS),
        ...callsSpreadEvenly('agent-a', 5, PERIOD_START + 3 * WEEK_MS, FOUR_WEEKS_LATER),
      ];

      const result = sut(aPlan({ quotaPerAgent: 4 }), calls);

      expect(result.picks.map(weekOf)).toEqual([0, 0, 3, 3]);
      const fills = result.picks.map((pick) => [randomReason(pick).stratum, randomReason(pick).filledForStratum]);
      expect(fills).toEqual(
        expect.arrayContaining([
          [0, 1],
          [3, 2],
        ]),
      );
      expect(result.agents[0].shortfall).toBe(0);
    });

    it('lists picks grouped by agent id and in time order within an agent', () => {
      const calls = [...callsSpreadEvenly('agent-b', 20), ...callsSpreadEvenly('agent-a', 20)];

      const { picks } = sut(aPlan({ quotaPerAgent: 4 }), calls);

      expect(picks.map((pick) => pick.agentId)).toEqual([...Array(4).fill('agent-a'), ...Array(4).fill('agent-b')]);
      for (const agentId of ['agent-a', 'agent-b']) {
        const times = picksOf(picks, agentId).map((pick) => pick.startedAt);
        expect(times).toEqual([...times].sort((x, y) => x - y));
      }
    });

    it('picks differently under a different seed', () => {
      const calls = ['agent-a', 'agent-b', 'agent-c'].flatMap((agentId) => callsSpreadEvenly(agentId, 200));

      const first = sut(aPlan({ seed: 'march' }), calls).picks.map((pick) => pick.callId);
      const second = sut(aPlan({ seed: 'april' }), calls).picks.map((pick) => pick.callId);

      expect(second).not.toEqual(first);
    });

    it('accepts start times as Dates or epoch milliseconds with the same result', () => {
      const calls = callsSpreadEvenly('agent-a', 30);
      const withDates = calls.map((call) => ({ ...call, startedAt: new Date(call.startedAt) }));
      const plan = aPlan({ periodStart: new Date(PERIOD_START), periodEnd: new Date(FOUR_WEEKS_LATER) });

      expect(sut(plan, withDates)).toEqual(sut(aPlan(), calls));
    });

    it('keeps an agent’s picks unchanged when other agents’ calls change', () => {
      const agentA = callsSpreadEvenly('agent-a', 50);

      const alone = sut(aPlan(), agentA);
      const withOthers = sut(aPlan(), [...callsSpreadEvenly('agent-b', 70), ...agentA]);

      expect(picksOf(withOthers.picks, 'agent-a')).toEqual(alone.picks);
    });
  });

  describe('exclusions', () => {
    it('counts each excluded call once, under the first reason that applies, and never picks it', () => {
      const evaluated = aCall({ id: 'evaluated', durationSec: 5 });
      const calls = [
        aCall({ agentId: 'agent-gone' }),
        aCall({ agentId: 'agent-gone', startedAt: PERIOD_START - DAY_MS }),
        evaluated,
        aCall({ startedAt: PERIOD_START - 1 }),
        aCall({ startedAt: FOUR_WEEKS_LATER }),
        aCall({ durationSec: 29 }),
        aCall({ startedAt: Number.NaN }),
        aCall({ startedAt: PERIOD_START, durationSec: 30 }),
        aCall({ startedAt: FOUR_WEEKS_LATER - 1 }),
      ];

      const result = sut(aPlan({ quotaPerAgent: 10, minDurationSec: 30, excludeAgentIds: ['agent-gone'], excludeCallIds: ['evaluated'] }), calls);

      expect(result.exclusions).toEqual({ excluded_agent: 2, already_evaluated: 1, invalid: 1, outside_period: 2, too_short: 1 });
      expect(result.picks.map((pick) => pick.callId)).toEqual([calls[7].id, calls[8].id]);
      expect(result.agents.map((agent) => agent.agentId)).toEqual(['agent-a']);
      expect(result).toMatchObject({ candidates: 9, eligible: 2 });
    });
  });

  describe('targeted rules', () => {
    const quietMonth = (): CandidateCall[] => callsSpreadEvenly('agent-a', 40).map((call) => ({ ...call, autoScore: 90 }));
    const withRules = (targetedRules: TargetedRule[], overrides: Partial<SamplingPlan> = {}) => aPlan({ quotaPerAgent: 0, targetedRules, ...overrides });

    it('adds calls scored strictly below the threshold on top of the random quota', () => {
      const calls = quietMonth();
      calls[3].autoScore = 42;
      calls[9].autoScore = 59.5;
      calls[12].autoScore = 60;
      calls[15].autoScore = null;

      const result = sut(aPlan({ quotaPerAgent: 2, targetedRules: [{ id: 'low-score', kind: 'auto_score_below', threshold: 60 }] }), calls);

      const rulePicks = result.picks.filter((pick) => pick.reason.kind === 'rule');
      expect(rulePicks.map((pick) => [pick.callId, pick.reason])).toEqual([
        [calls[3].id, { kind: 'rule', ruleId: 'low-score', ruleKind: 'auto_score_below', detail: { autoScore: 42, threshold: 60 } }],
        [calls[9].id, { kind: 'rule', ruleId: 'low-score', ruleKind: 'auto_score_below', detail: { autoScore: 59.5, threshold: 60 } }],
      ]);
      expect(result.agents[0]).toMatchObject({ pickedRandom: 2, pickedByRules: 2 });
    });

    it('picks calls with a critical auto failure', () => {
      const calls = quietMonth();
      calls[7].criticalAutoFailure = true;

      const { picks } = sut(withRules([{ id: 'critical', kind: 'critical_auto_failure' }]), calls);

      expect(picks).toEqual([
        expect.objectContaining({ callId: calls[7].id, reason: { kind: 'rule', ruleId: 'critical', ruleKind: 'critical_auto_failure', detail: {} } }),
      ]);
    });

    it('picks calls with a linked complaint', () => {
      const calls = quietMonth();
      calls[20].hasComplaint = true;

      const { picks } = sut(withRules([{ id: 'complaint', kind: 'linked_complaint' }]), calls);

      expect(picks.map((pick) => pick.callId)).toEqual([calls[20].id]);
      expect(picks[0].reason).toMatchObject({ ruleKind: 'linked_complaint' });
    });

    it('picks calls with CSAT at or below the threshold', () => {
      const calls = quietMonth();
      calls[1].csat = 1;
      calls[2].csat = 2;
      calls[3].csat = 3;

      const { picks } = sut(withRules([{ id: 'unhappy', kind: 'low_csat', threshold: 2 }]), calls);

      expect(picks.map((pick) => pick.callId)).toEqual([calls[1].id, calls[2].id]);
      expect(picks[1].reason).toMatchObject({ detail: { csat: 2, threshold: 2 } });
    });

    it('picks calls lasting at least minDurationSec', () => {
      const calls = quietMonth();
      calls[5].durationSec = 1800;
      calls[6].durationSec = 1799;

      const { picks } = sut(withRules([{ id: 'long', kind: 'long_call', minDurationSec: 1800 }]), calls);

      expect(picks.map((pick) => pick.callId)).toEqual([calls[5].id]);
      expect(picks[0].reason).toMatchObject({ detail: { durationSec: 1800, minDurationSec: 1800 } });
    });

    it('picks calls unusually long for that agent with percentileOfAgent', () => {
      const shortTalker = callsSpreadEvenly('agent-a', 10).map((call, i) => ({ ...call, durationSec: 100 + i }));
      shortTalker[4].durationSec = 400;
      const longTalker = callsSpreadEvenly('agent-b', 10).map((call, i) => ({ ...call, durationSec: 1000 + i }));

      const { picks } = sut(withRules([{ id: 'unusually-long', kind: 'long_call', percentileOfAgent: 80 }]), [...shortTalker, ...longTalker]);

      // The 80th percentile of 10 calls is the 8th shortest: 108 s for agent-a, 1007 s for agent-b.
      expect(picks.map((pick) => pick.callId)).toEqual([shortTalker[4].id, shortTalker[9].id, longTalker[8].id, longTalker[9].id]);
      expect(picks[0].reason).toEqual({
        kind: 'rule',
        ruleId: 'unusually-long',
        ruleKind: 'long_call',
        detail: { durationSec: 400, percentileOfAgent: 80, agentPercentileSec: 108, agentEligibleCalls: 10 },
      });
    });

    it('takes the most urgent calls first when a rule matches more than maxPerAgent', () => {
      const calls = quietMonth();
      [55, 12, 48, 30, 59].forEach((score, i) => (calls[i * 7].autoScore = score));

      const { picks } = sut(withRules([{ id: 'low-score', kind: 'auto_score_below', threshold: 60, maxPerAgent: 2 }]), calls);

      expect(picks.map((pick) => (pick.reason.kind === 'rule' && pick.reason.ruleKind === 'auto_score_below' ? pick.reason.detail.autoScore : null))).toEqual([
        12, 30,
      ]);
    });

    it('applies maxPerAgent to each agent separately', () => {
      const calls = ['agent-a', 'agent-b'].flatMap((agentId) => callsSpreadEvenly(agentId, 10).map((call) => ({ ...call, hasComplaint: true })));

      const result = sut(withRules([{ id: 'complaint', kind: 'linked_complaint', maxPerAgent: 3 }]), calls);

      expect(result.agents.map((agent) => agent.pickedByRules)).toEqual([3, 3]);
    });

    it('lists a call already picked at random once, with the rule it also matches', () => {
      const calls = callsSpreadEvenly('agent-a', 4).map((call) => ({ ...call, criticalAutoFailure: true }));

      const result = sut(aPlan({ quotaPerAgent: 4, targetedRules: [{ id: 'critical', kind: 'critical_auto_failure' }] }), calls);

      expect(result.picks).toHaveLength(4);
      for (const pick of result.picks) {
        expect(pick.reason.kind).toBe('random');
        expect(pick.alsoMatched).toEqual([{ ruleId: 'critical', ruleKind: 'critical_auto_failure', detail: {} }]);
      }
      expect(result.agents[0]).toMatchObject({ pickedRandom: 4, pickedByRules: 0 });
    });

    it('lists a call matching several rules once, under the first rule, with the others as alsoMatched', () => {
      const calls = quietMonth();
      Object.assign(calls[10], { hasComplaint: true, autoScore: 20, csat: 1 });

      const { picks } = sut(
        withRules([
          { id: 'low-score', kind: 'auto_score_below', threshold: 50 },
          { id: 'complaint', kind: 'linked_complaint' },
          { id: 'unhappy', kind: 'low_csat', threshold: 2 },
        ]),
        calls,
      );

      expect(picks).toHaveLength(1);
      expect(picks[0].reason).toMatchObject({ kind: 'rule', ruleId: 'low-score' });
      expect(picks[0].alsoMatched.map((match) => match.ruleId)).toEqual(['complaint', 'unhappy']);
    });

    it('mentions an earlier rule in alsoMatched when its cap left the call to a later rule', () => {
      const calls = quietMonth();
      Object.assign(calls[1], { autoScore: 10 });
      Object.assign(calls[2], { autoScore: 20, hasComplaint: true });

      const { picks } = sut(
        withRules([
          { id: 'low-score', kind: 'auto_score_below', threshold: 50, maxPerAgent: 1 },
          { id: 'complaint', kind: 'linked_complaint' },
        ]),
        calls,
      );

      expect(picks.map((pick) => [pick.callId, pick.reason.kind === 'rule' && pick.reason.ruleId, pick.alsoMatched.map((m) => m.ruleId)])).toEqual([
        [calls[1].id, 'low-score', []],
        [calls[2].id, 'complaint', ['low-score']],
      ]);
    });

    it('never picks excluded calls even when they match a rule', () => {
      const calls = quietMonth();
      calls[0].hasComplaint = true;

      const { picks } = sut(withRules([{ id: 'complaint', kind: 'linked_complaint' }], { excludeCallIds: [calls[0].id] }), calls);

      expect(picks).toEqual([]);
    });
  });

  describe('invalid input', () => {
    it.each<[string, Partial<SamplingPlan>, SamplingErrorCode]>([
      ['an empty period', { periodEnd: PERIOD_START }, SamplingErrorCode.InvalidPeriod],
      ['a negative quota', { quotaPerAgent: -1 }, SamplingErrorCode.InvalidQuota],
      ['a fractional quota', { quotaPerAgent: 2.5 }, SamplingErrorCode.InvalidQuota],
      ['a negative minimum duration', { minDurationSec: -3 }, SamplingErrorCode.InvalidMinDuration],
      [
        'two rules with one id',
        {
          targetedRules: [
            { id: 'x', kind: 'linked_complaint' },
            { id: 'x', kind: 'critical_auto_failure' },
          ],
        },
        SamplingErrorCode.DuplicateRuleId,
      ],
      ['a long_call rule with no limit', { targetedRules: [{ id: 'x', kind: 'long_call' } as TargetedRule] }, SamplingErrorCode.InvalidRule],
      ['a percentile of 100', { targetedRules: [{ id: 'x', kind: 'long_call', percentileOfAgent: 100 }] }, SamplingErrorCode.InvalidRule],
      ['a threshold that is not a number', { targetedRules: [{ id: 'x', kind: 'low_csat', threshold: Number.NaN }] }, SamplingErrorCode.InvalidRule],
      ['a negative maxPerAgent', { targetedRules: [{ id: 'x', kind: 'linked_complaint', maxPerAgent: -1 }] }, SamplingErrorCode.InvalidRule],
      [
        'more than 32 rules',
        { targetedRules: Array.from({ length: 33 }, (_, i): TargetedRule => ({ id: `r${i}`, kind: 'linked_complaint' })) },
        SamplingErrorCode.InvalidRule,
      ],
    ])('rejects a plan with %s', (_, overrides, code) => {
      expect(() => sut(aPlan(overrides), [])).toThrow(expect.objectContaining({ code }));
    });

    it('rejects candidates that repeat a picked call id', () => {
      const calls = [aCall({ id: 'same', agentId: 'agent-a' }), aCall({ id: 'same', agentId: 'agent-b' })];

      expect(() => sut(aPlan(), calls)).toThrow(expect.objectContaining({ code: SamplingErrorCode.DuplicateCallId }));
    });
  });
});
