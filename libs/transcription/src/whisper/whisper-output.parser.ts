import type { WhisperSegment } from './whisper-segment';

// whisper.cpp prints each segment as "[00:00:01.590 --> 00:00:02.850]   Americans".
const SEGMENT_LINE = /^\[(\d+):(\d{2}):(\d{2})[.,](\d{3}) --> (\d+):(\d{2}):(\d{2})[.,](\d{3})\]\s?(.*)$/;

export function parseWhisperOutput(text: string): WhisperSegment[] {
  const segments: WhisperSegment[] = [];
  for (const line of text.split('\n')) {
    const match = SEGMENT_LINE.exec(line.trim());
    if (!match) continue;
    const [, h0, m0, s0, ms0, h1, m1, s1, ms1, body] = match;
    const spoken = body.trim();
    if (!spoken) continue;
    segments.push({ startMs: toMs(h0, m0, s0, ms0), endMs: toMs(h1, m1, s1, ms1), text: spoken });
  }
  return segments;
}

function toMs(hours: string, minutes: string, seconds: string, millis: string): number {
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + Number(millis);
}
