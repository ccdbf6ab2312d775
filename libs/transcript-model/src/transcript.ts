/** Who speaks: on a stereo call each channel is one side; on a mono call nobody can tell (`unknown`). */
export type Speaker = 'agent' | 'customer' | 'unknown';

export const SPEAKERS: readonly Speaker[] = ['agent', 'customer', 'unknown'];

/** Which side of a stereo recording holds the agent; 'mono' means one channel with everyone. */
export type ChannelLayout = 'mono' | 'agent-left' | 'agent-right';

export interface TranscriptWord {
  text: string;
  startMs: number;
  endMs: number;
  /** 0..1 */
  confidence: number;
}

/** One stretch of one speaker's speech: what a recogniser produces, a phone system supplies and the database stores. */
export interface TranscriptSegment {
  speaker: Speaker;
  startMs: number;
  endMs: number;
  text: string;
  /** Mean confidence of the words, 0..1. */
  confidence: number;
  /** Absent when the recogniser gave no word timings; times are then spread evenly over the text. */
  words?: TranscriptWord[];
}

export type Transcript = readonly TranscriptSegment[];

/** A time someone was speaking, from a transcript's segments or from voice activity in the audio. */
export interface SpeechInterval {
  speaker: Speaker;
  startMs: number;
  endMs: number;
}

/** What the talk-time checks read, the same whoever transcribed the call. */
export interface TalkFacts {
  durationMs: number;
  talkMs: Record<Speaker, number>;
  /** Longest time nobody speaks between the first and the last speech; 0 when there is no such gap. */
  longestSilenceMs: number;
  longestSilenceStartMs: number;
  /** Time during which two or more speakers talk at once. */
  overlapMs: number;
}
