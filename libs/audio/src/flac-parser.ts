import { AudioFacts, samplesToMs } from './audio-facts';
import { AudioProbeError } from './audio-probe.error';
import { ByteInput } from './byte-input';
import { ContainerParser } from './container-parser';
import { FlacFrameHeader, readFlacFrameHeader } from './flac-frame-header';
import { FLAC_STREAMINFO_LENGTH, FlacStreamInfo, readFlacStreamInfo } from './flac-stream-info';

type Step = 'magic' | 'block-header' | 'stream-info' | 'first-frame' | 'frames';

const STREAMINFO_BLOCK = 0;
const INVALID_BLOCK = 127;
/** STREAMINFO is 34 bytes; allow a little room for a future revision, but never buffer a bogus length. */
const MAX_STREAMINFO_LENGTH = 1024;
const BLOCK_NAMES = ['STREAMINFO', 'PADDING', 'APPLICATION', 'SEEKTABLE', 'VORBIS_COMMENT', 'CUESHEET', 'PICTURE'];

/**
 * Native FLAC. Reads STREAMINFO, skips the other metadata blocks (cover art can be megabytes) and
 * then follows the chain of frame headers, whose numbers say how far the audio that arrived reaches.
 */
export class FlacParser implements ContainerParser {
  private readonly input = new ByteInput();
  private step: Step = 'magic';
  private block = { type: 0, length: 0, isLast: false };
  private streamInfo?: FlacStreamInfo;
  private nominalBlockSize = 0;
  private expectedNumber = 0;
  /** Sample number just past the last frame whose header arrived. */
  private samplesEnd = 0;

  get retainedBytes(): number {
    return this.input.retainedBytes;
  }

  push(chunk: Buffer): void {
    this.input.append(chunk);
    this.parse();
    this.input.release();
  }

  finish(): AudioFacts {
    const info = this.streamInfo;
    if (this.step !== 'first-frame' && this.step !== 'frames') throw this.metadataCutOff();
    if (this.step === 'first-frame' && this.input.skipPending > 0) throw this.metadataCutOff();
    if (!info) throw new AudioProbeError('not_audio', 'FLAC stream has no STREAMINFO block');
    if (this.step === 'first-frame') {
      if (info.totalSamples === 0) throw new AudioProbeError('empty', 'FLAC stream holds no audio frames');
      throw new AudioProbeError('truncated', `FLAC stream ends after its metadata: none of its ${info.totalSamples} samples arrived`);
    }
    if (info.totalSamples > 0 && this.samplesEnd < info.totalSamples) {
      throw new AudioProbeError(
        'truncated',
        `FLAC STREAMINFO declares ${info.totalSamples} samples ` + `but the frames that arrived end at sample ${this.samplesEnd}`,
      );
    }
    // An encoder writing to a pipe leaves the total at 0; the frames that arrived tell instead.
    const samples = info.totalSamples || this.samplesEnd;
    return {
      container: 'flac',
      codec: 'flac',
      durationMs: samplesToMs(samples, info.sampleRate),
      channels: info.channels,
      sampleRate: info.sampleRate,
    };
  }

  private metadataCutOff(): AudioProbeError {
    const name = BLOCK_NAMES[this.block.type] ?? `type ${this.block.type}`;
    const blockCutOff = (arrived: number) =>
      new AudioProbeError('truncated', `FLAC metadata is cut off: the ${name} block declares ${this.block.length} bytes but only ${arrived} arrived`);
    if (this.step === 'stream-info') return blockCutOff(this.input.available);
    if (this.input.skipPending > 0) return blockCutOff(this.block.length - this.input.skipPending);
    return new AudioProbeError('truncated', `FLAC metadata is cut off after ${this.input.offset + this.input.available} bytes`);
  }

  private parse(): void {
    for (;;) {
      switch (this.step) {
        case 'magic':
          if (this.input.available < 4) return;
          if (this.input.read(4).toString('latin1') !== 'fLaC') {
            throw new AudioProbeError('not_audio', 'Not a FLAC stream');
          }
          this.step = 'block-header';
          break;
        case 'block-header':
          if (this.input.available < 4) return;
          this.readBlockHeader(this.input.read(4));
          break;
        case 'stream-info':
          if (this.input.available < this.block.length) return;
          this.streamInfo = readFlacStreamInfo(this.input.read(this.block.length));
          this.step = this.block.isLast ? 'first-frame' : 'block-header';
          break;
        case 'first-frame':
          if (!this.readFirstFrame()) return;
          this.step = 'frames';
          break;
        case 'frames':
          this.followFrames();
          return;
      }
    }
  }

  private readBlockHeader(header: Buffer): void {
    this.block = { type: header[0] & 0x7f, length: header.readUIntBE(1, 3), isLast: (header[0] & 0x80) !== 0 };
    if (this.block.type === INVALID_BLOCK) {
      throw new AudioProbeError('not_audio', 'FLAC metadata block header is invalid');
    }
    if (this.block.type === STREAMINFO_BLOCK) {
      if (this.block.length < FLAC_STREAMINFO_LENGTH || this.block.length > MAX_STREAMINFO_LENGTH) {
        throw new AudioProbeError('not_audio', `FLAC STREAMINFO block has an impossible length of ${this.block.length} bytes`);
      }
      this.step = 'stream-info';
      return;
    }
    this.input.skip(this.block.length);
    if (this.block.isLast) this.step = 'first-frame';
  }

  /** The first frame starts right where the metadata ends. */
  private readFirstFrame(): boolean {
    if (!this.streamInfo) throw new AudioProbeError('not_audio', 'FLAC stream has no STREAMINFO block');
    if (this.input.available === 0) return false;
    const header = readFlacFrameHeader(this.input.rest(), 0);
    if (header === 'need-more') return false;
    if (!header) throw new AudioProbeError('not_audio', 'FLAC audio frames do not start where the metadata ends');
    this.nominalBlockSize = header.blockSize;
    this.expectedNumber = header.number;
    this.accept(header);
    this.input.skip(header.headerLength);
    return true;
  }

  /** Frames have no length field, so look for the next header whose number continues the chain. */
  private followFrames(): void {
    const bytes = this.input.rest();
    let from: number;
    for (let at = bytes.indexOf(0xff); at >= 0; at = bytes.indexOf(0xff, from)) {
      const header = readFlacFrameHeader(bytes, at);
      if (header === 'need-more') {
        this.input.skip(at);
        return;
      }
      if (header && header.number === this.expectedNumber) {
        this.accept(header);
        from = at + header.headerLength;
      } else {
        from = at + 1;
      }
    }
    this.input.skip(bytes.length);
  }

  private accept(header: FlacFrameHeader): void {
    const firstSample = header.isVariableBlockSize ? header.number : header.number * this.nominalBlockSize;
    this.samplesEnd = firstSample + header.blockSize;
    this.expectedNumber = header.isVariableBlockSize ? this.samplesEnd : header.number + 1;
  }
}
