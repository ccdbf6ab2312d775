import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export interface WavSpec {
  sampleRate: number;
  channels: number;
  /** Bytes of audio after the header; rounded down to whole sample frames. */
  dataBytes: number;
  /** Stamped into every chunk, so files of different seeds never share content (and a content-addressed store cannot dedupe them). */
  seed: number;
}

const HEADER_BYTES = 44;
const BYTES_PER_SAMPLE = 2;
const CHUNK_BYTES = 1024 * 1024;
/** One megabyte of 16-bit white noise, copied into every chunk; generating fresh noise would only cost time. */
const NOISE = randomBytes(CHUNK_BYTES);

export const wavDataBytes = (seconds: number, sampleRate: number, channels: number) => seconds * sampleRate * channels * BYTES_PER_SAMPLE;
export const wavDurationSeconds = (spec: WavSpec) => frameAligned(spec) / (spec.sampleRate * spec.channels * BYTES_PER_SAMPLE);
export const wavFileBytes = (spec: WavSpec) => HEADER_BYTES + frameAligned(spec);

function frameAligned(spec: WavSpec): number {
  const blockAlign = spec.channels * BYTES_PER_SAMPLE;
  return Math.floor(spec.dataBytes / blockAlign) * blockAlign;
}

/** The canonical 44-byte header of a 16-bit PCM RIFF/WAVE file. */
function wavHeader(spec: WavSpec, dataBytes: number): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  const blockAlign = spec.channels * BYTES_PER_SAMPLE;
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(HEADER_BYTES - 8 + dataBytes, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(spec.channels, 22);
  header.writeUInt32LE(spec.sampleRate, 24);
  header.writeUInt32LE(spec.sampleRate * blockAlign, 28);
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(BYTES_PER_SAMPLE * 8, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/**
 * Writes a valid WAV of noise a megabyte at a time, waiting for the disk when it falls behind, so a
 * file of any size never sits in memory. Returns the file's size in bytes.
 */
export async function writeWav(path: string, spec: WavSpec): Promise<number> {
  const dataBytes = frameAligned(spec);
  if (HEADER_BYTES - 8 + dataBytes > 0xffffffff) throw new Error(`A RIFF WAV holds at most 4 GiB; ${dataBytes} bytes asked`);
  const out = createWriteStream(path);
  const closed = once(out, 'close');
  out.write(wavHeader(spec, dataBytes));
  for (let offset = 0, index = 0; offset < dataBytes; offset += CHUNK_BYTES, index += 1) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, dataBytes - offset));
    NOISE.copy(chunk, 0, 0, chunk.length);
    if (chunk.length >= 8) {
      chunk.writeUInt32LE(spec.seed >>> 0, 0);
      chunk.writeUInt32LE(index, 4);
    }
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await closed;
  return wavFileBytes(spec);
}
