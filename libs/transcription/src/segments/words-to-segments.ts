import type { Speaker, TranscriptSegment } from '@callgrade/transcript-model';
import type { RecognizedWord } from '../transcriber';

/** A segment the recogniser made: its words and their times are always there. */
export type RecognisedSegment = TranscriptSegment & { words: RecognizedWord[] };

export interface SegmentOptions {
  /** A pause longer than this between two words starts a new segment. */
  maxGapMs: number;
}

export const DEFAULT_MAX_GAP_MS = 800;

/** Groups one speaker's words into segments, split where they paused. */
export function wordsToSegments(
  words: readonly RecognizedWord[],
  speaker: Speaker,
  options: SegmentOptions = { maxGapMs: DEFAULT_MAX_GAP_MS },
): RecognisedSegment[] {
  const groups: RecognizedWord[][] = [];
  for (const word of [...words].sort((a, b) => a.startMs - b.startMs)) {
    const current = groups[groups.length - 1];
    const previous = current?.[current.length - 1];
    if (previous && word.startMs - previous.endMs <= options.maxGapMs) current.push(word);
    else groups.push([word]);
  }
  return groups.map((group) => ({
    speaker,
    startMs: group[0].startMs,
    endMs: Math.max(...group.map((word) => word.endMs)),
    text: group.map((word) => word.text).join(' '),
    confidence: group.reduce((sum, word) => sum + word.confidence, 0) / group.length,
    words: group,
  }));
}
