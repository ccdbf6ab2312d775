import { tCriticalValue } from '../confidence/mean-confidence-interval';

export interface LinearTrend {
  n: number;
  slope: number;
  intercept: number;
  /** The fields below are null when n < 3 or every x is the same: no spread left to judge the slope by. */
  slopeStandardError: number | null;
  confidence: number;
  slopeLower: number | null;
  slopeUpper: number | null;
}

/**
 * Least-squares line through (x, y) with a two-sided Student's t interval for its slope (n − 2 degrees
 * of freedom), e.g. memory against time in a soak test: a lower bound above zero is growth that
 * chance does not explain.
 */
export function linearTrend(points: readonly (readonly [number, number])[], options: { confidence?: number } = {}): LinearTrend {
  const confidence = options.confidence ?? 0.95;
  const n = points.length;
  if (n === 0) throw new RangeError('linearTrend needs at least one point');
  const meanX = points.reduce((s, [x]) => s + x, 0) / n;
  const meanY = points.reduce((s, [, y]) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const [x, y] of points) {
    sxx += (x - meanX) ** 2;
    sxy += (x - meanX) * (y - meanY);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const intercept = meanY - slope * meanX;
  if (n < 3 || sxx === 0) return { n, slope, intercept, slopeStandardError: null, confidence, slopeLower: null, slopeUpper: null };
  const residualSquares = points.reduce((s, [x, y]) => s + (y - (intercept + slope * x)) ** 2, 0);
  const slopeStandardError = Math.sqrt(residualSquares / (n - 2) / sxx);
  const margin = tCriticalValue(confidence, n - 2) * slopeStandardError;
  return { n, slope, intercept, slopeStandardError, confidence, slopeLower: slope - margin, slopeUpper: slope + margin };
}
