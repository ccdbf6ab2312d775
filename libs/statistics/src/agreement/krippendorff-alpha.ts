import { isMissing, MaybeRating, Rating } from './rating';

/** Level of measurement: how much worse is it when two raters answer c and k instead of the same? */
export type AlphaMetric = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export interface KrippendorffAlphaOptions {
  metric: AlphaMetric;
  /** Ordinal only: the rating labels from lowest to highest. Without it, ordinal ratings must be numbers. */
  order?: readonly Rating[];
}

export interface KrippendorffAlphaResult {
  /** null when it is undefined: fewer than two pairable values, or no variation to disagree about. */
  alpha: number | null;
  metric: AlphaMetric;
  /** Units rated by at least two raters; the others carry no information about agreement. */
  pairableUnits: number;
  pairableValues: number;
  observedDisagreement: number;
  expectedDisagreement: number;
}

/**
 * Krippendorff's alpha over `units[u][r]`, the rating rater r gave unit u (missing allowed), following
 * Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability": build the coincidence matrix from
 * pairable values, then alpha = 1 - (n - 1) * sum(o_ck * d_ck) / sum(n_c * n_k * d_ck).
 */
export function krippendorffAlpha(units: readonly (readonly MaybeRating[])[], options: KrippendorffAlphaOptions): KrippendorffAlphaResult {
  const { metric } = options;
  const values = distinctValues(units, options);
  const indexOf = new Map(values.map((value, i) => [value, i]));
  const size = values.length;

  const coincidences = new Float64Array(size * size);
  const unitCounts = new Float64Array(size);
  const touched: number[] = [];
  let pairableUnits = 0;
  for (const unit of units) {
    touched.length = 0;
    let pairable = 0;
    for (const rating of unit) {
      if (isMissing(rating)) continue;
      const c = indexOf.get(rating)!;
      if (unitCounts[c] === 0) touched.push(c);
      unitCounts[c]++;
      pairable++;
    }
    if (pairable >= 2) {
      pairableUnits++;
      for (const c of touched) {
        for (const k of touched) {
          const pairs = c === k ? unitCounts[c] * (unitCounts[c] - 1) : unitCounts[c] * unitCounts[k];
          coincidences[c * size + k] += pairs / (pairable - 1);
        }
      }
    }
    for (const c of touched) unitCounts[c] = 0;
  }

  const marginals = new Float64Array(size);
  let n = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) marginals[c] += coincidences[c * size + k];
    n += marginals[c];
  }

  const distance = distanceFunction(metric, values, marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const d = distance(c, k);
      observed += coincidences[c * size + k] * d;
      expected += marginals[c] * marginals[k] * d;
    }
  }
  const observedDisagreement = n > 0 ? observed / n : 0;
  const expectedDisagreement = n > 1 ? expected / (n * (n - 1)) : 0;
  const alpha = expectedDisagreement > 0 ? 1 - observedDisagreement / expectedDisagreement : null;
  return { alpha, metric, pairableUnits, pairableValues: Math.round(n), observedDisagreement, expectedDisagreement };
}

/** Distinct ratings, sorted from lowest to highest when the metric needs an order. */
function distinctValues(units: readonly (readonly MaybeRating[])[], options: KrippendorffAlphaOptions): Rating[] {
  const seen = new Set<Rating>();
  for (const unit of units) for (const rating of unit) if (!isMissing(rating)) seen.add(rating);
  const values = [...seen];
  if (options.metric === 'nominal') return values;

  if (options.metric === 'ordinal' && options.order) {
    const rank = new Map(options.order.map((label, i) => [label, i]));
    for (const value of values) {
      if (!rank.has(value)) throw new RangeError(`rating ${String(value)} is not in the ordinal order`);
    }
    return values.sort((a, b) => rank.get(a)! - rank.get(b)!);
  }
  for (const value of values) {
    if (typeof value !== 'number') throw new TypeError(`${options.metric} alpha needs numeric ratings, got ${JSON.stringify(value)}`);
    if (options.metric === 'ratio' && value < 0) throw new RangeError(`ratio alpha needs non-negative ratings, got ${value}`);
  }
  return (values as number[]).sort((a, b) => a - b);
}

/** Squared difference function delta²(c, k) over value indexes, per Krippendorff (2011). */
function distanceFunction(metric: AlphaMetric, values: readonly Rating[], marginals: Float64Array): (c: number, k: number) => number {
  switch (metric) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'interval': {
      const v = values as readonly number[];
      return (c, k) => (v[c] - v[k]) ** 2;
    }
    case 'ratio': {
      const v = values as readonly number[];
      return (c, k) => (v[c] + v[k] === 0 ? 0 : ((v[c] - v[k]) / (v[c] + v[k])) ** 2);
    }
    case 'ordinal': {
      // Distance between ranks c < k counts the values observed from c to k, halving the two end points.
      const cumulative = new Float64Array(marginals.length + 1);
      for (let g = 0; g < marginals.length; g++) cumulative[g + 1] = cumulative[g] + marginals[g];
      return (c, k) => {
        if (c === k) return 0;
        const [low, high] = c < k ? [c, k] : [k, c];
        const between = cumulative[high + 1] - cumulative[low] - (marginals[low] + marginals[high]) / 2;
        return between * between;
      };
    }
  }
}
