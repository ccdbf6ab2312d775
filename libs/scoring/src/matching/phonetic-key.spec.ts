import { phoneticKey } from './phonetic-key';

describe('phoneticKey', () => {
  it.each([
    ['four', 'for'],
    ['smith', 'smyth'],
    ['knight', 'night'],
    ['phone', 'fone'],
    ['wright', 'right'],
    ['catherine', 'kathryn'],
  ])('gives %s and %s the same key', (a, b) => {
    expect(phoneticKey(a)).toBe(phoneticKey(b));
  });

  it('gives different-sounding words different keys', () => {
    expect(phoneticKey('calling')).not.toBe(phoneticKey('going'));
    expect(phoneticKey('north')).not.toBe(phoneticKey('south'));
  });

  it('keeps a leading vowel as A', () => {
    expect(phoneticKey('anna')).toBe('AN');
    expect(phoneticKey('ellen')).toBe('ALN');
  });

  it('returns an empty key for a word without letters', () => {
    expect(phoneticKey('123')).toBe('');
  });
});
