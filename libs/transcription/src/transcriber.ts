import type { TranscriptWord } from '@callgrade/transcript-model';

/** A word as an engine recognised it, with its time in the channel. */
export type RecognizedWord = TranscriptWord;

export interface TranscribeInput {
  /** 16 kHz mono signed 16-bit WAV. */
  wavPath: string;
  language?: string;
  /** Company, product and agent names the recogniser should be able to produce. */
  vocabulary?: string[];
  /**
   * Sample rate of the recording before it was resampled to 16 kHz. Telephone audio (8 kHz) has
   * nothing above 4 kHz, which an engine may need to compensate for.
   */
  sourceSampleRate?: number;
}

export interface TranscribeOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface Transcriber {
  readonly engineName: string;
  transcribe(input: TranscribeInput, options?: TranscribeOptions): Promise<RecognizedWord[]>;
}
