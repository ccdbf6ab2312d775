import fc from 'fast-check';
import { Speaker, TranscriptSegment } from '../transcript.types';
import { PhraseMatcher } from './phrase-matcher';

const PHRASE_WORDS = ['thank', 'you', 'for', 'calling', 'northwind', 'my', 'name', 'is', 'anna', 'how', 'can', 'help', 'today', 'anything', 'else'];
/** Shares no word with the phrase vocabulary. */
const OTHER_WORDS = [
  'banana',
  'river',
  'yellow',
  'pencil',
  'garden',
  'quiet',
  'mountain',
  'orange',
  'bicycle',
  'window',
  'dolphin',
  'purple',
  'basket',
  'kettle',
];
const FILLERS = ['uh', 'um', 'so'];

function segmentOf(words: string[], speaker: Speaker = 'agent'): TranscriptSegment {
  return {
    speaker,
    startMs: 0,
    endMs: words.length * 300,
    text: words.join(' '),
    confidence: 0.9,
    words: words.map((text, i) => ({ text, startMs: i * 300, endMs: (i + 1) * 300, confidence: 0.9 })),
  };
}

const phraseArb = fc.array(fc.constantFrom(...PHRASE_WORDS), { minLength: 2, maxLength: 8 });

describe('PhraseMatcher properties', () => {
  const sut = new PhraseMatcher();

  it('always matches a phrase with itself, with score 1', () => {
    fc.assert(
      fc.property(phraseArb, (words) => {
        const match = sut.findBest(sut.compile(words.join(' ')), sut.index([segmentOf(words)]));
        return match.matched && match.score === 1;
      }),
    );
  });

  it('still matches when a filler word is inserted anywhere', () => {
    fc.assert(
      fc.property(phraseArb, fc.nat(), fc.constantFrom(...FILLERS), (words, at, filler) => {
        const heard = [...words];
        heard.splice(at % (words.length + 1), 0, filler);
        return sut.findBest(sut.compile(words.join(' ')), sut.index([segmentOf(heard)])).matched;
      }),
    );
  });

  it('still matches when a filler word is inserted in several places', () => {
    fc.assert(
      fc.property(phraseArb, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...FILLERS)), { maxLength: 4 }), (words, inserts) => {
        const heard = [...words];
        for (const [at, filler] of inserts) heard.splice(at % (heard.length + 1), 0, filler);
        return sut.findBest(sut.compile(words.join(' ')), sut.index([segmentOf(heard)])).matched;
      }),
    );
  });

  it('never matches a random sentence from a disjoint vocabulary', () => {
    fc.assert(
      fc.property(phraseArb, fc.array(fc.constantFrom(...OTHER_WORDS, ...FILLERS), { minLength: 1, maxLength: 40 }), (words, sentence) => {
        const match = sut.findBest(sut.compile(words.join(' ')), sut.index([segmentOf(sentence)]));
        return !match.matched;
      }),
    );
  });

  it('finds the phrase inside surrounding unrelated speech', () => {
    fc.assert(
      fc.property(
        phraseArb,
        fc.array(fc.constantFrom(...OTHER_WORDS), { maxLength: 20 }),
        fc.array(fc.constantFrom(...OTHER_WORDS), { maxLength: 20 }),
        (words, before, after) => {
          const match = sut.findBest(sut.compile(words.join(' ')), sut.index([segmentOf([...before, ...words, ...after])]));
          return match.score === 1 && match.evidence[0].startMs === before.length * 300;
        },
      ),
    );
  });
});

/** Pairs of characters that read the same in toneless pinyin. */
const HOMOPHONES: [string, string][] = [
  ['北', '背'],
  ['京', '景'],
  ['市', '是'],
  ['话', '化'],
  ['电', '店'],
  ['服', '福'],
  ['务', '物'],
  ['您', '宁'],
];
const CHARS = ['您', '好', '北', '京', '市', '电', '话', '服', '务', '感', '谢', '来', '请', '问', '帮'];

describe('PhraseMatcher properties on Mandarin', () => {
  const sut = new PhraseMatcher();
  const chinesePhrase = fc.array(fc.constantFrom(...CHARS), { minLength: 4, maxLength: 12 });

  it('always matches a Mandarin phrase with itself', () => {
    fc.assert(
      fc.property(chinesePhrase, (chars) => {
        const text = chars.join('');
        return sut.findBest(sut.compile(text), sut.index([{ speaker: 'agent', startMs: 0, endMs: 3000, text, confidence: 0.9 }])).score === 1;
      }),
    );
  });

  it('matches a Mandarin phrase after one homophone substitution', () => {
    fc.assert(
      fc.property(chinesePhrase, fc.nat(), fc.constantFrom(...HOMOPHONES), (chars, at, [original, homophone]) => {
        const phrase = [...chars];
        phrase[at % phrase.length] = original;
        const heard = [...phrase];
        heard[at % phrase.length] = homophone;
        const transcript = [{ speaker: 'agent' as const, startMs: 0, endMs: 3000, text: heard.join(''), confidence: 0.9 }];
        return sut.findBest(sut.compile(phrase.join('')), sut.index(transcript)).matched;
      }),
    );
  });
});
