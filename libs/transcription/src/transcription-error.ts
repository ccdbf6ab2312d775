export type TranscriptionErrorCode =
  | 'no_engine'
  | 'engine_missing'
  | 'model_missing'
  | 'model_invalid'
  | 'engine_failed'
  | 'timeout'
  | 'aborted'
  | 'unparsable_output'
  | 'undecodable_audio'
  | 'channel_mismatch'
  | 'invalid_audio'
  | 'unsupported_language';

/** Every failure of this lib, with a code a worker can branch on and a reason a person can act on. */
export class TranscriptionError extends Error {
  constructor(
    readonly code: TranscriptionErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TranscriptionError';
  }
}
