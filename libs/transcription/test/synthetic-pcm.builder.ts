import { writeFile } from 'node:fs/promises';
import { encodeWav } from '../src/audio/wav-encode';

export const SAMPLE_RATE = 16000;

/** A 440 Hz tone at half scale, about -9 dBFS. */
export function tone(ms: number, amplitude = 0.5): Int16Array {
  const samples = new Int16Array(Math.round((SAMPLE_RATE * ms) / 1000));
  for (let i = 0; i < samples.length; i++) samples[i] = Math.round(amplitude * 32767 * Math.sin((2 * Math.PI * 440 * i) / SAMPLE_RATE));
  return samples;
}

export function silence(ms: number): Int16Array {
  return new Int16Array(Math.round((SAMPLE_RATE * ms) / 1000));
}

/** Deterministic low-level hiss, so tests see a real noise floor rather than digital zero. */
export function hiss(ms: number, amplitude = 0.001): Int16Array {
  const samples = new Int16Array(Math.round((SAMPLE_RATE * ms) / 1000));
  let state = 12345;
  for (let i = 0; i < samples.length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    samples[i] = Math.round((state / 2147483648 - 0.5) * 2 * amplitude * 32767);
  }
  return samples;
}

export function concat(...parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Adds b onto a sample by sample (clipped), for noise under a signal. */
export function mix(a: Int16Array, b: Int16Array): Int16Array {
  return a.map((value, i) => Math.max(-32768, Math.min(32767, value + (b[i] ?? 0))));
}

/** Writes 16-bit PCM WAV with one or more channels of equal length. */
export async function writeWav(path: string, channels: Int16Array[], sampleRate = SAMPLE_RATE): Promise<string> {
  await writeFile(path, encodeWav(channels, sampleRate));
  return path;
}
