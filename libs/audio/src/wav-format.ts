import { AudioProbeError } from './audio-probe.error';

export interface WavFormat {
  codec: string;
  channels: number;
  sampleRate: number;
  byteRate: number;
  blockAlign: number;
  /** Every block holds exactly one sample per channel, so the byte count gives the duration exactly. */
  isPcmLike: boolean;
}

const WAVE_FORMAT_EXTENSIBLE = 0xfffe;
/** KSDATAFORMAT_SUBTYPE_* GUIDs are the old format tag followed by these 14 bytes. */
const SUBTYPE_GUID_TAIL = Buffer.from('000000001000800000aa00389b71', 'hex');

const PCM_CODECS: Record<number, Record<number, string>> = {
  0x0001: { 1: 'pcm_u8', 2: 'pcm_s16le', 3: 'pcm_s24le', 4: 'pcm_s32le' },
  0x0003: { 4: 'pcm_f32le', 8: 'pcm_f64le' },
  0x0006: { 1: 'pcm_alaw' },
  0x0007: { 1: 'pcm_mulaw' },
};

/** Compressed formats seen in telephony archives; their duration comes from the fact chunk or byte rate. */
const COMPRESSED_CODECS: Record<number, string> = {
  0x0002: 'adpcm_ms',
  0x0011: 'adpcm_ima_wav',
  0x0031: 'gsm_ms',
  0x0055: 'mp3',
};

export function readWavFormat(fmt: Buffer): WavFormat {
  if (fmt.length < 16) {
    throw new AudioProbeError('not_audio', `WAV fmt chunk is ${fmt.length} bytes, too short to describe audio`);
  }
  let formatTag = fmt.readUInt16LE(0);
  const channels = fmt.readUInt16LE(2);
  const sampleRate = fmt.readUInt32LE(4);
  const byteRate = fmt.readUInt32LE(8);
  const blockAlign = fmt.readUInt16LE(12);
  if (channels === 0 || sampleRate === 0 || blockAlign === 0) {
    throw new AudioProbeError('not_audio', `WAV fmt chunk is invalid (${channels} channels, ${sampleRate} Hz, block size ${blockAlign})`);
  }
  if (formatTag === WAVE_FORMAT_EXTENSIBLE) formatTag = readSubFormat(fmt);

  const bytesPerSample = blockAlign / channels;
  const pcmCodec = PCM_CODECS[formatTag]?.[bytesPerSample];
  if (pcmCodec) return { codec: pcmCodec, channels, sampleRate, byteRate, blockAlign, isPcmLike: true };

  const compressedCodec = COMPRESSED_CODECS[formatTag];
  if (compressedCodec && byteRate > 0) {
    return { codec: compressedCodec, channels, sampleRate, byteRate, blockAlign, isPcmLike: false };
  }
  const bits = fmt.readUInt16LE(14);
  throw new AudioProbeError('unsupported', `WAV audio format 0x${hex4(formatTag)} with ${bits}-bit samples is not supported`);
}

function readSubFormat(fmt: Buffer): number {
  if (fmt.length < 40 || !fmt.subarray(26, 40).equals(SUBTYPE_GUID_TAIL)) {
    throw new AudioProbeError('unsupported', 'WAV extensible format has an unknown sub-format');
  }
  return fmt.readUInt16LE(24);
}

function hex4(value: number): string {
  return value.toString(16).padStart(4, '0');
}
