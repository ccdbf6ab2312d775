import { aSegment } from '../../test/transcript.builders';
import { TranscriptSegment } from '../transcript.types';
import { PhraseMatcher } from './phrase-matcher';

function mandarin(text: string, startMs = 0): TranscriptSegment {
  return { speaker: 'agent', startMs, endMs: startMs + text.length * 250, text, confidence: 0.9 };
}

describe('PhraseMatcher on Mandarin', () => {
  let sut: PhraseMatcher;

  beforeEach(() => {
    sut = new PhraseMatcher();
  });

  it('matches a script in text without spaces, character by character', () => {
    const match = sut.findBest(sut.compile('您好，这里是北京银行，我是小王'), sut.index([mandarin('您好，这里是北京银行，我是小王，请问有什么可以帮您？')]));

    expect(match).toMatchObject({ score: 1, matched: true });
    expect(match.evidence[0].text).toBe('您好，这里是北京银行，我是小王');
  });

  it('matches a homophone the recogniser wrote instead (背景 for 北京)', () => {
    const match = sut.findBest(sut.compile('您好，这里是北京银行'), sut.index([mandarin('您好，这里是背景银行')]));

    expect(match.matched).toBe(true);
    expect(match.score).toBeLessThan(1);
    expect(match.matchedWords.filter((w) => w.expected !== w.heard).map((w) => `${w.expected}→${w.heard}`)).toEqual(['北→背', '京→景']);
  });

  it('accepts any reading of a polyphone in the transcript (行 as hang)', () => {
    const match = sut.findBest(sut.compile('银行'), sut.index([mandarin('银航')]));

    expect(match.matched).toBe(true);
  });

  it('splits recogniser words of several characters into characters', () => {
    const segment = aSegment('agent', 0, '您好 这里是 北京 银行');

    const match = sut.findBest(sut.compile('这里是北京银行'), sut.index([segment]));

    expect(match.score).toBe(1);
    expect(match.evidence[0]).toMatchObject({ startMs: 400, text: '这里是北京银行' });
  });

  it('does not match unrelated Mandarin', () => {
    expect(sut.findBest(sut.compile('感谢您的来电'), sut.index([mandarin('我想查询一下我的账单')])).matched).toBe(false);
  });

  it('matches a Latin company name inside a Mandarin script', () => {
    const match = sut.findBest(sut.compile('您好，这里是Northwind'), sut.index([mandarin('您好这里是 North Wind')]));

    expect(match.score).toBe(1);
  });
});
