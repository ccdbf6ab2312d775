import type { TranscriptSegment } from './transcript-segment';

/** One conversation from each channel's segments, ordered by when they start. */
export function mergeSpeakers(...channels: ReadonlyArray<readonly TranscriptSegment[]>): TranscriptSegment[] {
  return channels.flat().sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
}
