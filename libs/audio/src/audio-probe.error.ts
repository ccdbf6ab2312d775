export type AudioProbeErrorCode = 'empty' | 'not_audio' | 'truncated' | 'unsupported';

/** Why a recording was refused; the message is meant to be shown to the person who uploaded it. */
export class AudioProbeError extends Error {
  override readonly name = 'AudioProbeError';

  constructor(
    readonly code: AudioProbeErrorCode,
    message: string,
  ) {
    super(message);
  }
}
