import type { RecognizedWord } from '../transcriber';

export interface WhisperSegment {
  startMs: number;
  endMs: number;
  text: string;
  /** Mean token probability; absent when read from console output, which has none. */
  confidence?: number;
}

/** Used when whisper gave no probabilities: neither trusted nor flagged. */
export const UNKNOWN_CONFIDENCE = 0.5;

/**
 * Words from segments. With `-ml 1` most segments hold one word, but punctuation comes as its own
 * segment (",") and longer segments hold several words, which share the segment's time by length.
 */
export function whisperSegmentsToWords(segments: readonly WhisperSegment[]): RecognizedWord[] {
  const words: RecognizedWord[] = [];
  for (const segment of segments) {
    const tokens = segment.text
      .trim()
      .split(/\s+/)
      .filter((token) => token && !isAnnotation(token));
    const confidence = segment.confidence ?? UNKNOWN_CONFIDENCE;
    const totalLetters = tokens.reduce((sum, token) => sum + token.length, 0);
    let cursor = segment.startMs;
    for (const token of tokens) {
      const previous = words[words.length - 1];
      if (isPunctuation(token) && previous) {
        previous.text += token;
        continue;
      }
      const share = Math.round(((segment.endMs - segment.startMs) * token.length) / Math.max(1, totalLetters));
      words.push({ text: token, startMs: cursor, endMs: Math.min(segment.endMs, cursor + share), confidence });
      cursor += share;
    }
  }
  return words;
}

function isPunctuation(token: string): boolean {
  return /^[\p{P}]+$/u.test(token);
}

/** "[BLANK_AUDIO]", "[Music]", "(laughs)": whisper's notes about the audio, not speech. */
function isAnnotation(token: string): boolean {
  return /^[[(].*[\])]$/.test(token);
}
