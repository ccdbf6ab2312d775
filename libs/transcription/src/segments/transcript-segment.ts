import type { Speaker } from '../audio/speaker';
import type { RecognizedWord } from '../transcriber';

export interface TranscriptSegment {
  speaker: Speaker;
  startMs: number;
  endMs: number;
  text: string;
  /** Mean confidence of the words, 0..1. */
  confidence: number;
  words: RecognizedWord[];
}
