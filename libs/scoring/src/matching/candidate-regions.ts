import { AlignmentRun } from './align-phrase';
import { PhraseVariant } from './compiled-phrase';
import { TypePostings } from './transcript-index';

/** A run worth aligning, with the best score any alignment starting in it could reach. */
export interface CandidateRegion extends AlignmentRun {
  bound: number;
}

export interface Candidates {
  /** Merged regions whose bound reaches the cutoff, in list order. */
  regions: CandidateRegion[];
  /** The single most promising window, whatever its bound; undefined when no phrase word occurs. */
  best: CandidateRegion | undefined;
}

// Scratch: credit per list position (kept all-zero between calls) and the positions touched.
let credit = new Float64Array(1024);
let anchors = new Int32Array(256);

function pushAnchor(count: number, position: number): number {
  if (count === anchors.length) {
    const grown = new Int32Array(anchors.length * 2);
    grown.set(anchors);
    anchors = grown;
  }
  anchors[count] = position;
  return count + 1;
}

function collect(
  offsets: Int32Array,
  positions: Int32Array,
  similarities: Float64Array | undefined,
  type: number,
  weight: number,
  lo: number,
  hi: number,
  count: number,
): number {
  if (type + 1 >= offsets.length) return count;
  for (let at = offsets[type], end = offsets[type + 1]; at < end; at++) {
    const p = positions[at];
    if (p < lo) continue;
    if (p >= hi) break;
    const c = similarities ? similarities[at] * weight : 1;
    if (credit[p] === 0) count = pushAnchor(count, p);
    if (c > credit[p]) credit[p] = c;
  }
  return count;
}

/**
 * Where in list positions `lo..hi` the phrase may occur. Each position holding a phrase word (or the
 * first half of a split one) earns the credit it could add to an alignment; an alignment starting at
 * an anchor lies within the next `span` positions, so the credits there bound its score. Only windows
 * whose bound reaches `cutoff` are returned, merged where they overlap.
 */
export function findCandidates(variant: PhraseVariant, postings: TypePostings, listLength: number, lo: number, hi: number, cutoff: number): Candidates {
  if (credit.length < listLength) credit = new Float64Array(listLength * 2);
  let count = 0;
  for (let a = 0; a < variant.anchorTypes.length; a++) {
    const type = variant.anchorTypes[a];
    count = collect(postings.offsets, postings.positions, postings.similarities, type, variant.anchorWeights[a], lo, hi, count);
    count = collect(postings.prefixOffsets, postings.prefixPositions, undefined, type, 1, lo, hi, count);
  }
  const sorted = anchors.subarray(0, count).sort();

  const n = variant.typeIds.length;
  const regions: CandidateRegion[] = [];
  let best: CandidateRegion | undefined;
  let right = 0;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const start = sorted[i];
    while (right < count && sorted[right] < start + variant.span) sum += credit[sorted[right++]];
    const bound = Math.min(sum, n) / n;
    const to = Math.min(sorted[right - 1] + 1, hi - 1);
    if (!best || bound > best.bound) best = { from: start, to, bound };
    if (bound >= cutoff) {
      const last = regions[regions.length - 1];
      if (last && start <= last.to) {
        last.to = Math.max(last.to, to);
        last.bound = Math.max(last.bound, bound);
      } else regions.push({ from: start, to, bound });
    }
    sum -= credit[start];
  }
  for (let i = 0; i < count; i++) credit[sorted[i]] = 0;
  return { regions, best };
}
