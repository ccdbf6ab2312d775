import { StoredTalkFacts, StoredTranscriptSegment, TranscriptSpeaker } from '@callgrade/database';

/**
 * Talk-time facts derived from segment times, for transcripts supplied by the phone system (no
 * audio analysis): talk per speaker, the longest stretch nobody speaks, and time both speak at once.
 */
export function talkFactsFromSegments(segments: StoredTranscriptSegment[], durationMs: number): StoredTalkFacts {
  const talkMs: Record<TranscriptSpeaker, number> = { agent: 0, customer: 0, unknown: 0 };
  for (const speaker of Object.keys(talkMs) as TranscriptSpeaker[]) {
    talkMs[speaker] = totalLength(mergeIntervals(segments.filter((s) => s.speaker === speaker)));
  }
  const agent = mergeIntervals(segments.filter((s) => s.speaker === 'agent'));
  const customer = mergeIntervals(segments.filter((s) => s.speaker === 'customer'));
  let overlapMs = 0;
  for (const a of agent) for (const c of customer) overlapMs += Math.max(0, Math.min(a.endMs, c.endMs) - Math.max(a.startMs, c.startMs));

  const anyone = mergeIntervals(segments);
  let longestSilenceMs = 0;
  let longestSilenceStartMs = 0;
  let cursor = 0;
  for (const interval of [...anyone, { startMs: durationMs, endMs: durationMs }]) {
    if (interval.startMs - cursor > longestSilenceMs) {
      longestSilenceMs = interval.startMs - cursor;
      longestSilenceStartMs = cursor;
    }
    cursor = Math.max(cursor, interval.endMs);
  }
  return { durationMs, talkMs, longestSilenceMs, longestSilenceStartMs, overlapMs };
}

interface Interval {
  startMs: number;
  endMs: number;
}

function mergeIntervals(items: Interval[]): Interval[] {
  const sorted = items.map((i) => ({ startMs: i.startMs, endMs: i.endMs })).sort((a, b) => a.startMs - b.startMs);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.startMs <= last.endMs) last.endMs = Math.max(last.endMs, i.endMs);
    else out.push(i);
  }
  return out;
}

const totalLength = (intervals: Interval[]) => intervals.reduce((sum, i) => sum + (i.endMs - i.startMs), 0);
