import { MpegAudioFrameHeader } from './mpeg-audio-frame-header';

/** A Xing/Info (LAME, ffmpeg) or VBRI (Fraunhofer) header: a silent first frame that describes the stream. */
export interface Mp3InfoHeader {
  kind: 'Xing' | 'Info' | 'VBRI';
  /** Audio frames in the stream, not counting the info frame itself; undefined when not recorded. */
  frames: number | undefined;
}

const XING_HAS_FRAMES = 0x1;
const VBRI_OFFSET = 4 + 32;

/** Looks for an info header inside a complete first frame. */
export function readMp3InfoHeader(frame: Buffer, header: MpegAudioFrameHeader): Mp3InfoHeader | undefined {
  if (header.layer !== 3) return undefined;
  const xingOffset = 4 + sideInformationLength(header);
  const xingTag = frame.toString('latin1', xingOffset, xingOffset + 4);
  if ((xingTag === 'Xing' || xingTag === 'Info') && frame.length >= xingOffset + 12) {
    const hasFrames = (frame.readUInt32BE(xingOffset + 4) & XING_HAS_FRAMES) !== 0;
    return { kind: xingTag, frames: hasFrames ? positiveOrUndefined(frame.readUInt32BE(xingOffset + 8)) : undefined };
  }
  if (frame.toString('latin1', VBRI_OFFSET, VBRI_OFFSET + 4) === 'VBRI' && frame.length >= VBRI_OFFSET + 18) {
    return { kind: 'VBRI', frames: positiveOrUndefined(frame.readUInt32BE(VBRI_OFFSET + 14)) };
  }
  return undefined;
}

function sideInformationLength(header: MpegAudioFrameHeader): number {
  if (header.version === 1) return header.channels === 1 ? 17 : 32;
  return header.channels === 1 ? 9 : 17;
}

function positiveOrUndefined(value: number): number | undefined {
  return value > 0 ? value : undefined;
}
