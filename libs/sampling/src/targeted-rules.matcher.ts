import type { EligibilityOptions, EligibleCalls } from './eligible-calls.filter';
import type { CandidateCall, RuleMatch, TargetedRule } from './review-sample.types';

/** What the eligibility pass must extract from each call for these rules. */
export function ruleInputs(rules: readonly TargetedRule[]): EligibilityOptions {
  return {
    ruleMaskOf: callLevelRuleMask(rules),
    copyAutoScores: rules.some((rule) => rule.kind === 'auto_score_below'),
    copyCsats: rules.some((rule) => rule.kind === 'low_csat'),
  };
}

const enum CallTest {
  None,
  AutoScoreBelow,
  CriticalAutoFailure,
  LinkedComplaint,
  LowCsat,
  LongCall,
}

/**
 * Bit r of the result is set when the call matches rules[r]. Rules relative to the agent
 * (long_call by percentile) are left to AgentRules. Rules are flattened into arrays so the
 * per-call loop reads each call once and makes no calls of its own.
 */
function callLevelRuleMask(rules: readonly TargetedRule[]): (call: CandidateCall) => number {
  const tests = new Uint8Array(rules.length);
  const limits = new Float64Array(rules.length);
  rules.forEach((rule, r) => {
    switch (rule.kind) {
      case 'auto_score_below':
        tests[r] = CallTest.AutoScoreBelow;
        limits[r] = rule.threshold;
        return;
      case 'critical_auto_failure':
        tests[r] = CallTest.CriticalAutoFailure;
        return;
      case 'linked_complaint':
        tests[r] = CallTest.LinkedComplaint;
        return;
      case 'low_csat':
        tests[r] = CallTest.LowCsat;
        limits[r] = rule.threshold;
        return;
      case 'long_call':
        if (rule.minDurationSec === undefined) return;
        tests[r] = CallTest.LongCall;
        limits[r] = rule.minDurationSec;
        return;
    }
  });
  return (call) => {
    const autoScore = typeof call.autoScore === 'number' ? call.autoScore : NaN;
    const csat = typeof call.csat === 'number' ? call.csat : NaN;
    let mask = 0;
    for (let r = 0; r < tests.length; r++) {
      let matched: boolean;
      switch (tests[r] as CallTest) {
        case CallTest.AutoScoreBelow:
          matched = autoScore < limits[r];
          break;
        case CallTest.CriticalAutoFailure:
          matched = call.criticalAutoFailure === true;
          break;
        case CallTest.LinkedComplaint:
          matched = call.hasComplaint === true;
          break;
        case CallTest.LowCsat:
          matched = csat <= limits[r];
          break;
        case CallTest.LongCall:
          matched = call.durationSec >= limits[r];
          break;
        default:
          matched = false;
      }
      if (matched) mask |= 1 << r;
    }
    return mask;
  };
}

/** The plan's rules applied to one agent's positions, with agent-relative thresholds computed once. */
export class AgentRules {
  /** 1 for rules relative to the agent (long_call by percentile), whose bit is not in the call's mask. */
  private readonly agentRelative: Uint8Array;
  /** Duration each agent-relative rule must exceed for this agent. */
  private readonly percentileThresholds: Float64Array;

  constructor(
    private readonly rules: readonly TargetedRule[],
    private readonly eligible: EligibleCalls,
    private readonly begin: number,
    private readonly end: number,
    scratch: Float64Array,
  ) {
    this.agentRelative = new Uint8Array(rules.length);
    this.percentileThresholds = new Float64Array(rules.length);
    rules.forEach((rule, r) => {
      if (rule.kind !== 'long_call' || rule.percentileOfAgent === undefined) return;
      this.agentRelative[r] = 1;
      const durations = scratch.subarray(0, end - begin);
      durations.set(eligible.durations.subarray(begin, end));
      this.percentileThresholds[r] = nearestRankPercentile(durations, rule.percentileOfAgent);
    });
  }

  matches(r: number, position: number): boolean {
    if (this.agentRelative[r]) return this.eligible.durations[position] > this.percentileThresholds[r];
    return (this.eligible.ruleMasks[position] & (1 << r)) !== 0;
  }

  /** Lower is reviewed first when a rule matches more calls than its maxPerAgent. */
  urgency(r: number, position: number): number {
    const rule = this.rules[r];
    switch (rule.kind) {
      case 'auto_score_below':
        return this.eligible.autoScores![position];
      case 'low_csat':
        return this.eligible.csats![position];
      case 'long_call':
        return -this.eligible.durations[position];
      case 'critical_auto_failure':
      case 'linked_complaint':
        return 0;
    }
  }

  /** The explanation for a call that matches rules[r]. */
  describe(r: number, position: number): RuleMatch {
    const rule = this.rules[r];
    const ruleId = rule.id;
    switch (rule.kind) {
      case 'auto_score_below':
        return { ruleId, ruleKind: rule.kind, detail: { autoScore: this.eligible.autoScores![position], threshold: rule.threshold } };
      case 'critical_auto_failure':
      case 'linked_complaint':
        return { ruleId, ruleKind: rule.kind, detail: {} };
      case 'low_csat':
        return { ruleId, ruleKind: rule.kind, detail: { csat: this.eligible.csats![position], threshold: rule.threshold } };
      case 'long_call': {
        const durationSec = this.eligible.durations[position];
        if (rule.minDurationSec !== undefined) {
          return { ruleId, ruleKind: rule.kind, detail: { durationSec, minDurationSec: rule.minDurationSec } };
        }
        return {
          ruleId,
          ruleKind: rule.kind,
          detail: {
            durationSec,
            percentileOfAgent: rule.percentileOfAgent,
            agentPercentileSec: this.percentileThresholds[r],
            agentEligibleCalls: this.end - this.begin,
          },
        };
      }
    }
  }
}

/**
 * The smallest value that at least `percentile`% of the values do not exceed (nearest rank).
 * Selects in place in linear expected time; a full sort per agent costs several times more.
 */
export function nearestRankPercentile(values: Float64Array, percentile: number): number {
  if (values.length === 0) return Infinity;
  const k = Math.max(1, Math.ceil((percentile / 100) * values.length)) - 1;
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1];
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i++] = values[j];
        values[j--] = swap;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return values[k];
  }
  return values[k];
}
