/** 16-bit PCM WAV, one sample array per channel. */
export interface Pcm {
  sampleRate: number;
  channels: Int16Array[];
}

/** Reads a 16-bit PCM WAV from memory, walking its chunks (ffmpeg adds a LIST chunk before the data). */
export function parseWav(bytes: Buffer): Pcm {
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a WAV file');
  let channelCount = 0;
  let sampleRate = 0;
  let bits = 0;
  for (let at = 12; at + 8 <= bytes.length;) {
    const id = bytes.toString('ascii', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ') {
      channelCount = bytes.readUInt16LE(body + 2);
      sampleRate = bytes.readUInt32LE(body + 4);
      bits = bytes.readUInt16LE(body + 14);
    } else if (id === 'data') {
      if (bits !== 16) throw new Error(`expected 16-bit PCM, got ${bits}-bit`);
      const end = Math.min(bytes.length, body + size);
      const frames = Math.floor((end - body) / (2 * channelCount));
      const channels = Array.from({ length: channelCount }, () => new Int16Array(frames));
      for (let f = 0; f < frames; f++) {
        for (let c = 0; c < channelCount; c++) channels[c][f] = bytes.readInt16LE(body + (f * channelCount + c) * 2);
      }
      return { sampleRate, channels };
    }
    at = body + size + (size % 2);
  }
  throw new Error('WAV file without a data chunk');
}

/** Root mean square of a channel between two times, in sample units (0..32768). */
export function rms(pcm: Pcm, channel: number, fromMs: number, toMs: number): number {
  const samples = pcm.channels[channel];
  const from = Math.max(0, Math.floor((fromMs * pcm.sampleRate) / 1000));
  const to = Math.min(samples.length, Math.ceil((toMs * pcm.sampleRate) / 1000));
  if (to <= from) return 0;
  let energy = 0;
  for (let i = from; i < to; i++) energy += samples[i] * samples[i];
  return Math.sqrt(energy / (to - from));
}
