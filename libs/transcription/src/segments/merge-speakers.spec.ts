import type { TranscriptSegment } from '@callgrade/transcript-model';
import { mergeSpeakers as sut } from './merge-speakers';

const segment = (speaker: TranscriptSegment['speaker'], startMs: number, endMs: number): TranscriptSegment => ({
  speaker,
  startMs,
  endMs,
  text: `${speaker}@${startMs}`,
  confidence: 1,
  words: [],
});

describe('mergeSpeakers', () => {
  it('interleaves both channels by start time', () => {
    const agent = [segment('agent', 0, 3000), segment('agent', 9000, 10000)];
    const customer = [segment('customer', 3500, 8000), segment('customer', 9500, 9800)];

    expect(sut(agent, customer).map((s) => s.text)).toEqual(['agent@0', 'customer@3500', 'agent@9000', 'customer@9500']);
  });

  it('puts the shorter of two segments starting together first', () => {
    expect(sut([segment('agent', 100, 900)], [segment('customer', 100, 300)]).map((s) => s.speaker)).toEqual(['customer', 'agent']);
  });
});
