import { TranscriptionError } from '../transcription-error';
import type { WhisperSegment } from './whisper-segment';

interface WhisperJsonToken {
  text?: string;
  p?: number;
}

interface WhisperJsonSegment {
  offsets?: { from?: number; to?: number };
  text?: string;
  tokens?: WhisperJsonToken[];
}

/** Reads the file written by whisper.cpp's `--output-json-full`; offsets are in milliseconds. */
export function parseWhisperJson(json: string): WhisperSegment[] {
  let document: { transcription?: WhisperJsonSegment[] };
  try {
    document = JSON.parse(json) as typeof document;
  } catch (error) {
    throw new TranscriptionError('unparsable_output', `whisper JSON output is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!Array.isArray(document.transcription)) {
    throw new TranscriptionError('unparsable_output', 'whisper JSON output has no "transcription" list');
  }
  return document.transcription
    .filter((segment) => typeof segment.offsets?.from === 'number' && typeof segment.offsets.to === 'number')
    .map((segment) => ({
      startMs: segment.offsets?.from ?? 0,
      endMs: segment.offsets?.to ?? 0,
      text: (segment.text ?? '').trim(),
      confidence: meanTextTokenProbability(segment.tokens ?? []),
    }))
    .filter((segment) => segment.text.length > 0);
}

// Special tokens ([_BEG_], [_TT_150], <|endoftext|>) carry timing, not words.
function meanTextTokenProbability(tokens: readonly WhisperJsonToken[]): number | undefined {
  const probabilities = tokens
    .filter((token) => typeof token.p === 'number' && !/^(\[_.*\]|<\|.*\|>)$/.test(token.text ?? ''))
    .map((token) => Math.min(1, Math.max(0, token.p as number)));
  if (probabilities.length === 0) return undefined;
  return probabilities.reduce((sum, p) => sum + p, 0) / probabilities.length;
}
