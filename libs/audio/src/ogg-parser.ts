import { AudioFacts } from './audio-facts';
import { AudioProbeError } from './audio-probe.error';
import { ByteInput } from './byte-input';
import { ContainerParser } from './container-parser';
import { identifyOggStream, OggAudioCodec } from './ogg-codec-header';
import { isOggPageStart, OGG_CAPTURE_PATTERN, OGG_FIXED_HEADER_LENGTH, oggHeaderLength, OggPageHeader, readOggPageHeader } from './ogg-page-header';

/** One run of the audio logical stream, from its first page to its end-of-stream page. */
interface AudioChain {
  serial: number;
  codec: OggAudioCodec;
  lastGranule?: bigint;
  ended: boolean;
}

/**
 * Ogg carrying Opus, Vorbis or FLAC. Walks the stream page by page, reading only the page headers
 * and the first page of each logical stream, so it keeps at most one page (< 64 KB) at any time.
 * Duration is the last granule position of the audio stream; chained streams add up.
 */
export class OggParser implements ContainerParser {
  private readonly input = new ByteInput();
  private facts?: OggAudioCodec;
  private chain?: AudioChain;
  private earlierChainsMs = 0;
  private readonly otherStreams: string[] = [];
  private pagesSeen = 0;
  private lastPageLength = 0;

  get retainedBytes(): number {
    return this.input.retainedBytes;
  }

  push(chunk: Buffer): void {
    this.input.append(chunk);
    this.parse();
    this.input.release();
  }

  finish(): AudioFacts {
    this.refuseCutOffPage();
    const { chain, facts } = this;
    if (!chain || !facts) {
      if (this.otherStreams.length > 0) {
        throw new AudioProbeError('unsupported', `Ogg file carries ${this.otherStreams.join(' and ')}, not Opus, Vorbis or FLAC audio`);
      }
      throw new AudioProbeError('not_audio', 'Ogg file holds no audio stream');
    }
    const durationMs = Math.round(this.earlierChainsMs + playedMs(chain));
    if (durationMs === 0) {
      // Header pages carry granule 0 too; only an end-of-stream mark says nothing more was coming.
      if (chain.ended) throw new AudioProbeError('empty', `Ogg ${chain.codec.codec} stream holds no audio samples`);
      throw new AudioProbeError('truncated', `Ogg ${chain.codec.codec} stream ends after its headers: no audio pages arrived`);
    }
    return { container: 'ogg', codec: facts.codec, durationMs, channels: facts.channels, sampleRate: facts.sampleRate };
  }

  private refuseCutOffPage(): void {
    const missing = this.input.skipPending;
    if (missing > 0) {
      throw new AudioProbeError('truncated', `The last Ogg page declares ${this.lastPageLength} bytes but only ${this.lastPageLength - missing} arrived`);
    }
    const rest = this.input.rest();
    const prefixLength = Math.min(rest.length, OGG_CAPTURE_PATTERN.length);
    if (rest.length > 0 && rest.subarray(0, prefixLength).equals(OGG_CAPTURE_PATTERN.subarray(0, prefixLength))) {
      throw new AudioProbeError('truncated', `The Ogg stream ends inside a page: only ${rest.length} bytes of it arrived`);
    }
  }

  private parse(): void {
    while (this.input.available >= OGG_FIXED_HEADER_LENGTH) {
      if (!isOggPageStart(this.input.peek(OGG_FIXED_HEADER_LENGTH))) {
        if (this.pagesSeen === 0) throw new AudioProbeError('not_audio', 'Ogg file does not start with a valid page');
        this.skipToNextCapturePattern();
        continue;
      }
      const headerLength = oggHeaderLength(this.input.peek(OGG_FIXED_HEADER_LENGTH));
      if (this.input.available < headerLength) return;
      const page = readOggPageHeader(this.input.peek(headerLength));
      const pageLength = headerLength + page.bodyLength;
      if (page.isBeginningOfStream) {
        // A stream's first page carries only its identification header, so it is small.
        if (this.input.available < pageLength) return;
        this.beginStream(page, this.input.peek(pageLength).subarray(headerLength));
      } else {
        this.continueStream(page);
      }
      this.pagesSeen += 1;
      this.lastPageLength = pageLength;
      this.input.skip(pageLength);
    }
  }

  /** Damaged data between pages: drop it, keeping a possible partial capture pattern at the end. */
  private skipToNextCapturePattern(): void {
    const rest = this.input.rest();
    const next = rest.indexOf(OGG_CAPTURE_PATTERN, 1);
    this.input.skip(next >= 0 ? next : Math.max(1, rest.length - (OGG_CAPTURE_PATTERN.length - 1)));
  }

  private beginStream(page: OggPageHeader, firstPacket: Buffer): void {
    const kind = identifyOggStream(firstPacket);
    if ('other' in kind) {
      this.otherStreams.push(kind.other);
      return;
    }
    if (!this.chain) {
      this.facts = kind.audio;
    } else if (this.chain.ended) {
      this.earlierChainsMs += playedMs(this.chain);
    } else {
      return; // a second audio stream multiplexed with the first: the first one decides
    }
    this.chain = { serial: page.serial, codec: kind.audio, ended: false };
  }

  private continueStream(page: OggPageHeader): void {
    const chain = this.chain;
    if (!chain || page.serial !== chain.serial) return;
    if (page.granulePosition >= 0n) chain.lastGranule = page.granulePosition;
    chain.ended = page.isEndOfStream;
  }
}

function playedMs(chain: AudioChain): number {
  const samples = Number(chain.lastGranule ?? 0n) - chain.codec.preSkip;
  return (Math.max(0, samples) * 1000) / chain.codec.granuleRate;
}
