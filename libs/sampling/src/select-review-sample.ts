import { createSeededRandom, SeededRandom } from '@callgrade/statistics';
import { ChronologicalSorter } from './chronological.sorter';
import { EligibleCalls, filterEligibleCalls } from './eligible-calls.filter';
import type { AgentSampleSummary, CandidateCall, PickReason, ReviewPick, ReviewSample, RuleMatch, SamplingPlan } from './review-sample.types';
import { SamplingError, SamplingErrorCode } from './sampling.error';
import { validateSamplingPlan } from './sampling-plan.validator';
import { pickStratified, stratumBounds } from './stratified-random.picker';
import { AgentRules, ruleInputs } from './targeted-rules.matcher';
import { toEpochMs } from './timestamp';

/**
 * Picks the calls to review for a plan: per agent, `quotaPerAgent` calls at random spread over the period,
 * then the calls targeted rules ask for on top. Same seed and calls, in any order, give the same picks;
 * each agent draws from its own stream (seed + agent id), so one agent's calls never change another's picks.
 *
 * Call ids must be unique; a duplicate that ends up picked raises SamplingErrorCode.DuplicateCallId.
 */
export function selectReviewSample(plan: SamplingPlan, calls: readonly CandidateCall[]): ReviewSample {
  validateSamplingPlan(plan);
  const eligible = filterEligibleCalls(plan, calls, ruleInputs(plan.targetedRules));
  const sampler = new AgentSampler(plan, calls, eligible);
  const picks: ReviewPick[] = [];
  const agents = eligible.agentIds.map((agentId, a) => sampler.sample(agentId, eligible.agentOffsets[a], eligible.agentOffsets[a + 1], picks));
  assertNoDuplicatePicks(picks);
  return { picks, agents, exclusions: eligible.exclusions, candidates: calls.length, eligible: eligible.callIndexes.length };
}

/** Samples one agent at a time over the shared columns, reusing buffers sized for the largest agent. */
class AgentSampler {
  private readonly bounds: Float64Array;
  private readonly sorter: ChronologicalSorter;
  private readonly scratch: AgentScratch;
  /** By position: already picked for this plan. */
  private readonly picked: Uint8Array;
  private readonly idAt = (position: number): string => this.calls[this.eligible.callIndexes[position]].id;

  constructor(
    private readonly plan: SamplingPlan,
    private readonly calls: readonly CandidateCall[],
    private readonly eligible: EligibleCalls,
  ) {
    const periodStart = toEpochMs(plan.periodStart);
    this.bounds = stratumBounds(periodStart, toEpochMs(plan.periodEnd), plan.quotaPerAgent);
    let largestAgent = 0;
    for (let a = 0; a < eligible.agentIds.length; a++) {
      largestAgent = Math.max(largestAgent, eligible.agentOffsets[a + 1] - eligible.agentOffsets[a]);
    }
    this.sorter = new ChronologicalSorter(largestAgent, periodStart);
    this.scratch = new AgentScratch(largestAgent);
    this.picked = new Uint8Array(eligible.callIndexes.length);
  }

  /** Appends the agent's picks, in time order, to `picks`. */
  sample(agentId: string, begin: number, end: number, picks: ReviewPick[]): AgentSampleSummary {
    const order = this.scratch.order.subarray(0, end - begin);
    this.sorter.sort(order, begin, this.eligible.startTimes, this.idAt);
    this.scratch.reorder(this.eligible, begin, order);

    const random = createSeededRandom(this.plan.seed, agentId);
    const reasons = new Map<number, PickReason>();
    this.pickAtRandom(begin, end, random, reasons);
    const pickedRandom = reasons.size;
    const rules = new AgentRules(this.plan.targetedRules, this.eligible, begin, end, this.scratch.values);
    this.plan.targetedRules.forEach((rule, r) => {
      for (const position of pickForRule(r, rule.maxPerAgent, rules, begin, end, this.picked, random)) {
        this.picked[position] = 1;
        reasons.set(position, { kind: 'rule', ...rules.describe(r, position) });
      }
    });

    // Positions are in start-time order, so sorting them lists the picks chronologically.
    for (const position of [...reasons.keys()].sort((x, y) => x - y)) {
      const reason = reasons.get(position)!;
      const alsoMatched = this.alsoMatched(rules, reason, position);
      picks.push({ callId: this.idAt(position), agentId, startedAt: this.eligible.startTimes[position], reason, alsoMatched });
    }
    const quota = this.plan.quotaPerAgent;
    return { agentId, eligible: end - begin, pickedRandom, pickedByRules: reasons.size - pickedRandom, shortfall: quota - pickedRandom };
  }

  private pickAtRandom(begin: number, end: number, random: SeededRandom, reasons: Map<number, PickReason>): void {
    const { bounds } = this;
    for (const pick of pickStratified(begin, end, this.eligible.startTimes, bounds, random, this.picked)) {
      reasons.set(pick.position, {
        kind: 'random',
        stratum: pick.stratum,
        strata: this.plan.quotaPerAgent,
        stratumStart: bounds[pick.stratum],
        stratumEnd: bounds[pick.stratum + 1],
        ...(pick.filledForStratum === null ? {} : { filledForStratum: pick.filledForStratum }),
      });
    }
  }

  /** The rules other than the pick's own reason that the call also matches, in plan order. */
  private alsoMatched(rules: AgentRules, reason: PickReason, position: number): RuleMatch[] {
    const matches: RuleMatch[] = [];
    this.plan.targetedRules.forEach((rule, r) => {
      const isReason = reason.kind === 'rule' && reason.ruleId === rule.id;
      if (!isReason && rules.matches(r, position)) matches.push(rules.describe(r, position));
    });
    return matches;
  }
}

/** The agent's not-yet-picked calls matching rules[r]; beyond maxPerAgent, the most urgent, ties broken at random. */
function pickForRule(
  r: number,
  maxPerAgent: number | undefined,
  rules: AgentRules,
  begin: number,
  end: number,
  picked: Uint8Array,
  random: SeededRandom,
): number[] {
  if (maxPerAgent === undefined) {
    const matching: number[] = [];
    for (let position = begin; position < end; position++) {
      if (!picked[position] && rules.matches(r, position)) matching.push(position);
    }
    return matching;
  }
  const mostUrgent = new MostUrgent(maxPerAgent);
  for (let position = begin; position < end; position++) {
    if (!picked[position] && rules.matches(r, position)) mostUrgent.offer(position, rules.urgency(r, position), random.nextUint32());
  }
  return mostUrgent.positions();
}

/** Keeps the `capacity` lowest (urgency, tie-break) offers without sorting every match. */
class MostUrgent {
  private readonly kept: { position: number; urgency: number; tieBreak: number }[] = [];

  constructor(private readonly capacity: number) {}

  offer(position: number, urgency: number, tieBreak: number): void {
    const kept = this.kept;
    if (kept.length === this.capacity) {
      const worst = kept[kept.length - 1];
      if (this.capacity === 0 || urgency > worst.urgency || (urgency === worst.urgency && tieBreak >= worst.tieBreak)) return;
      kept.pop();
    }
    let i = kept.length;
    while (i > 0 && (kept[i - 1].urgency > urgency || (kept[i - 1].urgency === urgency && kept[i - 1].tieBreak > tieBreak))) i--;
    kept.splice(i, 0, { position, urgency, tieBreak });
  }

  positions(): number[] {
    return this.kept.map(({ position }) => position);
  }
}

/** Buffers sized for the largest agent, reused for every agent. */
class AgentScratch {
  readonly order: Int32Array;
  readonly values: Float64Array;
  private readonly indexes: Int32Array;
  private readonly masks: Uint32Array;

  constructor(size: number) {
    this.order = new Int32Array(size);
    this.values = new Float64Array(size);
    this.indexes = new Int32Array(size);
    this.masks = new Uint32Array(size);
  }

  /** Rearranges one agent's slice of every column so that position begin + j holds what was at order[j]. */
  reorder(eligible: EligibleCalls, begin: number, order: Int32Array): void {
    const count = order.length;
    const indexes = this.indexes.subarray(0, count);
    const masks = this.masks.subarray(0, count);
    const values = this.values.subarray(0, count);
    for (let j = 0; j < count; j++) {
      indexes[j] = eligible.callIndexes[order[j]];
      masks[j] = eligible.ruleMasks[order[j]];
    }
    eligible.callIndexes.set(indexes, begin);
    eligible.ruleMasks.set(masks, begin);
    for (const column of [eligible.startTimes, eligible.durations, eligible.autoScores, eligible.csats]) {
      if (column === null) continue;
      for (let j = 0; j < count; j++) values[j] = column[order[j]];
      column.set(values, begin);
    }
  }
}

function assertNoDuplicatePicks(picks: readonly ReviewPick[]): void {
  const seen = new Set<string>();
  for (const { callId } of picks) {
    if (seen.has(callId)) {
      throw new SamplingError(SamplingErrorCode.DuplicateCallId, `call id "${callId}" appears more than once among the candidates`);
    }
    seen.add(callId);
  }
}
