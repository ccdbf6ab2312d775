import { talkFactsFromSegments } from './talk-facts-from-segments';

const seg = (speaker: 'agent' | 'customer', startMs: number, endMs: number) => ({ speaker, startMs, endMs, text: 'x', confidence: 1 });

describe('talkFactsFromSegments', () => {
  it('adds talk per speaker, counting overlapping segments of one speaker once', () => {
    const sut = talkFactsFromSegments([seg('agent', 0, 2000), seg('agent', 1500, 3000), seg('customer', 4000, 5000)], 6000);
    expect(sut.talkMs).toEqual({ agent: 3000, customer: 1000, unknown: 0 });
  });

  it('finds the longest silence, including the end of the call', () => {
    expect(talkFactsFromSegments([seg('agent', 0, 1000), seg('customer', 2000, 3000)], 10_000)).toMatchObject({ longestSilenceMs: 7000, longestSilenceStartMs: 3000 });
    expect(talkFactsFromSegments([seg('agent', 5000, 6000)], 6000)).toMatchObject({ longestSilenceMs: 5000, longestSilenceStartMs: 0 });
  });

  it('measures time both sides talk at once', () => {
    expect(talkFactsFromSegments([seg('agent', 0, 3000), seg('customer', 2000, 4000)], 4000).overlapMs).toBe(1000);
  });
});
