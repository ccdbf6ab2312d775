import { compareCodeUnits } from './eligible-calls.filter';

const MAX_EXACT_INTEGER = 2 ** 53;

/**
 * Orders positions by start time, then call id, so the order never depends on input order.
 * Scratch space is sized once for the largest agent and reused.
 *
 * A comparator callback costs a function call per comparison, which dominates for a million calls.
 * Instead each position j is packed with its start offset into one exact integer double
 * (offset * 2^k + j) and sorted natively; only runs of equal start times are re-sorted by id.
 * Falls back to the comparator when offsets are fractional or too large to pack exactly.
 */
export class ChronologicalSorter {
  private readonly keys: Float64Array;

  constructor(
    maxCount: number,
    private readonly origin: number,
  ) {
    this.keys = new Float64Array(maxCount);
  }

  /** Writes into `order` the positions begin..end-1, sorted. */
  sort(order: Int32Array, begin: number, startTimes: Float64Array, idAt: (position: number) => string): void {
    const count = order.length;
    let slots = 1;
    while (slots < count) slots *= 2;
    const keys = this.keys.subarray(0, count);
    let packable = true;
    for (let j = 0; j < count; j++) {
      const offset = startTimes[begin + j] - this.origin;
      if (!Number.isInteger(offset) || offset < 0 || (offset + 1) * slots > MAX_EXACT_INTEGER) {
        packable = false;
        break;
      }
      keys[j] = offset * slots + j;
    }
    if (!packable) {
      for (let j = 0; j < count; j++) order[j] = begin + j;
      order.sort((a, b) => startTimes[a] - startTimes[b] || compareCodeUnits(idAt(a), idAt(b)));
      return;
    }
    keys.sort();
    for (let j = 0; j < count; j++) order[j] = begin + (keys[j] % slots);

    let runStart = 0;
    for (let j = 1; j <= count; j++) {
      if (j < count && startTimes[order[j]] === startTimes[order[runStart]]) continue;
      if (j - runStart > 1) order.subarray(runStart, j).sort((a, b) => compareCodeUnits(idAt(a), idAt(b)));
      runStart = j;
    }
  }
}
