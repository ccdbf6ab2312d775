import { AudioContainer, AudioFacts } from './audio-facts';
import { AudioProbeError } from './audio-probe.error';
import { ByteInput } from './byte-input';
import { ContainerParser } from './container-parser';
import { sniffContainer, SNIFF_LENGTH } from './container-sniffer';
import { FlacParser } from './flac-parser';
import { Mp3FrameScanner } from './mp3-frame-scanner';
import { OggParser } from './ogg-parser';
import { WavParser } from './wav-parser';

const PARSERS: Record<AudioContainer, () => ContainerParser> = {
  wav: () => new WavParser(),
  mp3: () => new Mp3FrameScanner(),
  ogg: () => new OggParser(),
  flac: () => new FlacParser(),
};

type Outcome = { facts: AudioFacts } | { error: unknown };

/**
 * Says what a recording is while its bytes stream past, keeping only a few kilobytes of them.
 * Feed every chunk in order to `push`, then call `finish`.
 */
export class StreamingAudioProbe {
  private readonly head = new ByteInput();
  private parser?: ContainerParser;
  private failure?: { error: unknown };
  private outcome?: Outcome;
  private bytesReceived = 0;
  private afterId3Tag = false;

  /** Never throws for data: a refusal is kept for `finish` (and `rejection`) while the stream drains. */
  push(chunk: Buffer): void {
    if (this.outcome) throw new Error('StreamingAudioProbe.push called after finish');
    this.bytesReceived += chunk.length;
    if (this.failure || chunk.length === 0) return;
    try {
      if (this.parser) {
        this.parser.push(chunk);
      } else {
        this.head.append(chunk);
        this.identify(false);
        this.head.release();
      }
    } catch (error) {
      this.failure = { error };
      this.parser = undefined;
      this.head.skip(this.head.available);
      this.head.release();
    }
  }

  /** Returns the facts, or throws AudioProbeError saying why the recording is refused. */
  finish(): AudioFacts {
    this.outcome ??= this.conclude();
    if ('error' in this.outcome) throw this.outcome.error;
    return this.outcome.facts;
  }

  /** Set as soon as the data is known to be unacceptable, so a caller may stop reading early. */
  get rejection(): AudioProbeError | undefined {
    return this.failure?.error instanceof AudioProbeError ? this.failure.error : undefined;
  }

  /** Bytes of the stream held right now; stays small however long the stream is. */
  get retainedBytes(): number {
    return this.head.retainedBytes + (this.parser?.retainedBytes ?? 0);
  }

  private conclude(): Outcome {
    if (this.failure) return this.failure;
    try {
      if (this.bytesReceived === 0) throw new AudioProbeError('empty', 'The recording is empty: no bytes arrived');
      if (!this.parser) this.identify(true);
      if (!this.parser) throw this.nothingAfterId3Tag();
      return { facts: this.parser.finish() };
    } catch (error) {
      return { error };
    }
  }

  private identify(isWholeStream: boolean): void {
    while (!this.parser) {
      if (this.head.available === 0 && (this.afterId3Tag || isWholeStream)) return;
      const verdict = sniffContainer(this.head.peek(SNIFF_LENGTH), isWholeStream);
      switch (verdict.kind) {
        case 'need-more':
          return;
        case 'id3-tag':
          // Tags (cover art included) are skipped, never kept; MP3 and sometimes FLAC follow.
          this.afterId3Tag = true;
          this.head.skip(verdict.length);
          break;
        case 'audio':
          this.start(verdict.container);
          break;
        case 'not-audio':
          // Encoders may leave padding between the tag and the first frame; the MP3 scanner looks past it.
          if (this.afterId3Tag) {
            this.start('mp3');
            break;
          }
          throw new AudioProbeError('not_audio', `Not an audio recording: the data looks like ${verdict.looksLike}`);
        case 'unsupported':
          throw new AudioProbeError('unsupported', `${verdict.format} recordings are not supported; use WAV, MP3, Ogg or FLAC`);
        case 'cut-short':
          throw new AudioProbeError('truncated', `The recording is cut off: it ends after ${this.bytesReceived} bytes, inside the ${verdict.format} header`);
      }
    }
  }

  private start(container: AudioContainer): void {
    const parser = PARSERS[container]();
    this.parser = parser;
    parser.push(this.head.read(this.head.available));
    this.head.release();
  }

  private nothingAfterId3Tag(): AudioProbeError {
    if (this.head.skipPending > 0) {
      return new AudioProbeError('truncated', `The recording is cut off inside its ID3 tag, after ${this.bytesReceived} bytes`);
    }
    return new AudioProbeError('empty', 'The recording holds an ID3 tag but no audio');
  }
}
