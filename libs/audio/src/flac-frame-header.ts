export interface FlacFrameHeader {
  /** Frame number in fixed-blocksize streams, first sample number in variable-blocksize ones. */
  number: number;
  isVariableBlockSize: boolean;
  blockSize: number;
  headerLength: number;
}

/**
 * Decodes a FLAC frame header at `offset`, checking its CRC-8. Returns 'need-more' when the bytes
 * end before the header does, undefined when they are not a frame header.
 */
export function readFlacFrameHeader(bytes: Buffer, offset: number): FlacFrameHeader | 'need-more' | undefined {
  const available = bytes.length - offset;
  if (available < 4) return 'need-more';
  if (bytes[offset] !== 0xff || (bytes[offset + 1] & 0xfe) !== 0xf8) return undefined;
  const blockSizeCode = bytes[offset + 2] >> 4;
  const sampleRateCode = bytes[offset + 2] & 0x0f;
  const channelCode = bytes[offset + 3] >> 4;
  const sampleSizeCode = (bytes[offset + 3] >> 1) & 0x07;
  const reservedBit = bytes[offset + 3] & 1;
  if (blockSizeCode === 0 || sampleRateCode === 15 || channelCode > 10 || sampleSizeCode === 3 || reservedBit) {
    return undefined;
  }

  let position = offset + 4;
  const coded = readUtf8CodedNumber(bytes, position);
  if (coded === 'need-more' || coded === undefined) return coded;
  position += coded.length;

  const blockSizeTail = blockSizeCode === 6 ? 1 : blockSizeCode === 7 ? 2 : 0;
  const sampleRateTail = sampleRateCode === 12 ? 1 : sampleRateCode === 13 || sampleRateCode === 14 ? 2 : 0;
  if (bytes.length < position + blockSizeTail + sampleRateTail + 1) return 'need-more';
  const blockSize = blockSizeFrom(blockSizeCode, bytes, position);
  position += blockSizeTail + sampleRateTail;
  if (crc8(bytes, offset, position) !== bytes[position]) return undefined;
  return {
    number: coded.value,
    isVariableBlockSize: (bytes[offset + 1] & 1) === 1,
    blockSize,
    headerLength: position + 1 - offset,
  };
}

function blockSizeFrom(code: number, bytes: Buffer, tail: number): number {
  if (code === 1) return 192;
  if (code <= 5) return 576 << (code - 2);
  if (code === 6) return bytes[tail] + 1;
  if (code === 7) return bytes.readUInt16BE(tail) + 1;
  return 256 << (code - 8);
}

/** The frame/sample number, coded like UTF-8 but up to 7 bytes (36 bits). */
function readUtf8CodedNumber(bytes: Buffer, offset: number): { value: number; length: number } | 'need-more' | undefined {
  if (offset >= bytes.length) return 'need-more';
  const lead = bytes[offset];
  let ones = 0;
  while (ones < 8 && (lead & (0x80 >> ones)) !== 0) ones += 1;
  if (ones === 1 || ones === 8) return undefined;
  const total = ones === 0 ? 1 : ones;
  if (offset + total > bytes.length) return 'need-more';
  let value = ones === 0 ? lead : lead & (0xff >> (ones + 1));
  for (let i = 1; i < total; i += 1) {
    const next = bytes[offset + i];
    if ((next & 0xc0) !== 0x80) return undefined;
    value = value * 64 + (next & 0x3f);
  }
  return { value, length: total };
}

function crc8(bytes: Buffer, start: number, end: number): number {
  let crc = 0;
  for (let i = start; i < end; i += 1) {
    crc ^= bytes[i];
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}
