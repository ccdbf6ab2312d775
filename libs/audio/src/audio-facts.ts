export type AudioContainer = 'wav' | 'mp3' | 'ogg' | 'flac';

/** What a recording really is, read from its bytes. */
export interface AudioFacts {
  container: AudioContainer;
  /** ffmpeg's codec name: 'pcm_s16le', 'pcm_alaw', 'pcm_mulaw', 'mp3', 'opus', 'vorbis', 'flac', ... */
  codec: string;
  /** Whole milliseconds, rounded to the nearest. */
  durationMs: number;
  channels: number;
  /** For Opus, the rate of the original input as the encoder recorded it (48000 when not recorded). */
  sampleRate: number;
}

export function samplesToMs(samples: number, sampleRate: number): number {
  return Math.round((samples * 1000) / sampleRate);
}
