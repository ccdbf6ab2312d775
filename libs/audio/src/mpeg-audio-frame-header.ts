export interface MpegAudioFrameHeader {
  /** 1 for MPEG-1, 2 for MPEG-2, 2.5 for MPEG-2.5. */
  version: 1 | 2 | 2.5;
  layer: 1 | 2 | 3;
  sampleRate: number;
  channels: 1 | 2;
  frameLength: number;
  samplesPerFrame: number;
}

export const MPEG_HEADER_LENGTH = 4;

const VERSIONS = [2.5, undefined, 2, 1] as const;
const LAYERS = [undefined, 3, 2, 1] as const;
const SAMPLE_RATES: Record<1 | 2 | 2.5, number[]> = {
  1: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  2.5: [11025, 12000, 8000],
};
// kbit/s by bitrate index 1..14; index 0 ("free format") and 15 are refused.
const MPEG1_BITRATES = {
  1: [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  2: [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  3: [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
};
const MPEG2_BITRATES = {
  1: [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  2: [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  3: [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};

/** Decodes the 4-byte MPEG audio frame header at `offset`, or undefined if those bytes cannot be one. */
export function readMpegAudioFrameHeader(bytes: Buffer, offset: number): MpegAudioFrameHeader | undefined {
  if (offset + MPEG_HEADER_LENGTH > bytes.length) return undefined;
  const b1 = bytes[offset + 1];
  const b2 = bytes[offset + 2];
  if (bytes[offset] !== 0xff || (b1 & 0xe0) !== 0xe0) return undefined;
  const version = VERSIONS[(b1 >> 3) & 3];
  const layer = LAYERS[(b1 >> 1) & 3];
  const bitrateIndex = b2 >> 4;
  const sampleRateIndex = (b2 >> 2) & 3;
  const emphasis = bytes[offset + 3] & 3;
  if (!version || !layer || bitrateIndex === 0 || bitrateIndex === 15 || sampleRateIndex === 3 || emphasis === 2) {
    return undefined;
  }
  const bitrate = (version === 1 ? MPEG1_BITRATES : MPEG2_BITRATES)[layer][bitrateIndex - 1] * 1000;
  const sampleRate = SAMPLE_RATES[version][sampleRateIndex];
  const padding = (b2 >> 1) & 1;
  const channels = bytes[offset + 3] >> 6 === 3 ? 1 : 2;
  return { version, layer, sampleRate, channels, ...frameSize(version, layer, bitrate, sampleRate, padding) };
}

function frameSize(
  version: 1 | 2 | 2.5,
  layer: 1 | 2 | 3,
  bitrate: number,
  sampleRate: number,
  padding: number,
): { frameLength: number; samplesPerFrame: number } {
  if (layer === 1) {
    return { frameLength: (Math.floor((12 * bitrate) / sampleRate) + padding) * 4, samplesPerFrame: 384 };
  }
  if (layer === 2 || version === 1) {
    return { frameLength: Math.floor((144 * bitrate) / sampleRate) + padding, samplesPerFrame: 1152 };
  }
  return { frameLength: Math.floor((72 * bitrate) / sampleRate) + padding, samplesPerFrame: 576 };
}

/** Frames of one stream keep their version, layer, rate and channel count; only the bitrate may change. */
export function isSameMpegStream(a: MpegAudioFrameHeader, b: MpegAudioFrameHeader): boolean {
  return a.version === b.version && a.layer === b.layer && a.sampleRate === b.sampleRate && a.channels === b.channels;
}

export function mpegCodecName(layer: 1 | 2 | 3): string {
  return `mp${layer}`;
}
