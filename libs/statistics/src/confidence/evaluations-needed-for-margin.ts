import { normalQuantile } from '../distributions/normal';
import { assertConfidence, DEFAULT_CONFIDENCE, tCriticalValue } from './mean-confidence-interval';

export interface EvaluationsNeededInput {
  /** Sample standard deviation seen so far. Ignored when `n` says fewer than two evaluations back it. */
  sd?: number | null;
  /** Evaluations already done; used to decide whether `sd` can be trusted and to compute `additional`. */
  n?: number;
  /** Desired half-width of the confidence interval, in score units. */
  margin: number;
  confidence?: number;
  /** Fallback when there is no usable sample sd, e.g. the spread across the whole team. */
  priorSd?: number;
}

export interface EvaluationsNeeded {
  /** Smallest total number of evaluations whose t interval is at most ±margin (at least 2). */
  required: number;
  /** required minus the evaluations already done (`n`, default 0), never below 0. */
  additional: number;
  sdUsed: number;
  sdSource: 'sample' | 'prior';
  confidence: number;
  /** Critical t value at `required` evaluations. */
  criticalValue: number;
}

/**
 * How many evaluations narrow the interval to ±margin, assuming the sd stays as it is.
 * The critical value shrinks as n grows, so this searches upwards from the normal-theory estimate,
 * which is always a lower bound because t > z.
 */
export function evaluationsNeededForMargin(input: EvaluationsNeededInput): EvaluationsNeeded {
  const confidence = input.confidence ?? DEFAULT_CONFIDENCE;
  assertConfidence(confidence);
  if (!(input.margin > 0) || !Number.isFinite(input.margin)) throw new RangeError(`margin must be a positive number, got ${input.margin}`);
  const observed = input.n ?? 0;
  if (!Number.isInteger(observed) || observed < 0) throw new RangeError(`n must be a non-negative integer, got ${input.n}`);

  const { sdUsed, sdSource } = chooseSd(input);
  const marginReached = (n: number) => tCriticalValue(confidence, n - 1) * (sdUsed / Math.sqrt(n)) <= input.margin;

  const z = normalQuantile(1 - (1 - confidence) / 2);
  let required = Math.max(2, Math.ceil(((z * sdUsed) / input.margin) ** 2));
  while (!marginReached(required)) required++;
  return {
    required,
    additional: Math.max(0, required - observed),
    sdUsed,
    sdSource,
    confidence,
    criticalValue: tCriticalValue(confidence, required - 1),
  };
}

function chooseSd({ sd, n, priorSd }: EvaluationsNeededInput): Pick<EvaluationsNeeded, 'sdUsed' | 'sdSource'> {
  if (sd !== null && sd !== undefined && (n === undefined || n >= 2)) {
    if (!(sd >= 0) || !Number.isFinite(sd)) throw new RangeError(`sd must be a non-negative number, got ${sd}`);
    return { sdUsed: sd, sdSource: 'sample' };
  }
  if (priorSd === undefined) throw new RangeError('priorSd is needed when fewer than two evaluations give no sample sd');
  if (!(priorSd >= 0) || !Number.isFinite(priorSd)) throw new RangeError(`priorSd must be a non-negative number, got ${priorSd}`);
  return { sdUsed: priorSd, sdSource: 'prior' };
}
