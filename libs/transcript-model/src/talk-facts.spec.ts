import { talkFacts as sut } from './talk-facts';
import { Speaker } from './transcript';

const said = (speaker: Speaker, startMs: number, endMs: number) => ({ speaker, startMs, endMs });

describe('talkFacts', () => {
  it('adds talk per speaker, counting overlapping segments of one speaker once', () => {
    expect(sut([said('agent', 0, 2000), said('agent', 1500, 3000), said('customer', 4000, 5000)], 6000).talkMs).toEqual({
      agent: 3000,
      customer: 1000,
      unknown: 0,
    });
  });

  it('finds the longest silence between speech', () => {
    expect(sut([said('agent', 0, 1000), said('customer', 2000, 3000), said('agent', 6000, 7000)], 10_000)).toMatchObject({
      longestSilenceMs: 3000,
      longestSilenceStartMs: 3000,
    });
  });

  it('does not count the silence before the first words or after the last as dead air', () => {
    // 8 s of ringing, then 1 s of talk with a 0.5 s pause, then 9 s until the recording stops.
    expect(sut([said('agent', 8000, 8500), said('customer', 9000, 9500)], 18_500)).toMatchObject({ longestSilenceMs: 500, longestSilenceStartMs: 8500 });
  });

  it('reports no silence for a call with one stretch of speech, or none', () => {
    expect(sut([said('agent', 5000, 6000)], 6000)).toMatchObject({ longestSilenceMs: 0, longestSilenceStartMs: 0 });
    expect(sut([], 3000)).toEqual({
      durationMs: 3000,
      talkMs: { agent: 0, customer: 0, unknown: 0 },
      longestSilenceMs: 0,
      longestSilenceStartMs: 0,
      overlapMs: 0,
    });
  });

  it('measures time both sides talk at once, once however the segments are cut', () => {
    expect(sut([said('agent', 0, 3000), said('customer', 2000, 4000)], 4000).overlapMs).toBe(1000);
    expect(sut([said('agent', 0, 2500), said('agent', 2400, 3000), said('customer', 2000, 4000)], 4000).overlapMs).toBe(1000);
  });

  it('does not count one speaker talking over themself as overlap', () => {
    expect(sut([said('agent', 0, 3000), said('agent', 1000, 2000)], 3000).overlapMs).toBe(0);
  });
});
