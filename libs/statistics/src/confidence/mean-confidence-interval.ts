import { spread } from '../descriptive/summary-statistics';
import { studentTQuantile } from '../distributions/student-t';

export const DEFAULT_CONFIDENCE = 0.95;

export interface MeanConfidenceInterval {
  n: number;
  mean: number;
  confidence: number;
  /** The fields below are null when n < 2: one value says nothing about spread. */
  sd: number | null;
  standardError: number | null;
  degreesOfFreedom: number | null;
  criticalValue: number | null;
  marginOfError: number | null;
  lower: number | null;
  upper: number | null;
}

/** Two-sided Student's t interval for the mean of a small sample, e.g. an agent's evaluation scores. */
export function meanConfidenceInterval(values: readonly number[], options: { confidence?: number } = {}): MeanConfidenceInterval {
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  assertConfidence(confidence);
  const { n, mean, sd } = spread(values);
  if (sd === null) {
    return { n, mean, confidence, sd, standardError: null, degreesOfFreedom: null, criticalValue: null, marginOfError: null, lower: null, upper: null };
  }
  const standardError = sd / Math.sqrt(n);
  const degreesOfFreedom = n - 1;
  const criticalValue = tCriticalValue(confidence, degreesOfFreedom);
  const marginOfError = criticalValue * standardError;
  return {
    n,
    mean,
    confidence,
    sd,
    standardError,
    degreesOfFreedom,
    criticalValue,
    marginOfError,
    lower: mean - marginOfError,
    upper: mean + marginOfError,
  };
}

/** The two-sided critical value, e.g. 2.228 for 95% confidence and 10 degrees of freedom. */
export function tCriticalValue(confidence: number, degreesOfFreedom: number): number {
  assertConfidence(confidence);
  return studentTQuantile(1 - (1 - confidence) / 2, degreesOfFreedom);
}

export function assertConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);
}
