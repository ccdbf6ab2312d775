export interface Spread {
  n: number;
  min: number;
  max: number;
  range: number;
  mean: number;
  /** Sample standard deviation (n - 1 denominator); null below two values. */
  sd: number | null;
}

export function mean(values: readonly number[]): number {
  return spread(values).mean;
}

/** Sample variance (n - 1 denominator); null below two values. */
export function sampleVariance(values: readonly number[]): number | null {
  const { n, sd } = spread(values);
  return n < 2 || sd === null ? null : sd * sd;
}

export function sampleStandardDeviation(values: readonly number[]): number | null {
  return spread(values).sd;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError('spread of an empty sample is undefined');
  let min = Infinity;
  let max = -Infinity;
  // Welford's update keeps the variance accurate when values are large and close together.
  let runningMean = 0;
  let sumOfSquares = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!Number.isFinite(value)) throw new RangeError(`sample value at index ${i} is not a finite number: ${value}`);
    if (value < min) min = value;
    if (value > max) max = value;
    const delta = value - runningMean;
    runningMean += delta / (i + 1);
    sumOfSquares += delta * (value - runningMean);
  }
  const n = values.length;
  return { n, min, max, range: max - min, mean: runningMean, sd: n < 2 ? null : Math.sqrt(sumOfSquares / (n - 1)) };
}
