import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aFliteCall } from '../../test/flite-call.builder';
import { concat, hiss, mix, SAMPLE_RATE, silence, tone } from '../../test/synthetic-pcm.builder';
import { measureTalkFactsOfFiles } from './measure-recording';
import { prepareChannels } from './prepare-channels';
import { talkFacts } from '@callgrade/transcript-model';
import { measureTalkFacts as sut } from './talk-facts';

// Real tools (flite, sox, ffmpeg, pocketsphinx) are slow when the machine is busy.
jest.setTimeout(60_000);

const channel = (speaker: 'agent' | 'customer' | 'unknown', samples: Int16Array) => ({ speaker, samples, sampleRate: SAMPLE_RATE });

describe('measureTalkFacts', () => {
  // agent talks 0-1000 and 3000-4000 ms, the customer 800-2000 ms, of 5000 ms.
  const agent = concat(tone(1000), silence(2000), tone(1000), silence(1000));
  const customer = concat(silence(800), tone(1200), silence(3000));

  it('measures talk time per speaker, overlap and the longest silence exactly', () => {
    expect(sut([channel('agent', agent), channel('customer', customer)])).toEqual({
      durationMs: 5000,
      talkMs: { agent: 2000, customer: 1200, unknown: 0 },
      longestSilenceMs: 1000,
      longestSilenceStartMs: 2000,
      overlapMs: 200,
    });
  });

  it('measures the same over a noise floor instead of digital silence', () => {
    const facts = sut([channel('agent', mix(agent, hiss(5000))), channel('customer', mix(customer, hiss(5000, 0.002)))]);

    expect(facts).toMatchObject({ talkMs: { agent: 2000, customer: 1200 }, overlapMs: 200, longestSilenceMs: 1000, longestSilenceStartMs: 2000 });
  });

  it('counts a short pause inside speech as talk and ignores a click', () => {
    const speech = concat(tone(500), silence(200), tone(500), silence(1000), tone(20), silence(1000));

    expect(sut([channel('unknown', speech)]).talkMs).toEqual({ agent: 0, customer: 0, unknown: 1200 });
  });

  it('does not count silence before the first or after the last speech', () => {
    const facts = sut([channel('unknown', concat(silence(3000), tone(500), silence(400), tone(500), silence(3000)))]);

    expect(facts).toMatchObject({ longestSilenceMs: 400, longestSilenceStartMs: 3500 });
  });

  it('reports no talk and no silence gap for a silent recording', () => {
    expect(sut([channel('agent', silence(2000)), channel('customer', hiss(2000))])).toEqual({
      durationMs: 2000,
      talkMs: { agent: 0, customer: 0, unknown: 0 },
      longestSilenceMs: 0,
      longestSilenceStartMs: 0,
      overlapMs: 0,
    });
  });

  it('gives a call the same facts whether its audio is measured or a supplied transcript of it is', () => {
    // Ringing before the agent answers and line noise after the goodbye: neither is dead air.
    const agentSide = concat(silence(4000), tone(1500), silence(2500), tone(1000), silence(3000));
    const customerSide = concat(silence(5200), tone(1800), silence(5000));
    const supplied = [
      { speaker: 'agent' as const, startMs: 4000, endMs: 5500, text: 'Northwind Bank, Sam speaking', confidence: 1 },
      { speaker: 'customer' as const, startMs: 5200, endMs: 7000, text: 'I lost my card', confidence: 1 },
      { speaker: 'agent' as const, startMs: 8000, endMs: 9000, text: 'one moment', confidence: 1 },
    ];

    const fromAudio = sut([channel('agent', mix(agentSide, hiss(12_000))), channel('customer', mix(customerSide, hiss(12_000, 0.002)))]);

    expect(fromAudio).toEqual(talkFacts(supplied, 12_000));
    expect(fromAudio).toEqual({
      durationMs: 12_000,
      talkMs: { agent: 2500, customer: 1800, unknown: 0 },
      longestSilenceMs: 1000,
      longestSilenceStartMs: 7000,
      overlapMs: 300,
    });
  });

  it('measures a flite call: agent first, a pause, then the customer, without overlap', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'talk-facts-'));
    try {
      const call = await aFliteCall(dir, 6.5);
      const audio = await prepareChannels({ audioPath: call.stereoPath, channels: 2, layout: 'agent-left', tmpRoot: dir });

      const facts = await measureTalkFactsOfFiles(audio.channels);

      expect(facts.overlapMs).toBe(0);
      expect(facts.talkMs.agent).toBeGreaterThan(4000);
      expect(facts.talkMs.agent).toBeLessThan(5600);
      expect(facts.talkMs.customer).toBeGreaterThan(2500);
      expect(facts.talkMs.customer).toBeLessThan(3600);
      // The agent's greeting ends near 6.0 s and the customer starts at 6.5 s.
      expect(facts.longestSilenceStartMs).toBeGreaterThan(5500);
      expect(facts.longestSilenceStartMs).toBeLessThan(6300);
      expect(facts.longestSilenceMs).toBeGreaterThan(300);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
