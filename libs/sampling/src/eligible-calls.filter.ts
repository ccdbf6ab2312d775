import type { CandidateCall, ExclusionReason, SamplingPlan } from './review-sample.types';
import { toEpochMs } from './timestamp';

/**
 * The eligible calls laid out by agent in flat typed arrays: agent `a` owns positions
 * `agentOffsets[a] .. agentOffsets[a + 1]`, and position p describes candidate `callIndexes[p]`.
 * Per-agent passes then read contiguous memory instead of chasing a million scattered objects.
 */
export interface EligibleCalls {
  /** Agents in code-unit order of id, including those whose calls were all excluded. */
  agentIds: string[];
  agentOffsets: Int32Array;
  callIndexes: Int32Array;
  startTimes: Float64Array;
  durations: Float64Array;
  /** Bits from `ruleMaskOf`, e.g. which call-level targeted rules each call matches. */
  ruleMasks: Uint32Array;
  /** Copied only when asked for (a rule ranks by them); NaN where the call has none. */
  autoScores: Float64Array | null;
  csats: Float64Array | null;
  exclusions: Record<ExclusionReason, number>;
}

const EXCLUDED = -1;

export interface EligibilityOptions {
  ruleMaskOf: (call: CandidateCall) => number;
  copyAutoScores: boolean;
  copyCsats: boolean;
}

export function filterEligibleCalls(plan: SamplingPlan, calls: readonly CandidateCall[], options: EligibilityOptions): EligibleCalls {
  const periodStart = toEpochMs(plan.periodStart);
  const periodEnd = toEpochMs(plan.periodEnd);
  const minDuration = plan.minDurationSec ?? 0;
  const excludedAgents = new Set(plan.excludeAgentIds ?? []);
  const excludedCalls = new Set(plan.excludeCallIds ?? []);
  const exclusions: Record<ExclusionReason, number> = {
    excluded_agent: 0,
    already_evaluated: 0,
    invalid: 0,
    outside_period: 0,
    too_short: 0,
  };

  const agentOfCall = new Int32Array(calls.length);
  const agentNumber = new Map<string, number>();
  const arrivalAgentIds: string[] = [];
  const eligiblePerAgent: number[] = [];
  let lastAgentId: string | undefined;
  let lastAgent = EXCLUDED;

  for (let i = 0; i < calls.length; i++) {
    const call = calls[i];
    agentOfCall[i] = EXCLUDED;
    let agent: number | undefined;
    // Candidates often arrive grouped by agent; skip the map lookup while the agent repeats.
    if (call.agentId === lastAgentId) {
      agent = lastAgent;
    } else {
      agent = excludedAgents.has(call.agentId) ? EXCLUDED : agentNumber.get(call.agentId);
      if (agent === undefined) {
        agent = arrivalAgentIds.length;
        agentNumber.set(call.agentId, agent);
        arrivalAgentIds.push(call.agentId);
        eligiblePerAgent.push(0);
      }
      lastAgentId = call.agentId;
      lastAgent = agent;
    }
    if (agent === EXCLUDED) {
      exclusions.excluded_agent++;
      continue;
    }
    if (excludedCalls.size > 0 && excludedCalls.has(call.id)) {
      exclusions.already_evaluated++;
      continue;
    }
    const startedAt = toEpochMs(call.startedAt);
    if (!Number.isFinite(startedAt) || !Number.isFinite(call.durationSec)) {
      exclusions.invalid++;
    } else if (startedAt < periodStart || startedAt >= periodEnd) {
      exclusions.outside_period++;
    } else if (call.durationSec < minDuration) {
      exclusions.too_short++;
    } else {
      agentOfCall[i] = agent;
      eligiblePerAgent[agent]++;
    }
  }

  // Lay agents out in id order so the result does not depend on the order calls arrived in.
  const agentIds = [...arrivalAgentIds].sort(compareCodeUnits);
  const rankOfArrival = new Int32Array(arrivalAgentIds.length);
  agentIds.forEach((agentId, rank) => (rankOfArrival[agentNumber.get(agentId)!] = rank));
  const agentOffsets = new Int32Array(agentIds.length + 1);
  for (let arrival = 0; arrival < arrivalAgentIds.length; arrival++) {
    agentOffsets[rankOfArrival[arrival] + 1] = eligiblePerAgent[arrival];
  }
  for (let a = 0; a < agentIds.length; a++) agentOffsets[a + 1] += agentOffsets[a];

  const eligible = agentOffsets[agentIds.length];
  const callIndexes = new Int32Array(eligible);
  const startTimes = new Float64Array(eligible);
  const durations = new Float64Array(eligible);
  const ruleMasks = new Uint32Array(eligible);
  const autoScores = options.copyAutoScores ? new Float64Array(eligible) : null;
  const csats = options.copyCsats ? new Float64Array(eligible) : null;
  const cursor = agentOffsets.slice(0, agentIds.length);
  for (let i = 0; i < calls.length; i++) {
    if (agentOfCall[i] === EXCLUDED) continue;
    const call = calls[i];
    const position = cursor[rankOfArrival[agentOfCall[i]]]++;
    callIndexes[position] = i;
    startTimes[position] = toEpochMs(call.startedAt);
    durations[position] = call.durationSec;
    ruleMasks[position] = options.ruleMaskOf(call);
    if (autoScores) autoScores[position] = typeof call.autoScore === 'number' ? call.autoScore : NaN;
    if (csats) csats[position] = typeof call.csat === 'number' ? call.csat : NaN;
  }
  return { agentIds, agentOffsets, callIndexes, startTimes, durations, ruleMasks, autoScores, csats, exclusions };
}

/** Plain UTF-16 order: unlike localeCompare, the same on every machine. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
