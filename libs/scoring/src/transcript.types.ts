export type Speaker = 'agent' | 'customer' | 'unknown';

export interface TranscriptWord {
  text: string;
  startMs: number;
  endMs: number;
  confidence: number;
}

export interface TranscriptSegment {
  speaker: Speaker;
  startMs: number;
  endMs: number;
  text: string;
  confidence: number;
  /** Absent when the recogniser gave no word timings; times are then spread evenly over the text. */
  words?: TranscriptWord[];
}

export type Transcript = readonly TranscriptSegment[];

export interface TalkFacts {
  talkMs: Record<Speaker, number>;
  longestSilenceMs: number;
  longestSilenceStartMs: number;
  overlapMs: number;
  durationMs: number;
}

/** A stretch of the transcript that justifies a result. */
export interface Evidence {
  speaker: Speaker;
  startMs: number;
  endMs: number;
  text: string;
}

export const SPEAKERS: readonly Speaker[] = ['agent', 'customer', 'unknown'];
