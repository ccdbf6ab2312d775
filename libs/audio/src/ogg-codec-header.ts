import { FLAC_STREAMINFO_LENGTH, readFlacStreamInfo } from './flac-stream-info';

/** The audio codec of one Ogg logical stream, from its first packet. */
export interface OggAudioCodec {
  codec: 'opus' | 'vorbis' | 'flac';
  channels: number;
  sampleRate: number;
  /** Granule positions count samples at this rate. */
  granuleRate: number;
  /** Samples at the start that decoders drop (Opus pre-skip). */
  preSkip: number;
}

export type OggStreamKind = { audio: OggAudioCodec } | { other: string };

const OPUS_GRANULE_RATE = 48000;
const OGG_FLAC_STREAMINFO_OFFSET = 17;

/** Identifies the codec from the first packet of a logical stream (the body of its first page). */
export function identifyOggStream(packet: Buffer): OggStreamKind {
  if (startsWith(packet, 'OpusHead') && packet.length >= 19 && packet[9] > 0) {
    const inputRate = packet.readUInt32LE(12);
    return {
      audio: {
        codec: 'opus',
        channels: packet[9],
        // Opus always decodes at 48 kHz; the input rate says what the recording really was (8 kHz for a phone line).
        sampleRate: inputRate || OPUS_GRANULE_RATE,
        granuleRate: OPUS_GRANULE_RATE,
        preSkip: packet.readUInt16LE(10),
      },
    };
  }
  if (startsWith(packet, '\x01vorbis') && packet.length >= 16 && packet[11] > 0 && packet.readUInt32LE(12) > 0) {
    const sampleRate = packet.readUInt32LE(12);
    return { audio: { codec: 'vorbis', channels: packet[11], sampleRate, granuleRate: sampleRate, preSkip: 0 } };
  }
  if (startsWith(packet, '\x7fFLAC') && packet.length >= OGG_FLAC_STREAMINFO_OFFSET + FLAC_STREAMINFO_LENGTH) {
    const info = readFlacStreamInfo(packet.subarray(OGG_FLAC_STREAMINFO_OFFSET));
    const { channels, sampleRate } = info;
    return { audio: { codec: 'flac', channels, sampleRate, granuleRate: sampleRate, preSkip: 0 } };
  }
  return { other: describeOtherStream(packet) };
}

function describeOtherStream(packet: Buffer): string {
  if (startsWith(packet, 'Speex   ')) return 'Speex';
  if (startsWith(packet, '\x80theora')) return 'Theora video';
  if (startsWith(packet, 'fishead')) return 'Skeleton';
  return 'an unknown codec';
}

function startsWith(packet: Buffer, prefix: string): boolean {
  return packet.toString('latin1', 0, prefix.length) === prefix;
}
