import { CandidateCall, SamplingPlan } from '../src/review-sample.types';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const WEEK_MS = 7 * DAY_MS;
/** Monday 2025-03-03 00:00 UTC. */
export const PERIOD_START = Date.UTC(2025, 2, 3);
export const FOUR_WEEKS_LATER = PERIOD_START + 4 * WEEK_MS;

let sequence = 0;

export function aCall(overrides: Partial<CandidateCall> = {}): CandidateCall {
  sequence++;
  return {
    id: `call-${String(sequence).padStart(6, '0')}`,
    agentId: 'agent-a',
    startedAt: PERIOD_START + DAY_MS,
    durationSec: 240,
    autoScore: 85,
    criticalAutoFailure: false,
    hasComplaint: false,
    csat: null,
    ...overrides,
  };
}

export function aPlan(overrides: Partial<SamplingPlan> = {}): SamplingPlan {
  return {
    seed: 'plan-2025-03',
    periodStart: PERIOD_START,
    periodEnd: FOUR_WEEKS_LATER,
    quotaPerAgent: 4,
    targetedRules: [],
    ...overrides,
  };
}

/** `count` calls for the agent at equal intervals over [from, to), the first at `from`. */
export function callsSpreadEvenly(agentId: string, count: number, from = PERIOD_START, to = FOUR_WEEKS_LATER): CandidateCall[] {
  const step = (to - from) / count;
  return Array.from({ length: count }, (_, i) => aCall({ agentId, startedAt: from + Math.floor(i * step) }));
}
