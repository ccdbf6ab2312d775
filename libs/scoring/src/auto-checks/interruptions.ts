import { Transcript, TranscriptSegment } from '../transcript.types';

export interface Interruption {
  agent: TranscriptSegment;
  customer: TranscriptSegment;
}

export interface InterruptionOptions {
  /** Agent turns shorter than this are backchannel ("mm-hm", "right"), not interruptions. */
  minTurnMs?: number;
  /** The customer must have been talking this long already, and go on this long after. */
  graceMs?: number;
}

function wordCount(segment: TranscriptSegment): number {
  return segment.words?.length ?? segment.text.split(/\s+/).filter(Boolean).length;
}

/** Agent turns that start while the customer is in the middle of speaking. */
export function findInterruptions(transcript: Transcript, options: InterruptionOptions = {}): Interruption[] {
  const minTurnMs = options.minTurnMs ?? 1000;
  const graceMs = options.graceMs ?? 300;
  const byStart = (a: TranscriptSegment, b: TranscriptSegment): number => a.startMs - b.startMs;
  const customer = transcript.filter((s) => s.speaker === 'customer').sort(byStart);
  const agent = transcript.filter((s) => s.speaker === 'agent').sort(byStart);
  const found: Interruption[] = [];
  let c = 0;
  let latest: TranscriptSegment | undefined;
  for (const turn of agent) {
    if (turn.endMs - turn.startMs < minTurnMs || wordCount(turn) <= 2) continue;
    // latest = the customer turn that started before this agent turn and runs on the longest
    while (c < customer.length && customer[c].startMs < turn.startMs - graceMs) {
      if (!latest || customer[c].endMs > latest.endMs) latest = customer[c];
      c++;
    }
    if (latest && turn.startMs < latest.endMs - graceMs) found.push({ agent: turn, customer: latest });
  }
  return found;
}
