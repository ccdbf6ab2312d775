import { evaluationsNeededForMargin, meanConfidenceInterval } from '@callgrade/statistics';
import { byCodeUnits } from './code-unit-order';

export interface AgentScoreStatistics {
  agentId: string;
  evaluations: number;
  /** Mean evaluation percent (0..100), or null without evaluations. */
  mean: number | null;
  /** Student's t interval for the mean, in percentage points; null below two evaluations. */
  interval: { low: number; high: number; margin: number } | null;
  /** Evaluations still needed for an interval of ±options.margin, if the spread stays as it is; null below two evaluations. */
  additionalNeeded: number | null;
  /** Says in words what the numbers mean, or why some are missing. */
  note: string;
}

export interface AgentScoreStatisticsOptions {
  /** Wanted half-width of the interval, in percentage points. */
  margin: number;
  /** Between 0 and 1, e.g. 0.95. */
  confidence: number;
}

/**
 * Per agent, sorted by agentId: the mean of their evaluation percents, how sure we can be of it, and
 * how many more evaluations would narrow it to ±margin.
 *
 * @throws RangeError for a margin that is not positive, a confidence outside (0, 1) or a non-finite score.
 */
export function agentScoreStatistics(scoresByAgent: ReadonlyMap<string, readonly number[]>, options: AgentScoreStatisticsOptions): AgentScoreStatistics[] {
  const { margin, confidence } = options;
  if (!(margin > 0) || !Number.isFinite(margin)) throw new RangeError(`margin must be a positive number, got ${margin}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);
  return [...scoresByAgent.keys()].sort(byCodeUnits).map((agentId) => statisticsFor(agentId, scoresByAgent.get(agentId)!, options));
}

function statisticsFor(agentId: string, scores: readonly number[], { margin, confidence }: AgentScoreStatisticsOptions): AgentScoreStatistics {
  const evaluations = scores.length;
  if (evaluations === 0) return { agentId, evaluations, mean: null, interval: null, additionalNeeded: null, note: 'no evaluations yet' };

  const ci = meanConfidenceInterval(scores, { confidence });
  if (ci.sd === null || ci.marginOfError === null || ci.lower === null || ci.upper === null) {
    return { agentId, evaluations, mean: ci.mean, interval: null, additionalNeeded: null, note: 'one evaluation: no interval yet' };
  }
  const interval = { low: ci.lower, high: ci.upper, margin: ci.marginOfError };
  const { additional } = evaluationsNeededForMargin({ sd: ci.sd, n: evaluations, margin, confidence });
  const level = `${+(confidence * 100).toFixed(2)}%`;
  let note: string;
  if (ci.sd === 0) note = `no variation so far: all ${evaluations} evaluations scored the same, so the interval has no width yet`;
  else if (additional === 0) note = `within ±${margin} at ${level} confidence`;
  else note = `${additional} more evaluation${additional === 1 ? '' : 's'} for ±${margin} at ${level} confidence, if scores vary as they have so far`;
  return { agentId, evaluations, mean: ci.mean, interval, additionalNeeded: additional, note };
}
