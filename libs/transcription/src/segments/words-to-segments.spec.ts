import type { RecognizedWord } from '../transcriber';
import { wordsToSegments as sut } from './words-to-segments';

const word = (text: string, startMs: number, endMs: number, confidence = 1): RecognizedWord => ({ text, startMs, endMs, confidence });

describe('wordsToSegments', () => {
  it('splits where the pause between words is longer than maxGapMs', () => {
    const words = [word('hello', 0, 400), word('there', 500, 900), word('how', 2500, 2700), word('are', 2750, 2900)];

    const segments = sut(words, 'agent', { maxGapMs: 800 });

    expect(segments.map(({ text, startMs, endMs }) => ({ text, startMs, endMs }))).toEqual([
      { text: 'hello there', startMs: 0, endMs: 900 },
      { text: 'how are', startMs: 2500, endMs: 2900 },
    ]);
  });

  it('labels segments with the speaker and averages word confidence', () => {
    const [segment] = sut([word('yes', 0, 300, 0.9), word('please', 350, 700, 0.5)], 'customer', { maxGapMs: 800 });

    expect(segment).toMatchObject({ speaker: 'customer', confidence: 0.7 });
    expect(segment.words).toHaveLength(2);
  });

  it('orders words by time before grouping', () => {
    expect(sut([word('b', 500, 600), word('a', 0, 100)], 'unknown', { maxGapMs: 800 })[0].text).toBe('a b');
  });

  it('returns no segments for no words', () => {
    expect(sut([], 'agent')).toEqual([]);
  });
});
