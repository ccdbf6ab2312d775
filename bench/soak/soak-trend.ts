import { linearTrend, LinearTrend } from '@callgrade/statistics';

export interface SoakSample {
  /** Seconds since the calls started. */
  atS: number;
  callsSent: number;
  callsDone: number;
  rssMb: number;
  openHandles: number;
  queueDepth: number;
}

export type SoakMetric = 'rssMb' | 'openHandles' | 'queueDepth';

export interface TrendVerdict {
  metric: SoakMetric;
  trend: LinearTrend;
  /** Slope and its interval per 1,000 calls, whatever the rate and the compression. */
  perThousandCalls: { slope: number; lower: number | null; upper: number | null };
  tolerancePerThousandCalls: number;
  /** Growth that chance does not explain: the whole 95 % interval lies above the tolerance. */
  growing: boolean;
}

/**
 * Whether a metric grows with the number of calls: the least-squares slope of the metric against calls
 * sent, over the samples after the warm-up, with a 95 % interval. A leak shows as a slope whose lower
 * bound is above the tolerance; noise and a level that settles do not.
 */
export function judgeTrend(samples: readonly SoakSample[], metric: SoakMetric, tolerancePerThousandCalls: number, warmupShare: number): TrendVerdict {
  const steady = samples.slice(Math.floor(samples.length * warmupShare));
  const trend = linearTrend(steady.map((s) => [s.callsSent, s[metric]] as const));
  const perThousand = (v: number | null) => (v === null ? null : v * 1000);
  const lower = perThousand(trend.slopeLower);
  return {
    metric,
    trend,
    perThousandCalls: { slope: trend.slope * 1000, lower, upper: perThousand(trend.slopeUpper) },
    tolerancePerThousandCalls,
    growing: lower !== null && lower > tolerancePerThousandCalls,
  };
}
