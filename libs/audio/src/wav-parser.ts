import { AudioFacts, samplesToMs } from './audio-facts';
import { AudioProbeError } from './audio-probe.error';
import { ByteInput } from './byte-input';
import { ContainerParser } from './container-parser';
import { readWavFormat, WavFormat } from './wav-format';

/** Chunks before the audio that we read whole; anything bigger is not a real fmt/fact/ds64 chunk. */
const MAX_HEADER_CHUNK = 4096;
const UNKNOWN_SIZES = new Set([0, 0xffffffff]);

type Step = 'riff' | 'chunk-header' | 'chunk-body' | 'data' | 'after-data';

interface DataChunk {
  /** Undefined when the writer did not know the size (streaming recorders). */
  declared: number | undefined;
  arrived: number;
}

/** RIFF/WAVE and RF64/BW64: reads the header chunks, then only counts the bytes of the data chunk. */
export class WavParser implements ContainerParser {
  private readonly input = new ByteInput();
  private step: Step = 'riff';
  private isRf64 = false;
  private chunk = { id: '', size: 0 };
  private format?: WavFormat;
  private factSamples?: number;
  private ds64DataSize?: number;
  private data?: DataChunk;

  get retainedBytes(): number {
    return this.input.retainedBytes;
  }

  push(chunk: Buffer): void {
    this.input.append(chunk);
    this.parse();
    this.input.release();
  }

  finish(): AudioFacts {
    const data = this.data;
    if (!data) {
      throw new AudioProbeError(
        'truncated',
        `WAV header is cut off: the file ends after ${this.input.offset + this.input.available} bytes, ` + 'before any audio data',
      );
    }
    if (!this.format) {
      throw new AudioProbeError('not_audio', 'WAV file has a data chunk but no fmt chunk describing it');
    }
    if (data.declared !== undefined && data.arrived < data.declared) {
      throw new AudioProbeError('truncated', `WAV data chunk declares ${data.declared} bytes but only ${data.arrived} arrived`);
    }
    if (data.arrived < this.format.blockAlign) {
      throw new AudioProbeError('empty', 'WAV file has a header but no audio samples');
    }
    const durationMs = this.durationMs(this.format, data);
    const { codec, channels, sampleRate } = this.format;
    return { container: 'wav', codec, durationMs, channels, sampleRate };
  }

  private durationMs(format: WavFormat, data: DataChunk): number {
    if (format.isPcmLike) return samplesToMs(Math.floor(data.arrived / format.blockAlign), format.sampleRate);
    // A fact chunk written before the size was known (streaming) cannot be trusted.
    if (data.declared !== undefined && this.factSamples !== undefined) {
      return samplesToMs(this.factSamples, format.sampleRate);
    }
    return Math.round((data.arrived * 1000) / format.byteRate);
  }

  private parse(): void {
    for (;;) {
      switch (this.step) {
        case 'riff':
          if (this.input.available < 12) return;
          this.readRiffHeader(this.input.read(12));
          this.step = 'chunk-header';
          break;
        case 'chunk-header':
          if (this.input.available < 8) return;
          this.readChunkHeader(this.input.read(8));
          break;
        case 'chunk-body':
          if (this.input.available < this.chunk.size) return;
          this.readHeaderChunk(this.input.read(this.chunk.size));
          this.input.skip(this.chunk.size % 2);
          this.step = 'chunk-header';
          break;
        case 'data':
          if (!this.countData()) return;
          this.step = 'after-data';
          break;
        case 'after-data':
          // Trailing LIST/id3 chunks say nothing about the audio.
          this.input.skip(this.input.available);
          return;
      }
    }
  }

  private readRiffHeader(header: Buffer): void {
    const magic = header.toString('latin1', 0, 4);
    const form = header.toString('latin1', 8, 12);
    if (form !== 'WAVE') throw new AudioProbeError('not_audio', `RIFF file of type "${form.trim()}" is not WAVE audio`);
    this.isRf64 = magic !== 'RIFF';
  }

  private readChunkHeader(header: Buffer): void {
    const id = header.toString('latin1', 0, 4);
    const size = header.readUInt32LE(4);
    if (id === 'data') {
      this.data = { declared: this.declaredDataSize(size), arrived: 0 };
      this.step = 'data';
    } else if (id === 'fmt ' || id === 'fact' || id === 'ds64') {
      if (size > MAX_HEADER_CHUNK) {
        throw new AudioProbeError('not_audio', `WAV "${id}" chunk declares an implausible ${size} bytes`);
      }
      this.chunk = { id, size };
      this.step = 'chunk-body';
    } else {
      this.input.skip(size + (size % 2));
    }
  }

  private declaredDataSize(size: number): number | undefined {
    if (this.isRf64 && size === 0xffffffff && this.ds64DataSize) return this.ds64DataSize;
    return UNKNOWN_SIZES.has(size) ? undefined : size;
  }

  private readHeaderChunk(body: Buffer): void {
    if (this.chunk.id === 'fmt ') this.format = readWavFormat(body);
    if (this.chunk.id === 'fact' && body.length >= 4) this.factSamples = body.readUInt32LE(0);
    if (this.chunk.id === 'ds64' && body.length >= 16) this.ds64DataSize = Number(body.readBigUInt64LE(8));
  }

  /** True once the whole declared data chunk has arrived. */
  private countData(): boolean {
    const data = this.data as DataChunk;
    const wanted = data.declared === undefined ? this.input.available : data.declared - data.arrived;
    const taken = Math.min(wanted, this.input.available);
    data.arrived += taken;
    this.input.skip(taken);
    return data.declared !== undefined && data.arrived === data.declared;
  }
}
