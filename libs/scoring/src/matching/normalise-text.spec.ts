import { normaliseText, splitUnits } from './normalise-text';

describe('normaliseText', () => {
  it('lowercases and strips punctuation', () => {
    expect(normaliseText('Hello, this is Northwind!')).toEqual(['hello', 'this', 'is', 'northwind']);
  });

  it('expands contractions so they compare with the long form', () => {
    expect(normaliseText("I'm sorry, it's not my problem and we can't")).toEqual([
      'i',
      'am',
      'sorry',
      'it',
      'is',
      'not',
      'my',
      'problem',
      'and',
      'we',
      'can',
      'not',
    ]);
  });

  it('spells small numbers as cardinals and long ones digit by digit', () => {
    expect(normaliseText('24 hours')).toEqual(['twenty', 'four', 'hours']);
    expect(normaliseText('call 0800 123456')).toEqual(['call', 'zero', 'eight', 'zero', 'zero', 'one', 'two', 'three', 'four', 'five', 'six']);
    expect(normaliseText('the 21st')).toEqual(['the', 'twenty', 'first']);
    expect(normaliseText('1,000')).toEqual(['one', 'thousand']);
  });

  it('drops accents and splits on hyphens and slashes', () => {
    expect(normaliseText('Café e-mail 24/7')).toEqual(['cafe', 'e', 'mail', 'twenty', 'four', 'seven']);
  });

  it('makes each Han character a token and keeps Latin words in Chinese text', () => {
    expect(normaliseText('您好，VIP客户')).toEqual(['您', '好', 'vip', '客', '户']);
  });
});

describe('splitUnits', () => {
  it('gives the character offsets of each unit, without leading punctuation', () => {
    expect(splitUnits('您好，VIP ok.')).toEqual([
      { text: '您', start: 0, end: 1 },
      { text: '好', start: 1, end: 2 },
      { text: 'VIP', start: 3, end: 6 },
      { text: 'ok.', start: 7, end: 10 },
    ]);
  });

  it('skips pieces with no letter or digit', () => {
    expect(splitUnits('well — ... fine')).toEqual([
      { text: 'well', start: 0, end: 4 },
      { text: 'fine', start: 11, end: 15 },
    ]);
  });
});
