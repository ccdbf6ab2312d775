import { DomainError } from '@callgrade/http';
import { SPEAKERS, TranscriptSegment } from '@callgrade/transcript-model';

const MAX_SEGMENTS = 20_000;

/**
 * Validates a transcript sent with an upload by a phone system that transcribes itself:
 * a JSON array of `{speaker, startMs, endMs, text, confidence?}`. Errors name the segment and field.
 */
export function parseSuppliedTranscript(json: string, durationMs: number): TranscriptSegment[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw DomainError.validation({ transcript: `is not valid JSON (${(e as Error).message})` });
  }
  const list = Array.isArray(value) ? value : (value as { segments?: unknown })?.segments;
  if (!Array.isArray(list)) throw DomainError.validation({ transcript: 'must be a JSON array of segments (or {"segments": [...]})' });
  if (list.length === 0)
    throw DomainError.validation({ transcript: 'has no segments: send at least one, or leave the transcript out to have the call transcribed' });
  if (list.length > MAX_SEGMENTS) throw DomainError.validation({ transcript: `has more than ${MAX_SEGMENTS} segments` });
  const errors: Record<string, string> = {};
  const segments = list.map((raw, i): TranscriptSegment => {
    const s = raw as Record<string, unknown>;
    const at = `transcript[${i}]`;
    if (typeof s !== 'object' || s === null) errors[at] = 'must be an object';
    else {
      if (!(SPEAKERS as readonly unknown[]).includes(s.speaker)) errors[`${at}.speaker`] = 'must be agent, customer or unknown';
      if (!Number.isFinite(s.startMs) || (s.startMs as number) < 0) errors[`${at}.startMs`] = 'must be a number of milliseconds ≥ 0';
      if (!Number.isFinite(s.endMs) || (s.endMs as number) < (s.startMs as number)) errors[`${at}.endMs`] = 'must be a number ≥ startMs';
      else if ((s.endMs as number) > durationMs + 1000) errors[`${at}.endMs`] = `is after the end of the recording (${durationMs} ms)`;
      if (typeof s.text !== 'string') errors[`${at}.text`] = 'must be a string';
      else if (s.text.includes('\u0000')) errors[`${at}.text`] = 'must not contain NUL characters';
      if (s.confidence !== undefined && !(Number.isFinite(s.confidence) && (s.confidence as number) >= 0 && (s.confidence as number) <= 1)) {
        errors[`${at}.confidence`] = 'must be between 0 and 1';
      }
    }
    return {
      speaker: s?.speaker as TranscriptSegment['speaker'],
      startMs: Number(s?.startMs),
      endMs: Number(s?.endMs),
      text: typeof s?.text === 'string' ? s.text : '',
      confidence: s?.confidence === undefined ? 1 : Number(s.confidence),
    };
  });
  if (Object.keys(errors).length) throw DomainError.validation(errors, 'The supplied transcript is invalid');
  return segments.sort((a, b) => a.startMs - b.startMs);
}
