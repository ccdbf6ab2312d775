import { Speaker, TalkFacts, TranscriptSegment, TranscriptWord } from '../src/transcript.types';

const WORD_MS = 400;

/** A segment whose words are spread evenly, `WORD_MS` each, from `startMs`. */
export function aSegment(speaker: Speaker, startMs: number, text: string, options: { withWords?: boolean; confidence?: number } = {}): TranscriptSegment {
  const pieces = text.split(/\s+/).filter(Boolean);
  const endMs = startMs + Math.max(pieces.length, 1) * WORD_MS;
  const confidence = options.confidence ?? 0.92;
  const segment: TranscriptSegment = { speaker, startMs, endMs, text, confidence };
  if (options.withWords ?? true) {
    segment.words = pieces.map((p, i): TranscriptWord => ({ text: p, startMs: startMs + i * WORD_MS, endMs: startMs + (i + 1) * WORD_MS, confidence }));
  }
  return segment;
}

/** Segments said one after another with a short pause, alternating as given. */
export function aConversation(turns: [Speaker, string][], startMs = 0, pauseMs = 300): TranscriptSegment[] {
  const segments: TranscriptSegment[] = [];
  let at = startMs;
  for (const [speaker, text] of turns) {
    const segment = aSegment(speaker, at, text);
    segments.push(segment);
    at = segment.endMs + pauseMs;
  }
  return segments;
}

export function someTalkFacts(overrides: Partial<TalkFacts> = {}): TalkFacts {
  return {
    talkMs: { agent: 60_000, customer: 50_000, unknown: 0 },
    longestSilenceMs: 2_000,
    longestSilenceStartMs: 10_000,
    overlapMs: 500,
    durationMs: 120_000,
    ...overrides,
  };
}

const SMALL_TALK = (
  'i would like to check the status of my order it was supposed to arrive last week but nothing came ' +
  'let me look that up for you can you confirm the postcode on the account yes it is the same as before ' +
  'the parcel left our warehouse on monday and the courier tried to deliver it on wednesday afternoon ' +
  'nobody was at home so they left a card i did not see any card at the door maybe it blew away ' +
  'i can arrange a new delivery date for you would friday morning work for you that would be great ' +
  'the refund will appear on your statement within five working days the invoice was sent by email ' +
  'my internet connection keeps dropping every evening around eight we checked the router lights ' +
  'our engineers found a fault on the line and they will fix it tomorrow you will get a text message ' +
  'could you spell your surname for me it is spelt with a double l and an e at the end'
).split(' ');

/** Deterministic pseudo-random numbers, so benchmarks and tests see the same calls every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

/**
 * A five-minute call of about 750 words: a scripted greeting, small talk from both sides (with a few
 * words never seen before, like names and reference numbers), and a scripted closing.
 */
export function aFiveMinuteCall(seed: number, agentName = 'Anna'): TranscriptSegment[] {
  const random = seededRandom(seed);
  const turns: [Speaker, string][] = [['agent', `Hello, this is Northwind, my name is ${agentName}. How can I help you today?`]];
  let words = 15;
  let speaker: Speaker = 'customer';
  while (words < 720) {
    const length = 6 + Math.floor(random() * 12);
    const picked: string[] = [];
    for (let i = 0; i < length; i++) {
      picked.push(random() < 0.01 ? `ref${Math.floor(random() * 1e6)}` : SMALL_TALK[Math.floor(random() * SMALL_TALK.length)]);
    }
    if (speaker === 'agent' && random() < 0.2) picked.push('thank', 'you');
    turns.push([speaker, picked.join(' ')]);
    words += picked.length;
    speaker = speaker === 'agent' ? 'customer' : 'agent';
  }
  turns.push(['agent', 'Is there anything else I can help you with? Thank you for calling Northwind, have a nice day.']);
  return aConversation(turns);
}
