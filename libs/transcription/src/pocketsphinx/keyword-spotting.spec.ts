import type { RecognizedWord } from '../transcriber';
import { keywordListFile, keywordThreshold, mergeKeywordHits as sut } from './keyword-spotting';

const word = (text: string, startMs: number, endMs: number, confidence: number): RecognizedWord => ({ text, startMs, endMs, confidence });

// What the language model heard in the flite greeting, and what keyword spotting found there.
const recognised = [
  word('this', 660, 1020, 0.99),
  word('is', 1030, 1160, 0.98),
  word('an', 1170, 1240, 0.07),
  word('earth', 1250, 1520, 0.18),
  word('wind', 1530, 1850, 0.72),
  word('and', 1860, 2320, 0.95),
];

describe('mergeKeywordHits', () => {
  it('replaces the unsure words a keyword covers', () => {
    const merged = sut(recognised, [word('northwind', 1170, 1770, 0.9)]);

    expect(merged.map((w) => w.text)).toEqual(['this', 'is', 'northwind', 'and']);
  });

  it('ignores a keyword over words the recogniser heard clearly', () => {
    const merged = sut(recognised, [word('priya', 660, 1160, 0.85)]);

    expect(merged).toEqual(recognised);
  });

  it('keeps only the strongest of overlapping hits', () => {
    const merged = sut(recognised, [word('northwind', 1170, 1770, 0.85), word('northwind', 1180, 1770, 0.89)]);

    expect(merged.filter((w) => w.text === 'northwind')).toEqual([word('northwind', 1180, 1770, 0.89)]);
  });

  it('adds a keyword heard where the recogniser found nothing', () => {
    expect(sut([], [word('priya', 100, 400, 0.9)])).toEqual([word('priya', 100, 400, 0.9)]);
  });
});

describe('keywordListFile', () => {
  it('lists one keyphrase per line with a stricter threshold for shorter words', () => {
    expect(
      keywordListFile([
        { word: 'priya', phoneCount: 5 },
        { word: 'northwind(2)', phoneCount: 8 },
      ]),
    ).toBe('priya /1e-6/\nnorthwind(2) /1e-12/\n');
    expect(keywordThreshold(3)).toBeGreaterThan(keywordThreshold(5));
  });
});
