import { Speaker, Transcript } from '../transcript.types';
import { splitUnits } from '../matching/normalise-text';

/** A word of a segment with its time and, when it could be located, its offsets in the segment text. */
export interface TimedWord {
  segment: number;
  /** Index in `segment.words`, or -1 when the word was cut from the text. */
  wordIndex: number;
  speaker: Speaker;
  text: string;
  startMs: number;
  endMs: number;
  charStart: number;
  charEnd: number;
}

/** The words of one segment; without word timings the text is cut into words spread evenly over the segment. */
export function timedWordsOf(transcript: Transcript, s: number): TimedWord[] {
  const segment = transcript[s];
  const out: TimedWord[] = [];
  if (segment.words && segment.words.length > 0) {
    let cursor = 0;
    segment.words.forEach((word, wordIndex) => {
      const at = word.text ? segment.text.indexOf(word.text, cursor) : -1;
      if (at >= 0) cursor = at + word.text.length;
      out.push({
        segment: s,
        wordIndex,
        speaker: segment.speaker,
        text: word.text,
        startMs: word.startMs,
        endMs: word.endMs,
        charStart: at,
        charEnd: at >= 0 ? at + word.text.length : -1,
      });
    });
    return out;
  }
  const units = splitUnits(segment.text);
  const step = (segment.endMs - segment.startMs) / Math.max(units.length, 1);
  units.forEach((unit, u) => {
    out.push({
      segment: s,
      wordIndex: -1,
      speaker: segment.speaker,
      text: unit.text,
      startMs: Math.round(segment.startMs + u * step),
      endMs: Math.round(segment.startMs + (u + 1) * step),
      charStart: unit.start,
      charEnd: unit.end,
    });
  });
  return out;
}

/** Every word of the transcript, segment by segment in time order. */
export function timedWords(transcript: Transcript): TimedWord[] {
  const order = transcript.map((_, i) => i).sort((a, b) => transcript[a].startMs - transcript[b].startMs || a - b);
  const out: TimedWord[] = [];
  for (const s of order) for (const word of timedWordsOf(transcript, s)) out.push(word);
  return out;
}
