import type { TranscriptSegment } from '@callgrade/transcript-model';

/** One conversation from each channel's segments, ordered by when they start. */
export function mergeSpeakers<S extends TranscriptSegment>(...channels: ReadonlyArray<readonly S[]>): S[] {
  return channels.flat().sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
}
