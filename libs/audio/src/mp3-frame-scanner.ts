import { AudioFacts, samplesToMs } from './audio-facts';
import { AudioProbeError } from './audio-probe.error';
import { ByteInput } from './byte-input';
import { ContainerParser } from './container-parser';
import { Mp3InfoHeader, readMp3InfoHeader } from './mp3-info-header';
import { isSameMpegStream, MPEG_HEADER_LENGTH, mpegCodecName, MpegAudioFrameHeader, readMpegAudioFrameHeader } from './mpeg-audio-frame-header';

/** Sync words occur by chance in any data; a run of this many chained frames does not. */
const FRAMES_TO_LOCK = 4;
/** The first frame must start this close to the start (after any ID3 tag), or it is not an MP3. */
const LOCK_WINDOW = 64 * 1024;
/**
 * An info header's count is trusted up to one frame short: some encoders count the info frame
 * itself, and a cut inside the very last frame loses less than one frame's duration.
 */
const INFO_FRAME_TOLERANCE = 1;

type Run = 'found' | 'none' | 'need-more';

/**
 * MPEG audio (layer III, and I/II which share the container) as an elementary stream. Walks from
 * frame header to frame header; while looking for a run it keeps at most FRAMES_TO_LOCK frames
 * (< 7 KB), once in step only the few bytes of a header split between chunks.
 *
 * Duration is frames × samples per frame ÷ rate, as ffprobe reports it: the encoder delay and
 * padding (for LAME 1105 samples plus less than a frame) are included, not subtracted.
 */
export class Mp3FrameScanner implements ContainerParser {
  private readonly input = new ByteInput();
  private stream?: MpegAudioFrameHeader;
  private info?: Mp3InfoHeader;
  private inSync = false;
  private frames = 0;

  get retainedBytes(): number {
    return this.input.retainedBytes;
  }

  push(chunk: Buffer): void {
    this.input.append(chunk);
    this.scan(false);
    this.input.release();
  }

  finish(): AudioFacts {
    this.scan(true);
    const stream = this.stream;
    if (!stream) {
      throw new AudioProbeError('not_audio', `No MPEG audio found: the data has no run of ${FRAMES_TO_LOCK} consecutive valid frame headers`);
    }
    // The last frame counted had its header but not all of its bytes.
    const complete = this.frames - (this.input.skipPending > 0 ? 1 : 0);
    const declared = this.info?.frames;
    if (declared !== undefined && complete < declared - INFO_FRAME_TOLERANCE) {
      throw new AudioProbeError('truncated', `MP3 ${this.info?.kind} header declares ${declared} frames but only ${complete} arrived`);
    }
    const frames = declared ?? complete;
    if (frames === 0) throw new AudioProbeError('empty', 'MP3 stream holds no audio frames');
    return {
      container: 'mp3',
      codec: mpegCodecName(stream.layer),
      durationMs: samplesToMs(frames * stream.samplesPerFrame, stream.sampleRate),
      channels: stream.channels,
      sampleRate: stream.sampleRate,
    };
  }

  private scan(atEnd: boolean): void {
    for (;;) {
      if (!this.inSync && this.findRun(atEnd) !== 'found') return;
      if (!this.walkFrames()) return;
    }
  }

  /** Counts frames while each header follows the previous frame; false when out of bytes. */
  private walkFrames(): boolean {
    const stream = this.stream as MpegAudioFrameHeader;
    while (this.input.available >= MPEG_HEADER_LENGTH) {
      const header = readMpegAudioFrameHeader(this.input.peek(MPEG_HEADER_LENGTH), 0);
      if (!header || !isSameMpegStream(stream, header)) {
        // A trailing ID3v1/APE tag or damaged data: look for the next run of frames.
        this.inSync = false;
        return true;
      }
      this.input.skip(header.frameLength);
      this.frames += 1;
    }
    return false;
  }

  private findRun(atEnd: boolean): Run {
    const bytes = this.input.rest();
    for (let at = bytes.indexOf(0xff); at >= 0; at = bytes.indexOf(0xff, at + 1)) {
      const run = measureRun(bytes, at, atEnd);
      if (run === 'none') continue;
      this.input.skip(at);
      if (run === 'found') this.lock(readMpegAudioFrameHeader(bytes, at) as MpegAudioFrameHeader, bytes.subarray(at));
      return run;
    }
    this.input.skip(bytes.length);
    if (!this.stream && this.input.offset > LOCK_WINDOW) {
      throw new AudioProbeError('not_audio', `No MPEG audio frames in the first ${LOCK_WINDOW / 1024} KB: the data is not an MP3 recording`);
    }
    return 'none';
  }

  private lock(header: MpegAudioFrameHeader, frame: Buffer): void {
    this.inSync = true;
    if (this.stream) return;
    this.stream = header;
    this.info = readMp3InfoHeader(frame.subarray(0, header.frameLength), header);
    if (this.info) this.input.skip(header.frameLength);
  }
}

/**
 * Whether FRAMES_TO_LOCK frames chain from `at`. At the end of the data a shorter run of at least
 * two frames counts if it ends exactly where the data ends.
 */
function measureRun(bytes: Buffer, at: number, atEnd: boolean): Run {
  const first = readMpegAudioFrameHeader(bytes, at);
  if (!first) return 'none';
  let position = at;
  for (let count = 0; count < FRAMES_TO_LOCK; count += 1) {
    if (position + MPEG_HEADER_LENGTH > bytes.length) {
      if (!atEnd) return 'need-more';
      return count >= 2 && position === bytes.length ? 'found' : 'none';
    }
    const header = readMpegAudioFrameHeader(bytes, position);
    if (!header || !isSameMpegStream(first, header)) return 'none';
    position += header.frameLength;
  }
  return 'found';
}
