export interface OggPageHeader {
  isBeginningOfStream: boolean;
  isEndOfStream: boolean;
  /** -1 when no packet ends on this page. */
  granulePosition: bigint;
  serial: number;
  headerLength: number;
  bodyLength: number;
}

export const OGG_CAPTURE_PATTERN = Buffer.from('OggS', 'latin1');
export const OGG_FIXED_HEADER_LENGTH = 27;
const BEGINNING_OF_STREAM = 0x02;
const END_OF_STREAM = 0x04;

/** Length of the page header starting at `bytes[0]`, which must hold at least the fixed part. */
export function oggHeaderLength(bytes: Buffer): number {
  return OGG_FIXED_HEADER_LENGTH + bytes[26];
}

export function isOggPageStart(bytes: Buffer): boolean {
  return bytes.subarray(0, 4).equals(OGG_CAPTURE_PATTERN) && bytes[4] === 0;
}

/** Decodes a complete page header (fixed part plus segment table). */
export function readOggPageHeader(bytes: Buffer): OggPageHeader {
  const headerLength = oggHeaderLength(bytes);
  let bodyLength = 0;
  for (let i = OGG_FIXED_HEADER_LENGTH; i < headerLength; i += 1) bodyLength += bytes[i];
  return {
    isBeginningOfStream: (bytes[5] & BEGINNING_OF_STREAM) !== 0,
    isEndOfStream: (bytes[5] & END_OF_STREAM) !== 0,
    granulePosition: bytes.readBigInt64LE(6),
    serial: bytes.readUInt32LE(14),
    headerLength,
    bodyLength,
  };
}
