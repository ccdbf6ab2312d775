import { aConversation, aSegment } from '../../test/transcript.builders';
import { PhraseMatcher } from './phrase-matcher';

describe('PhraseMatcher', () => {
  let sut: PhraseMatcher;

  beforeEach(() => {
    sut = new PhraseMatcher();
  });

  function best(phrase: string, segments: ReturnType<typeof aConversation>, scope = {}) {
    return sut.findBest(sut.compile(phrase), sut.index(segments), scope);
  }

  it('matches a phrase said word for word with score 1', () => {
    const match = best('thank you for calling', aConversation([['agent', 'Thank you for calling, goodbye.']]));

    expect(match).toMatchObject({ score: 1, matched: true });
    expect(match.evidence).toEqual([{ speaker: 'agent', startMs: 0, endMs: 1600, text: 'Thank you for calling,' }]);
  });

  it('matches a name the recogniser split in two, and one it wrote as one word', () => {
    const split = best('hello this is Northwind', aConversation([['agent', 'Hello this is North Wind']]));
    const joined = best('hello this is north wind', aConversation([['agent', 'Hello this is Northwind']]));

    expect(split.score).toBe(1);
    expect(split.matchedWords[3]).toMatchObject({ expected: 'northwind', heard: 'North Wind' });
    expect(joined.score).toBe(1);
  });

  it('still matches a misheard word by sound, at a lower score', () => {
    const match = best('thanks for calling', aConversation([['agent', 'thanks for going']]));

    expect(match.matched).toBe(true);
    expect(match.score).toBeLessThan(1);
    expect(match.matchedWords[2]).toMatchObject({ expected: 'calling', heard: 'going' });
  });

  it('matches a misspelt name by spelling', () => {
    expect(best('my name is Kathryn', aConversation([['agent', 'my name is Catherine']])).matched).toBe(true);
  });

  it('tolerates filler words inside the phrase at almost no cost', () => {
    const match = best('how can I help you', aConversation([['agent', 'how um can I uh help you']]));

    expect(match.score).toBeGreaterThan(0.95);
  });

  it('tolerates an extra word and a missing word at a cost', () => {
    const extra = best('is there anything else I can help you with', aConversation([['agent', 'is there anything else today I can help you with']]));
    const missing = best('is there anything else I can help you with', aConversation([['agent', 'is there anything I can help you with']]));

    expect(extra.matched).toBe(true);
    expect(extra.score).toBeLessThan(1);
    expect(missing.matched).toBe(true);
    expect(missing.matchedWords.find((w) => w.expected === 'else')).toMatchObject({ heard: null });
  });

  it('does not match the words in another order', () => {
    expect(best('you can help me', aConversation([['agent', 'me help can you']])).matched).toBe(false);
  });

  it('does not match when only a few of the words are there', () => {
    expect(best('thank you for calling Northwind', aConversation([['agent', 'thank you very much']])).matched).toBe(false);
  });

  it('looks only at the requested speaker', () => {
    const segments = aConversation([
      ['customer', 'thank you for calling'],
      ['agent', 'no problem at all'],
    ]);

    expect(best('thank you for calling', segments, { speakers: 'agent' }).matched).toBe(false);
    expect(best('thank you for calling', segments, { speakers: ['customer'] }).matched).toBe(true);
  });

  it('looks only within the window from the speaker’s first word', () => {
    const segments = [
      aSegment('customer', 0, 'hello hello is anyone there'),
      aSegment('agent', 5_000, 'sorry about that'),
      aSegment('agent', 25_000, 'hello this is Northwind'),
    ];
    const scope = (toMs: number) => ({ speakers: 'agent' as const, window: { anchor: 'speaker_start' as const, fromMs: 0, toMs } });

    expect(best('hello this is Northwind', segments, scope(15_000)).matched).toBe(false);
    expect(best('hello this is Northwind', segments, scope(25_000)).matched).toBe(true);
  });

  it('looks only within a window counted back from the speaker’s last word', () => {
    const segments = [aSegment('agent', 0, 'have a nice day'), aSegment('agent', 120_000, 'goodbye now')];
    const closing = { speakers: 'agent' as const, window: { anchor: 'speaker_end' as const, fromMs: -30_000 } };

    expect(best('have a nice day', segments, closing).matched).toBe(false);
    expect(best('goodbye', segments, closing).matched).toBe(true);
  });

  it('gives evidence per segment when a phrase runs across two segments', () => {
    const segments = [aSegment('agent', 0, 'is there anything'), aSegment('agent', 2_000, 'else I can help you with')];

    const match = best('is there anything else I can help you with', segments);

    expect(match.score).toBe(1);
    expect(match.evidence).toEqual([
      { speaker: 'agent', startMs: 0, endMs: 1200, text: 'is there anything' },
      { speaker: 'agent', startMs: 2000, endMs: 4400, text: 'else I can help you with' },
    ]);
  });

  it('spreads word times evenly over a segment without word timings', () => {
    const segment = aSegment('agent', 10_000, 'one two three four', { withWords: false });
    segment.endMs = 14_000;

    const match = best('three four', [segment]);

    expect(match.evidence).toEqual([{ speaker: 'agent', startMs: 12_000, endMs: 14_000, text: 'three four' }]);
  });

  it('finds every separate occurrence', () => {
    const segments = aConversation([
      ['agent', 'thank you so much'],
      ['customer', 'no worries'],
      ['agent', 'ok thank you bye'],
    ]);

    const matches = sut.findAll(sut.compile('thank you'), sut.index(segments), { speakers: 'agent' });

    expect(matches.map((m) => m.evidence[0].text)).toEqual(['thank you', 'thank you']);
  });

  it('finds phrases compiled after the transcript was indexed', () => {
    const index = sut.index(aConversation([['agent', 'welcome to Contoso Pharmacy']]));

    expect(sut.findBest(sut.compile('Contoso Pharmacy'), index).score).toBe(1);
  });

  it('takes the best of several wordings', () => {
    const phrase = sut.compile(['how may I help you', 'what can I do for you']);

    const match = sut.findBest(phrase, sut.index(aConversation([['agent', 'so what can I do for you today']])));

    expect(match).toMatchObject({ phrase: 'what can I do for you', score: 1 });
  });

  it('reports no match with score 0 when no phrase word is said', () => {
    const match = best('shut up', aConversation([['agent', 'good morning']]));

    expect(match).toMatchObject({ score: 0, matched: false, evidence: [] });
    expect(match.matchedWords.map((w) => w.heard)).toEqual([null, null]);
  });

  it('respects a per-phrase threshold', () => {
    const index = sut.index(aConversation([['agent', 'thanks for going']]));

    expect(sut.findBest(sut.compile('thanks for calling', { threshold: 0.95 }), index).matched).toBe(false);
  });
});
