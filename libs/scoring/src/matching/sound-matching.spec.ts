import { aConversation } from '../../test/transcript.builders';
import { phoneCode, phoneSimilarity } from './phones';
import { PhraseMatcher } from './phrase-matcher';

/** A few entries of the CMU pronouncing dictionary, as the recogniser's own dictionary gives them. */
const CMU: Record<string, string[]> = {
  seabrook: ['S IY1 B R UH2 K'],
  see: ['S IY1'],
  sea: ['S IY1'],
  brook: ['B R UH1 K'],
  brightwell: ['B R AY1 T W EH2 L'],
  bright: ['B R AY1 T'],
  while: ['W AY1 L'],
  kestrel: ['K EH1 S T R AH0 L'],
  castro: ['K AE1 S T R OW0'],
  hello: ['HH AH0 L OW1'],
  this: ['DH IH1 S'],
  is: ['IH1 Z'],
  insurance: ['IH2 N SH UH1 R AH0 N S'],
  come: ['K AH1 M'],
  calm: ['K AA1 M'],
  down: ['D AW1 N'],
};
const pronounce = (word: string) => CMU[word] ?? [];

describe('matching names by sound', () => {
  const sut = new PhraseMatcher({ pronounce });
  const best = (phrase: string, heard: string, bySound = true) => {
    const matcher = bySound ? sut : new PhraseMatcher();
    return matcher.findBest(matcher.compile(phrase, { bySound }), matcher.index(aConversation([['agent', heard]])));
  };

  it('finds a brand heard as two everyday words that sound like it, and says why', () => {
    const match = best('Seabrook', 'hello this is see brook insurance');

    expect(match.matched).toBe(true);
    expect(match.matchedWords[0]).toMatchObject({ expected: 'seabrook', heard: 'see brook', how: 'split' });
  });

  it('does not find it by spelling alone', () => {
    expect(best('Seabrook', 'hello this is see brook insurance', false).matched).toBe(false);
  });

  it('finds a name heard as one word that sounds close', () => {
    const match = best('Kestrel', 'hello this is castro');

    expect(match.score).toBeGreaterThanOrEqual(0.6);
    expect(match.matchedWords[0].how).toBe('sound');
  });

  it('leaves phrases that are not names to spelling, so "come down" is not "calm down"', () => {
    const forbidden = sut.compile('calm down', { threshold: 0.85 });

    expect(sut.findBest(forbidden, sut.index(aConversation([['agent', 'come down']]))).matched).toBe(false);
  });
});

describe('phone similarity', () => {
  it('is 1 for the same sounds and lower for other vowels than for other consonants', () => {
    expect(phoneSimilarity(phoneCode('S IY1'), phoneCode('S IY0'))).toBe(1);
    expect(phoneSimilarity(phoneCode('K AA M'), phoneCode('K AH M'))).toBeGreaterThan(phoneSimilarity(phoneCode('K AA M'), phoneCode('K AA T')));
    expect(phoneSimilarity(phoneCode('K AA M'), phoneCode('S IY'))).toBeLessThan(0.4);
  });
});
