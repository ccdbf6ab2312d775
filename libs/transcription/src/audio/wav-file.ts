import { readFile } from 'node:fs/promises';
import { TranscriptionError } from '../transcription-error';

export interface Pcm16 {
  sampleRate: number;
  /** Samples of the first channel. */
  samples: Int16Array;
}

/** Reads a PCM signed 16-bit WAV, walking the RIFF chunks (ffmpeg adds a LIST chunk before the data). */
export async function readWavFile(path: string): Promise<Pcm16> {
  return parseWav(await readFile(path), path);
}

export function parseWav(buffer: Buffer, name = 'wav'): Pcm16 {
  if (buffer.length < 12 || buffer.toString('latin1', 0, 4) !== 'RIFF' || buffer.toString('latin1', 8, 12) !== 'WAVE') {
    throw new TranscriptionError('invalid_audio', `${name} is not a RIFF/WAVE file`);
  }
  let format: { channels: number; sampleRate: number; bitsPerSample: number; audioFormat: number } | undefined;
  let offset = 12;
  while (offset + 8 <= buffer.length) {
    const id = buffer.toString('latin1', offset, offset + 4);
    const declared = buffer.readUInt32LE(offset + 4);
    const body = offset + 8;
    // Streamed WAVs leave the data size at 0 or 0xFFFFFFFF; the data then runs to the end of the file.
    const size = Math.min(declared, buffer.length - body);
    if (id === 'fmt ') {
      format = {
        audioFormat: buffer.readUInt16LE(body),
        channels: buffer.readUInt16LE(body + 2),
        sampleRate: buffer.readUInt32LE(body + 4),
        bitsPerSample: buffer.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!format) throw new TranscriptionError('invalid_audio', `${name} has a data chunk before its format chunk`);
      const dataSize = declared === 0 || declared === 0xffffffff ? buffer.length - body : size;
      return { sampleRate: format.sampleRate, samples: firstChannel(buffer, body, dataSize, format, name) };
    }
    offset = body + size + (size % 2);
  }
  throw new TranscriptionError('invalid_audio', `${name} has no data chunk`);
}

function firstChannel(
  buffer: Buffer,
  start: number,
  size: number,
  format: { channels: number; bitsPerSample: number; audioFormat: number },
  name: string,
): Int16Array {
  const isPcm = format.audioFormat === 1 || format.audioFormat === 0xfffe;
  if (!isPcm || format.bitsPerSample !== 16) {
    throw new TranscriptionError('invalid_audio', `${name} is not 16-bit PCM (format ${format.audioFormat}, ${format.bitsPerSample} bits)`);
  }
  const frames = Math.floor(size / (2 * format.channels));
  const samples = new Int16Array(frames);
  for (let i = 0; i < frames; i++) samples[i] = buffer.readInt16LE(start + i * 2 * format.channels);
  return samples;
}
