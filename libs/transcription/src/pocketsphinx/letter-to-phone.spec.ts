import { letterToPhones as sut } from './letter-to-phone';

describe('letterToPhones', () => {
  it.each([
    ['priya', 'P R IY Y AH'],
    ['raj', 'R AE JH'],
    ['jane', 'JH EY N'],
    ['mike', 'M AY K'],
    ['anna', 'AE N AH'],
    ['sheena', 'SH IY N AH'],
  ])('spells %s as %s', (word, phones) => {
    expect(sut(word)).toBe(phones);
  });

  it('ignores characters that are not letters', () => {
    expect(sut("o'neil")).toBe(sut('oneil'));
  });
});
