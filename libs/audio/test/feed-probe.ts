import { AudioFacts, AudioProbeError, StreamingAudioProbe } from '@callgrade/audio';

export type ProbeOutcome = { facts: AudioFacts } | { code: string; message: string };

/** Feeds `bytes` to a new probe in chunks whose sizes cycle through `chunkSizes`. */
export function feedProbe(bytes: Buffer, chunkSizes: number[] = [bytes.length || 1]): ProbeOutcome {
  const sut = new StreamingAudioProbe();
  let offset = 0;
  for (let i = 0; offset < bytes.length; i += 1) {
    const size = chunkSizes[i % chunkSizes.length];
    sut.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  try {
    return { facts: sut.finish() };
  } catch (error) {
    if (!(error instanceof AudioProbeError)) throw error;
    return { code: error.code, message: error.message };
  }
}

export function probeFacts(bytes: Buffer, chunkSizes?: number[]): AudioFacts {
  const outcome = feedProbe(bytes, chunkSizes);
  if ('facts' in outcome) return outcome.facts;
  throw new Error(`expected audio facts, got ${outcome.code}: ${outcome.message}`);
}

export function probeRefusal(bytes: Buffer, chunkSizes?: number[]): { code: string; message: string } {
  const outcome = feedProbe(bytes, chunkSizes);
  if ('code' in outcome) return outcome;
  throw new Error(`expected a refusal, got ${JSON.stringify(outcome.facts)}`);
}
