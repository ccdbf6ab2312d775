import { AudioContainer } from './audio-facts';
import { readMpegAudioFrameHeader } from './mpeg-audio-frame-header';

export type SniffResult =
  | { kind: 'audio'; container: AudioContainer }
  | { kind: 'id3-tag'; length: number }
  | { kind: 'unsupported'; format: string }
  | { kind: 'cut-short'; format: string }
  | { kind: 'not-audio'; looksLike: string }
  | { kind: 'need-more' };

/** Every signature below is decided within this many bytes. */
export const SNIFF_LENGTH = 12;

interface Signature {
  magic: string;
  at: number;
  /** A second magic that must also match, e.g. the form type after 'FORM'. */
  also?: { magic: string; at: number };
  result: SniffResult;
}

const SIGNATURES: Signature[] = [
  { magic: 'RIFF', at: 0, result: { kind: 'audio', container: 'wav' } },
  { magic: 'RF64', at: 0, result: { kind: 'audio', container: 'wav' } },
  { magic: 'BW64', at: 0, result: { kind: 'audio', container: 'wav' } },
  { magic: 'OggS', at: 0, result: { kind: 'audio', container: 'ogg' } },
  { magic: 'fLaC', at: 0, result: { kind: 'audio', container: 'flac' } },
  { magic: 'FORM', at: 0, also: { magic: 'AIF', at: 8 }, result: { kind: 'unsupported', format: 'AIFF audio' } },
  { magic: 'ftyp', at: 4, result: { kind: 'unsupported', format: 'MP4/M4A (AAC)' } },
  { magic: '#!AMR', at: 0, result: { kind: 'unsupported', format: 'AMR audio' } },
  { magic: '\x1a\x45\xdf\xa3', at: 0, result: { kind: 'unsupported', format: 'Matroska/WebM' } },
  { magic: '\x30\x26\xb2\x75', at: 0, result: { kind: 'unsupported', format: 'ASF/WMA' } },
  { magic: '.snd', at: 0, result: { kind: 'unsupported', format: 'Sun AU audio' } },
  { magic: 'caff', at: 0, result: { kind: 'unsupported', format: 'Core Audio (CAF)' } },
  { magic: '%PDF', at: 0, result: { kind: 'not-audio', looksLike: 'a PDF document' } },
  { magic: '\x89PNG', at: 0, result: { kind: 'not-audio', looksLike: 'a PNG image' } },
  { magic: '\xff\xd8\xff', at: 0, result: { kind: 'not-audio', looksLike: 'a JPEG image' } },
  { magic: 'GIF8', at: 0, result: { kind: 'not-audio', looksLike: 'a GIF image' } },
  { magic: 'PK\x03\x04', at: 0, result: { kind: 'not-audio', looksLike: 'a ZIP archive or Office document' } },
];

/** Formats whose first bytes, if a file stops inside them, mean the upload was cut off. */
const CUT_SHORT_MAGIC: Array<[string, string]> = [
  ['RIFF', 'WAV'],
  ['RF64', 'WAV'],
  ['OggS', 'Ogg'],
  ['fLaC', 'FLAC'],
  ['ID3', 'MP3 (ID3 tag)'],
];

/**
 * Names the format from the first bytes of the data. Also works on fewer than SNIFF_LENGTH bytes
 * when `isWholeStream` says no more will come.
 */
export function sniffContainer(head: Buffer, isWholeStream: boolean): SniffResult {
  if (head.length < SNIFF_LENGTH && !isWholeStream) return { kind: 'need-more' };
  const signature = SIGNATURES.find((s) => matches(head, s.magic, s.at) && (!s.also || matches(head, s.also.magic, s.also.at)));
  if (signature) return signature.result;
  if (head.length < SNIFF_LENGTH) {
    const cut = CUT_SHORT_MAGIC.find(([magic]) => head.length > 0 && magic.startsWith(head.toString('latin1', 0, magic.length)));
    if (cut) return { kind: 'cut-short', format: cut[1] };
  }
  const tagLength = id3TagLength(head);
  if (tagLength !== undefined) return { kind: 'id3-tag', length: tagLength };
  if (isAdtsHeader(head)) return { kind: 'unsupported', format: 'AAC (ADTS)' };
  if (readMpegAudioFrameHeader(head, 0)) return { kind: 'audio', container: 'mp3' };
  return { kind: 'not-audio', looksLike: describeNonAudio(head) };
}

function matches(head: Buffer, magic: string, at: number): boolean {
  return head.length >= at + magic.length && head.toString('latin1', at, at + magic.length) === magic;
}

/** ID3v2: "ID3", version, revision, flags, then the size as four 7-bit bytes; a footer adds 10. */
function id3TagLength(head: Buffer): number | undefined {
  if (!matches(head, 'ID3', 0) || head.length < 10 || head[3] === 0xff || head[4] === 0xff) return undefined;
  const sizeBytes = head.subarray(6, 10);
  if (sizeBytes.some((byte) => byte >= 0x80)) return undefined;
  const size = sizeBytes.reduce((total, byte) => total * 128 + byte, 0);
  const hasFooter = (head[5] & 0x10) !== 0;
  return 10 + size + (hasFooter ? 10 : 0);
}

/** AAC in ADTS shares the MPEG sync word but has layer bits 00. */
function isAdtsHeader(head: Buffer): boolean {
  return head.length >= 2 && head[0] === 0xff && (head[1] & 0xf6) === 0xf0;
}

function describeNonAudio(head: Buffer): string {
  // A multi-byte character may be cut at the end of the sniffed bytes.
  const text = head.toString('utf8').replace(/\ufffd$/, '');
  // eslint-disable-next-line no-control-regex -- control characters are exactly what marks bytes as not text
  if (head.length > 0 && !/[\x00-\x08\x0e-\x1f\ufffd]/.test(text)) {
    const start = text.trimStart()[0];
    if (start === '{' || start === '[') return 'JSON text';
    if (start === '<') return 'HTML or XML text';
    return 'text';
  }
  return `binary data starting ${head
    .subarray(0, 8)
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ')}`;
}
