import type { SeededRandom } from '@callgrade/statistics';

export interface StratifiedPick {
  position: number;
  stratum: number;
  /** The empty stratum this pick stands in for, or null. */
  filledForStratum: number | null;
}

/**
 * Splits [periodStart, periodEnd) into `strata` equal slices; bounds[s] .. bounds[s + 1] is stratum s.
 * Integer milliseconds keep the edges exact, so a call is never in two strata.
 */
export function stratumBounds(periodStart: number, periodEnd: number, strata: number): Float64Array {
  const bounds = new Float64Array(strata + 1);
  for (let s = 0; s <= strata; s++) bounds[s] = periodStart + Math.floor((s * (periodEnd - periodStart)) / strata);
  return bounds;
}

/**
 * One call chosen at random in each time stratum, so an agent's reviews spread over the period.
 * A stratum without calls borrows from the nearest stratum that still has calls left (the fuller one
 * when two are equally near, the earlier one on a tie). With no more calls than strata, all are taken.
 *
 * Positions begin..end-1 must be in start-time order and within the bounds; picks are marked in `picked`.
 */
export function pickStratified(
  begin: number,
  end: number,
  startTimes: Float64Array,
  bounds: Float64Array,
  random: SeededRandom,
  picked: Uint8Array,
): StratifiedPick[] {
  const strata = bounds.length - 1;
  if (strata === 0 || end === begin) return [];

  const stratumEnd = new Int32Array(strata);
  let position = begin;
  for (let s = 0; s < strata; s++) {
    while (position < end && startTimes[position] < bounds[s + 1]) position++;
    stratumEnd[s] = position;
  }
  const stratumBegin = (s: number) => (s === 0 ? begin : stratumEnd[s - 1]);

  const picks: StratifiedPick[] = [];
  if (end - begin <= strata) {
    for (let s = 0; s < strata; s++) {
      for (let p = stratumBegin(s); p < stratumEnd[s]; p++) {
        picked[p] = 1;
        picks.push({ position: p, stratum: s, filledForStratum: null });
      }
    }
    return picks;
  }

  const remaining = new Int32Array(strata);
  for (let s = 0; s < strata; s++) remaining[s] = stratumEnd[s] - stratumBegin(s);
  const take = (stratum: number, filledForStratum: number | null) => {
    // The n-th call not yet picked in the stratum, for a uniformly random n.
    let skip = random.nextInt(remaining[stratum]);
    let p = stratumBegin(stratum);
    for (; ; p++) {
      if (picked[p]) continue;
      if (skip === 0) break;
      skip--;
    }
    picked[p] = 1;
    remaining[stratum]--;
    picks.push({ position: p, stratum, filledForStratum });
  };

  const emptyStrata: number[] = [];
  for (let s = 0; s < strata; s++) {
    if (remaining[s] > 0) take(s, null);
    else emptyStrata.push(s);
  }
  for (const empty of emptyStrata) take(nearestWithCallsLeft(empty, remaining), empty);
  return picks;
}

function nearestWithCallsLeft(stratum: number, remaining: Int32Array): number {
  for (let distance = 1; distance < remaining.length; distance++) {
    const before = stratum - distance;
    const after = stratum + distance;
    const left = before >= 0 ? remaining[before] : 0;
    const right = after < remaining.length ? remaining[after] : 0;
    if (left > 0 || right > 0) return right > left ? after : before;
  }
  // Unreachable while there are more calls than strata.
  throw new Error(`no stratum has calls left to fill stratum ${stratum}`);
}
