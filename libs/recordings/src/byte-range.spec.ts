import { parseByteRange } from './byte-range';

describe('parseByteRange', () => {
  it.each([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=100-', { start: 100, end: 999 }],
    ['bytes=-100', { start: 900, end: 999 }],
    ['bytes=900-5000', { start: 900, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
  ])('reads %s of a 1000-byte file', (header, expected) => {
    expect(parseByteRange(header, 1000)).toEqual(expected);
  });

  it('returns null when there is no Range header', () => {
    expect(parseByteRange(undefined, 1000)).toBeNull();
  });

  it.each(['bytes=1000-', 'bytes=5-4', 'bytes=-0', 'bytes=0-1,5-6', 'items=0-1', 'bytes=-'])('refuses %s as unsatisfiable', (header) => {
    expect(parseByteRange(header, 1000)).toBe('unsatisfiable');
  });
});
