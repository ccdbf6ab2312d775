import { AudioFacts } from './audio-facts';

/** Reads one container format from its first byte on, a chunk at a time. */
export interface ContainerParser {
  /** Throws AudioProbeError as soon as the bytes can no longer be valid audio. */
  push(chunk: Buffer): void;
  finish(): AudioFacts;
  readonly retainedBytes: number;
}
