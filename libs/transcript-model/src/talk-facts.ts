import { SPEAKERS, SpeechInterval, TalkFacts } from './transcript';

interface Interval {
  startMs: number;
  endMs: number;
}

/**
 * Talk per speaker, the longest silence and the overlap of a call, from when each speaker spoke.
 *
 * The longest silence is counted only between the first and the last speech: the ringing and line
 * noise before anyone speaks and the seconds after the goodbye are not dead air the agent left the
 * customer in, which is what the `no_long_silence` check is about. A supervisor listening to the call
 * would not count them either.
 */
export function talkFacts(speech: readonly SpeechInterval[], durationMs: number): TalkFacts {
  const bySpeaker = SPEAKERS.map((speaker) => mergeIntervals(speech.filter((s) => s.speaker === speaker)));
  const talkMs = { agent: totalLength(bySpeaker[0]), customer: totalLength(bySpeaker[1]), unknown: totalLength(bySpeaker[2]) };
  const silence = longestInnerGap(mergeIntervals(speech));
  return { durationMs, talkMs, longestSilenceMs: silence.lengthMs, longestSilenceStartMs: silence.startMs, overlapMs: overlapOfSpeakers(bySpeaker) };
}

function longestInnerGap(anyone: Interval[]): { startMs: number; lengthMs: number } {
  let best = { startMs: 0, lengthMs: 0 };
  for (let i = 1; i < anyone.length; i++) {
    const gap = anyone[i].startMs - anyone[i - 1].endMs;
    if (gap > best.lengthMs) best = { startMs: anyone[i - 1].endMs, lengthMs: gap };
  }
  return best;
}

/** Time covered by at least two of the speakers' (already merged) intervals. */
function overlapOfSpeakers(bySpeaker: Interval[][]): number {
  const edges = bySpeaker.flat().flatMap((i) => [
    { atMs: i.startMs, delta: 1 },
    { atMs: i.endMs, delta: -1 },
  ]);
  edges.sort((a, b) => a.atMs - b.atMs || a.delta - b.delta);
  let talking = 0;
  let overlapMs = 0;
  let previousMs = 0;
  for (const edge of edges) {
    if (talking >= 2) overlapMs += edge.atMs - previousMs;
    talking += edge.delta;
    previousMs = edge.atMs;
  }
  return overlapMs;
}

function mergeIntervals(items: readonly Interval[]): Interval[] {
  const sorted = items.map((i) => ({ startMs: i.startMs, endMs: i.endMs })).sort((a, b) => a.startMs - b.startMs);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.startMs <= last.endMs) last.endMs = Math.max(last.endMs, i.endMs);
    else out.push(i);
  }
  return out;
}

const totalLength = (intervals: readonly Interval[]) => intervals.reduce((sum, i) => sum + (i.endMs - i.startMs), 0);
