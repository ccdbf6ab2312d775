import { AudioProbeError } from './audio-probe.error';

export interface FlacStreamInfo {
  minBlockSize: number;
  sampleRate: number;
  channels: number;
  /** 0 when the encoder did not know it (e.g. it wrote to a pipe). */
  totalSamples: number;
}

export const FLAC_STREAMINFO_LENGTH = 34;

/** Decodes the body of a STREAMINFO metadata block. */
export function readFlacStreamInfo(body: Buffer): FlacStreamInfo {
  if (body.length < FLAC_STREAMINFO_LENGTH) {
    throw new AudioProbeError('not_audio', `FLAC STREAMINFO block is ${body.length} bytes, expected ${FLAC_STREAMINFO_LENGTH}`);
  }
  // Bytes 10..17 pack: sample rate (20 bits), channels - 1 (3), bits per sample - 1 (5), total samples (36).
  const packed = body.readBigUInt64BE(10);
  const sampleRate = Number(packed >> 44n);
  const channels = Number((packed >> 41n) & 0x7n) + 1;
  const totalSamples = Number(packed & 0xfffffffffn);
  if (sampleRate === 0) throw new AudioProbeError('not_audio', 'FLAC STREAMINFO declares a sample rate of 0 Hz');
  return { minBlockSize: body.readUInt16BE(0), sampleRate, channels, totalSamples };
}
