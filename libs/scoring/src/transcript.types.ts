import type { Speaker } from '@callgrade/transcript-model';

export type { Speaker, TalkFacts, Transcript, TranscriptSegment, TranscriptWord } from '@callgrade/transcript-model';
export { SPEAKERS } from '@callgrade/transcript-model';

/** A stretch of the transcript that justifies a result. */
export interface Evidence {
  speaker: Speaker;
  startMs: number;
  endMs: number;
  text: string;
}
